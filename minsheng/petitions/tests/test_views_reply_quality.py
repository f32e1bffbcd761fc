"""The reply-quality check of the answer form (/staff/cases/<number>/reply-quality/)."""

import re

import pytest
from django.utils import timezone

from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import S

pytestmark = pytest.mark.django_db

WEAK = {"outcome": "support", "facts": "您的来信已收悉，感谢您对我们工作的支持。"}
COMPLETE = {
    "outcome": "support",
    "facts": "经现场核查，东湖街道某小区3号楼楼道照明自去年12月起损坏属实，物业公司未及时维修。",
    "reasons": "楼道照明属于小区共用设施，物业服务企业应当及时维修养护，老人夜间出行存在安全隐患。",
    "decision": "街道已责令物业公司于三日内修复楼道照明，社区将跟踪回访。"
    "如有疑问请拨打联系电话0731-8888-1234。",
    "basis": "《物业管理条例》第三十五条",
}


@pytest.fixture
def accepted(world, clerk, handler, file_petition):
    # Real time, not the fixed ``now``: the check measures the answer against today's date.
    today = timezone.now()
    p = file_petition(now=today)
    p = services.petition_assign(petition=p, actor=clerk, now=today, unit=world.units["housing"])
    return services.petition_accept(petition=p, actor=handler, now=today)


def total_of_text(text: str) -> int:
    return int(re.search(r"答复质量：(\d+)", text).group(1))


def url(p):
    return f"/staff/cases/{p.number}/reply-quality/"


def total_of(response) -> int:
    return total_of_text(response.content.decode())


def test_it_offers_the_check_in_the_answer_form(client, handler, accepted):
    client.force_login(handler)
    page = client.get(f"/staff/cases/{accepted.number}/").content.decode()
    assert "检查答复质量" in page
    assert f'hx-post="{url(accepted)}"' in page


def test_it_shows_the_handler_a_score_and_what_a_weak_answer_lacks(client, handler, accepted):
    client.force_login(handler)
    response = client.post(url(accepted), WEAK, headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="reply-quality"' in body
    for missing in ("答复内容", "政策法规依据", "处理措施", "联系方式", "诉求1"):
        assert missing in body
    assert total_of(response) < 40


def test_a_complete_answer_scores_higher_and_lacks_no_basis_or_contact(client, handler, accepted):
    client.force_login(handler)
    weak = total_of(client.post(url(accepted), WEAK))
    response = client.post(url(accepted), COMPLETE)
    body = response.content.decode()
    assert total_of(response) > weak
    assert total_of(response) >= 80
    assert "政策法规依据" not in body and "联系方式" not in body
    assert "各要素齐全" in body


def test_it_saves_nothing(client, handler, accepted):
    client.force_login(handler)
    client.post(url(accepted), COMPLETE)
    p = Petition.objects.get(pk=accepted.pk)
    assert p.status == S.ACCEPTED and p.answer_decision == ""


def test_it_hides_the_case_from_outsiders(client, outsider, accepted):
    client.force_login(outsider)
    assert client.post(url(accepted), COMPLETE).status_code == 404


def test_it_sends_a_citizen_to_the_portal(client, citizen, accepted):
    client.force_login(citizen)
    response = client.post(url(accepted), COMPLETE)
    assert response.status_code == 302
    assert "/staff/" not in response["Location"]


def test_it_refuses_someone_who_may_not_answer(client, clerk, accepted):
    # The intake clerk sees the case but the answer is the responsible unit's.
    client.force_login(clerk)
    response = client.post(url(accepted), COMPLETE)
    assert response.status_code == 409
    assert "没有执行" in response.content.decode()


def test_it_refuses_a_case_that_is_not_being_handled(client, handler, world, clerk, file_petition):
    p = file_petition(now=timezone.now())
    services.petition_assign(petition=p, actor=clerk, now=timezone.now(), unit=world.units["housing"])
    client.force_login(handler)
    response = client.post(url(p), COMPLETE)
    assert response.status_code == 409
    assert "不能执行" in response.content.decode()


def test_it_takes_only_posts(client, handler, accepted):
    client.force_login(handler)
    assert client.get(url(accepted)).status_code == 405


def test_the_case_page_shows_the_quality_of_the_answer_sent(client, handler, accepted):
    answer = {k: v for k, v in COMPLETE.items() if k != "outcome"}
    services.petition_answer(
        petition=accepted, actor=handler, now=timezone.now(), outcome="support", **answer
    )
    client.force_login(handler)
    page = client.get(f"/staff/cases/{accepted.number}/").content.decode()
    section = page[page.index("处理结果") :]
    assert "答复质量" in section and total_of_text(section) >= 80
    assert "不会保存" not in section
