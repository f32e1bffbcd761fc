"""A volunteer signs up on the portal, checks in and out with the shift's QR link, the organizer approves
and certifies, and anyone can verify the certificate on the public page.

The live server runs in this process, so the test moves the server's clock (``timezone.now``) from the
sign-up the day before to the morning of the shift, as the real days would.
"""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from minsheng.accounts.models import User
from minsheng.core.periods import CHINA
from minsheng.people import crypto
from minsheng.testing import PASSWORD, build_world
from minsheng.volunteers.models import Activity, ServiceArea, Shift, TeamManager
from minsheng.volunteers.service.models import Certificate, ServiceRecord, Status
from minsheng.volunteers.tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def clock(monkeypatch):
    state = {"now": timezone.now()}
    monkeypatch.setattr(timezone, "now", lambda: state["now"])
    return state


def log_in(page, url, username):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_it_carries_a_volunteer_from_sign_up_to_a_verified_certificate(browser, page, live_server, clock):
    world = build_world()
    base = live_server.url
    start = datetime.combine(clock["now"].astimezone(CHINA).date() + timedelta(days=1), time(9), tzinfo=CHINA)
    organizer = User.objects.create_user(username="organizer", password=PASSWORD, display_name="蒋文")
    team = f.team(world, name="东湖邻里守望志愿服务队", region=world.regions["street"])
    TeamManager.objects.create(team=team, user=organizer)
    activity = Activity.objects.create(
        team=team, title="敬老院探访", place="东湖社区敬老院", region=world.regions["street"],
        area=ServiceArea.ELDERLY, status=Activity.Status.PUBLISHED, published_at=clock["now"],
    )  # fmt: skip
    shift = Shift.objects.create(
        activity=activity, starts_at=start, ends_at=start + timedelta(hours=3), capacity=5
    )
    account = User.objects.create_user(
        username="songyu", password=PASSWORD, display_name="宋雨", is_citizen=True
    )
    volunteer = f.volunteer(world, now=clock["now"] - timedelta(days=30), account=account)
    name = crypto.decrypt(volunteer.name_enc)

    # The day before: the volunteer signs up on the portal.
    clock["now"] = start - timedelta(hours=20)
    log_in(page, f"{base}/portal/login/", "songyu")
    page.goto(f"{base}/portal/volunteers/activities/{activity.pk}/")
    page.locator(f"form[action$='/shifts/{shift.pk}/signup/'] button").click()
    expect(page.locator("body")).to_contain_text("报名成功")

    # The organizer opens the shift's check-in page; its QR code carries this link.
    staff = browser.new_context(locale="zh-CN")
    desk = staff.new_page()
    log_in(desk, f"{base}/accounts/login/", "organizer")
    desk.goto(f"{base}/volunteers/service/shifts/{shift.pk}/")
    expect(desk.locator(".qr svg")).to_be_visible()
    link = desk.locator("#checkin-link").get_attribute("href")

    # Morning: scanning the QR code opens the link; the volunteer checks in (a double tap changes nothing).
    # Yesterday's session has ended (sessions last 8 hours at most), so the volunteer logs in again.
    clock["now"] = start - timedelta(minutes=10)
    log_in(page, f"{base}/portal/login/", "songyu")
    page.goto(link)
    page.click("#check-in")
    expect(page.locator("#checkin-state")).to_contain_text("已于 08:50 签到")
    # After the service: the same link checks out; minutes count from the shift's start, not arrival.
    clock["now"] = start + timedelta(hours=2, minutes=30)
    page.goto(link)
    page.click("#check-out")
    expect(page.locator("#checkin-state")).to_contain_text("2.5 小时")

    # The organizer (logged out after 30 idle minutes) approves the pending record, then certifies
    # the volunteer's hours.
    log_in(desk, f"{base}/accounts/login/", "organizer")
    desk.goto(f"{base}/volunteers/service/?status=pending")
    desk.locator("input[name=records]").first.check()
    desk.click("text=认定所选记录")
    expect(desk.locator(".messages")).to_contain_text("已认定1条服务记录")
    record = ServiceRecord.objects.get()
    assert record.status == Status.APPROVED and record.minutes == 150
    desk.goto(f"{base}/volunteers/service/records/{record.pk}/")
    desk.click("text=为该志愿者出具服务证明")
    desk.select_option("[name=issuer]", f"team:{team.pk}")
    desk.click("main form button[type=submit]")
    expect(desk.locator(".messages")).to_contain_text("证明已出具")
    code = Certificate.objects.get().code
    staff.close()

    # Anyone verifies it publicly: name, hours and issuer, nothing else.
    page.context.clear_cookies()
    page.goto(f"{base}/portal/service/verify/")
    page.fill("[name=code]", "-".join(code[i : i + 4] for i in (0, 4, 8)).lower())
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/portal/service/verify/"))
    expect(page.locator("#verify-state")).to_contain_text("证明有效")
    expect(page.locator("#verify-name")).to_have_text(name)
    expect(page.locator("#verify-hours")).to_contain_text("2.5")
    expect(page.locator("#verify-issuer")).to_have_text("东湖邻里守望志愿服务队")
