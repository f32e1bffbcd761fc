"""A citizen submits a petition on the portal, staff handle it in the workbench, the citizen rates it."""

import re

import pytest
from playwright.sync_api import expect

from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import Rating, S
from minsheng.testing import PASSWORD, build_world

# serialized_rollback: the flush after a committed test would otherwise drop the seeded calendar.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    expect(page).to_have_url(re.compile(r"/staff/"))


def take_step(page, label, fill=None):
    step = page.locator("details.step", has=page.locator("summary", has_text=label)).first
    step.locator("summary").click()
    form = step.locator("form")
    for name, value in (fill or {}).items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value) if not value.isdigit() else field.select_option(value)
        else:
            field.fill(value)
    form.locator("button[type=submit]").click()


def test_it_carries_a_petition_from_the_portal_through_the_workbench_to_a_rating(page, live_server):
    world = build_world()
    base = live_server.url

    # The citizen writes in.
    page.goto(f"{base}/portal/submit/")
    page.fill("[name=title]", "小区路灯不亮")
    page.fill("[name=request]", "请尽快修复小区路灯。")
    page.fill("[name=facts]", "东湖街道某小区路灯自上月起不亮，夜间出行困难。")
    page.fill("[name=reasons]", "影响居民夜间安全。")
    page.select_option("[name=region]", str(world.regions["street"].pk))
    page.fill("[name=name]", "李晓红")
    page.fill("[name=phone]", "13912345678")
    page.fill("[name=address]", "东湖街道某小区5号楼")
    page.check("[name=consent]")
    page.click("main form button[type=submit]")
    number = page.locator("#receipt-number").inner_text().strip()
    code = page.locator("#receipt-code").inner_text().strip()
    assert number.startswith("XF")

    # The county bureau's clerk assigns it to the housing bureau.
    log_in(page, base, "clerk")
    page.goto(f"{base}/staff/cases/{number}/")
    take_step(page, "交办", {"unit": str(world.units["housing"].pk), "note": "请依法办理并报告结果"})
    expect(page.locator("body")).to_contain_text(str(S.ASSIGNED.label))

    # The housing bureau accepts and answers.
    page.context.clear_cookies()
    log_in(page, base, "handler")
    page.goto(f"{base}/staff/cases/{number}/")
    take_step(page, "受理")
    expect(page.locator("body")).to_contain_text(str(S.ACCEPTED.label))
    take_step(
        page,
        "出具处理意见书",
        {"facts": "经查路灯线路老化。", "reasons": "属物业维修范围。", "decision": "三日内完成维修。",
         "basis": "《物业管理条例》"},
    )  # fmt: skip
    expect(page.locator("body")).to_contain_text(str(S.ANSWERED.label))

    # The citizen looks it up and rates it.
    page.context.clear_cookies()
    page.goto(f"{base}/portal/track/")
    page.fill("[name=number]", number)
    page.fill("[name=code]", code)
    page.click("main form button[type=submit]")
    expect(page.locator("body")).to_contain_text("三日内完成维修")
    page.locator(f"[name=rating][value={Rating.SATISFIED}]").check()
    page.fill("[name=comment]", "修得很快，谢谢。")
    page.click("form[action*=rate] button[type=submit]")
    expect(page.locator("body")).to_contain_text(str(Rating.SATISFIED.label))

    petition = Petition.objects.get(number=number)
    assert petition.status == S.RATED and petition.rating == Rating.SATISFIED
