"""The clerk sees the router's category suggestions on a case still to be routed."""

import pytest
from django.utils import timezone

from minsheng.petitions import services
from minsheng.textmine.router_store import train_and_publish

pytestmark = pytest.mark.django_db

TRAINING = [
    ("楼道照明 损坏 物业 维修 小区 路灯", "城乡建设"),
    ("小区 电梯 加装 维修 物业 楼道", "城乡建设"),
    ("道路 坑洼 路灯 照明 维修 施工", "城乡建设"),
    ("拖欠 工资 劳动 合同 社保 公司", "劳动和社会保障"),
    ("社保 缴纳 养老 工资 单位 劳动", "劳动和社会保障"),
    ("工资 拖欠 工地 农民工 劳动 仲裁", "劳动和社会保障"),
]


@pytest.fixture
def router(tmp_path):
    return train_and_publish(TRAINING, now=timezone.now(), data_dir=tmp_path)


def test_it_suggests_categories_for_a_case_to_be_routed(client, clerk, file_petition, router):
    petition = file_petition()  # 小区楼道照明长期损坏
    client.force_login(clerk)
    body = client.get(f"/staff/cases/{petition.number}/").content.decode()
    assert "分类与派单建议" in body
    assert body.index("城乡建设", body.index("分类与派单建议")) < body.index(
        "劳动和社会保障", body.index("分类与派单建议")
    )


def test_it_offers_no_suggestion_once_the_case_is_routed(client, world, clerk, file_petition, router, now):
    petition = services.petition_assign(
        petition=file_petition(), actor=clerk, now=now, unit=world.units["housing"]
    )
    client.force_login(clerk)
    assert "分类建议" not in client.get(f"/staff/cases/{petition.number}/").content.decode()


def test_it_shows_the_case_page_without_suggestions_when_no_model_is_published(client, clerk, file_petition):
    petition = file_petition()
    client.force_login(clerk)
    response = client.get(f"/staff/cases/{petition.number}/")
    assert response.status_code == 200 and "分类建议" not in response.content.decode()
