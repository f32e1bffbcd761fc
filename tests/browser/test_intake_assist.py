"""While the clerk types a petition, the assist panel shows similar cases and pre-fills the category."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from minsheng.testing import ID_NUMBERS, build_world, file_petition
from minsheng.textmine.router_store import train_and_publish
from minsheng.textmine.sources import CATEGORY
from tests.browser.test_petition_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DRAIN = "青石巷排水管道堵塞，每逢下雨污水漫到路面，臭味很大，老人孩子出行困难。"


def test_the_clerk_sees_a_similar_case_and_a_pre_filled_category_while_typing(
    page, live_server, tmp_path, settings
):
    world = build_world()
    housing = world.categories["housing"]
    examples = [
        ("小区楼道照明损坏物业不修", "城乡建设"),
        ("排水管道堵塞污水外溢", "城乡建设"),
        ("公司拖欠工资不发", "劳动和社会保障"),
        ("单位不缴社会保险", "劳动和社会保障"),
    ] * 3
    train_and_publish(examples, now=timezone.now(), data_dir=tmp_path, target=CATEGORY)
    earlier = file_petition(
        world, actor=world.users["clerk"], now=timezone.now(), title="青石巷排水管道堵塞污水外溢",
        request="请求疏通青石巷排水管道。", facts=DRAIN, category=None,
    )  # fmt: skip

    log_in(page, live_server.url, "clerk")
    page.goto(f"{live_server.url}/staff/new/")
    page.fill("#id_title", "青石巷排水管道堵塞")
    page.fill("#id_request", "请求尽快疏通青石巷排水管道。")
    page.fill("#id_facts", DRAIN)
    page.fill("#id_id_number", ID_NUMBERS[0])  # the same person as the earlier case
    page.locator("#id_facts").dispatch_event("change")

    assist = page.locator("#intake-assist")
    expect(assist).to_contain_text(earlier.number)
    expect(assist).to_contain_text("可能重复")
    expect(page.locator("#id_category")).to_have_value(str(housing.pk))
