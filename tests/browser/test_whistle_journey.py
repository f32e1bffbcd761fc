"""街乡吹哨、部门报到 in a browser: a street office whistles, a department reports, the street rates it."""

import pytest
from playwright.sync_api import expect

from minsheng.testing import build_world
from minsheng.whistles.models import Call, Whistle
from tests.browser.test_petition_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_carries_a_whistle_from_raise_to_rating(page, live_server):
    world = build_world()
    base = live_server.url
    housing = world.units["housing"]

    log_in(page, base, "street_handler")
    page.click("nav >> text=吹哨报到")
    page.get_by_role("link", name="吹哨", exact=True).click()
    page.select_option("[name=kind]", "emergency")
    page.select_option("[name=region]", str(world.regions["street"].pk))
    page.fill("[name=place]", "湖滨路12号")
    page.fill("[name=title]", "燃气管道泄漏")
    page.fill("[name=description]", "居民闻到燃气味，已疏散两栋楼。")
    page.check(f"[name=departments][value='{housing.pk}']")
    page.select_option("[name=lead]", str(housing.pk))
    page.click("main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("燃气管道泄漏")
    number = Whistle.objects.get().number

    # The called department sees the reminder, arrives and reports.
    log_in(page, base, "handler")
    page.goto(f"{base}/notices/")
    page.click("text=燃气管道泄漏")
    page.click("button:has-text('到场报到')")
    page.fill("[name=result]", "已关阀并更换破损管段。")
    page.click("button:has-text('反馈结果')")
    expect(page.locator("main")).to_contain_text("已反馈结果")

    # The street office closes the whistle and rates the department.
    log_in(page, base, "street_handler")
    page.goto(f"{base}/whistles/{number}/")
    page.fill("#summary", "险情已排除。")
    page.click("#h-close ~ form button")
    page.select_option(f"#rating-{Call.objects.get().pk}", "4")
    page.fill(f"#comment-{Call.objects.get().pk}", "到场及时")
    page.click("button:has-text('评价')")
    expect(page.locator("main")).to_contain_text("4 / 5")
    assert Whistle.objects.get().status == Whistle.Status.RATED

    # The district sees both sides.
    log_in(page, base, "district_officer")
    page.goto(f"{base}/whistles/assessment/")
    expect(page.locator("#h-dept ~ table")).to_contain_text("青川区住房和城乡建设局")
    expect(page.locator("#h-street ~ table")).to_contain_text("东湖街道办事处")
