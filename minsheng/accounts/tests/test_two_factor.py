"""TOTP second factor for staff: enforced by MINSHENG["STAFF_2FA"], asked in every new session."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from minsheng.accounts.models import User
from minsheng.accounts.tests.helpers import code_for, wrong_code
from minsheng.audit.models import AuditEvent
from minsheng.testing import PASSWORD

pytestmark = pytest.mark.django_db

VERIFY = "/accounts/2fa/"
# One page of each staff area (petitions, hotline, suggestions, registries, volunteers, talent, notices,
# admin): an unverified staff session reaches none of them.
STAFF_PAGES = (
    "/home/",
    "/staff/",
    "/hotline/",
    "/suggestions/",
    "/whistles/",
    "/registry/",
    "/volunteers/",
    "/talent/",
    "/notices/",
    "/admin/",
)


def log_in(username, **extra) -> Client:
    browser = Client(**extra)
    response = browser.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, username
    return browser


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_it_sends_unverified_staff_from_every_staff_area_to_the_second_step(two_factor_on, world, page):
    browser = log_in("registrar")
    response = browser.get(page)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next={page.replace('/', '%2F')}"


def test_it_asks_for_the_code_right_after_the_password(two_factor_on, clerk, device_of):
    device_of(clerk)
    browser = Client()
    response = browser.post("/accounts/login/", {"username": "clerk", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert "两步验证" in response.content.decode()


def test_it_refuses_a_wrong_code_and_lets_a_right_one_in(two_factor_on, clerk, device_of):
    device = device_of(clerk)
    browser = log_in("clerk")
    wrong = browser.post(VERIFY, {"code": wrong_code(device), "next": "/staff/"})
    assert wrong.status_code == 400 and "验证码不正确" in wrong.content.decode()
    assert browser.get("/staff/").status_code == 302
    # The wrong code made the next try wait a second; past that, the right code works.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=5)
    )
    right = browser.post(VERIFY, {"code": code_for(device), "next": "/staff/"})
    assert right.status_code == 302 and right["Location"] == "/staff/"
    assert browser.get("/staff/").status_code == 200
    actions = list(
        AuditEvent.objects.filter(action__startswith="accounts.2fa").values_list("action", flat=True)
    )
    assert actions == ["accounts.2fa_failed", "accounts.2fa_verified"]


def test_it_says_a_code_is_wrong_when_no_wait_is_due(two_factor_on, clerk, device_of, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = device_of(clerk)
    wrong = log_in("clerk").post(VERIFY, {"code": wrong_code(device)})
    assert wrong.status_code == 400 and "验证码不正确" in wrong.content.decode()


def test_it_tells_how_long_to_wait_after_several_wrong_codes(two_factor_on, clerk, device_of):
    device = device_of(clerk)
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=4, throttling_failure_timestamp=timezone.now() - timedelta(seconds=60)
    )
    wrong = log_in("clerk").post(VERIFY, {"code": wrong_code(device)})
    page = wrong.content.decode()
    assert "验证码不正确" in page and "秒后再试" in page  # the 5th wrong code: 16 seconds


def test_it_throttles_wrong_codes(two_factor_on, clerk, device_of, settings):
    # Waits of 60, 120 … seconds instead of 1, 2 …: the test does not depend on how fast it runs.
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = device_of(clerk)
    assert device.throttling_enabled
    browser = log_in("clerk")
    for _ in range(3):
        browser.post(VERIFY, {"code": wrong_code(device)})
    device.refresh_from_db()
    # Only the first wrong code counted: the next ones came before the wait was over.
    assert device.throttling_failure_count == 1
    # Even the right code is refused while the wait lasts, and the page says how long it is.
    refused = browser.post(VERIFY, {"code": code_for(device)})
    assert refused.status_code == 400 and "验证码错误次数较多，请在" in refused.content.decode()
    assert browser.get("/staff/").status_code == 302
    allowed, info = device.verify_is_allowed()
    assert not allowed and info["failure_count"] == 1


def test_every_new_session_asks_again(two_factor_on, clerk, device_of):
    device = device_of(clerk)
    first = log_in("clerk")
    first.post(VERIFY, {"code": code_for(device)})
    assert first.get("/staff/").status_code == 200
    second = log_in("clerk")
    assert second.get("/staff/").status_code == 302


def test_it_does_not_ask_citizens(two_factor_on, citizen):
    browser = Client()
    browser.post("/portal/login/", {"username": "citizen", "password": PASSWORD})
    assert browser.get("/portal/mine/").status_code == 200


def test_it_leaves_the_portal_and_logout_open_to_an_unverified_session(two_factor_on, clerk):
    browser = log_in("clerk")
    assert browser.get("/portal/").status_code == 200
    assert browser.get("/portal/track/").status_code == 200
    assert browser.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in browser.session


def test_the_api_does_not_take_an_unverified_session(two_factor_on, clerk, device_of):
    from minsheng.accounts.models import ApiToken

    browser = log_in("clerk")
    assert browser.get("/api/v1/petitions").status_code == 401
    _token, key = ApiToken.issue(user=clerk, name="系统对接")
    assert Client().get("/api/v1/petitions", headers={"Authorization": f"Bearer {key}"}).status_code == 200


def test_staff_enrol_with_a_qr_code_and_their_first_code(two_factor_on, handler):
    browser = log_in("handler")
    page = browser.get(VERIFY)
    assert page.status_code == 200
    html = page.content.decode()
    assert "绑定验证器" in html and "<svg" in html and 'class="qr"' in html
    device = TOTPDevice.objects.get(user=handler, confirmed=False)
    secret = page.context["secret"]
    assert secret.replace(" ", "") in html.replace(" ", "")
    # Reloading shows the same secret until it is confirmed.
    assert browser.get(VERIFY).context["secret"] == secret
    refused = browser.post(VERIFY, {"code": wrong_code(device), "next": "/hotline/"})
    assert refused.status_code == 400
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=None, throttling_failure_count=0
    )
    done = browser.post(VERIFY, {"code": code_for(device), "next": "/hotline/"})
    assert done.status_code == 302 and done["Location"] == "/hotline/"
    device.refresh_from_db()
    assert device.confirmed
    assert browser.get("/hotline/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.2fa_enrolled", actor=handler).exists()


def test_it_asks_a_user_who_enrolled_even_when_not_enforced(clerk, device_of):
    device = device_of(clerk)
    browser = log_in("clerk")
    assert browser.get("/staff/").status_code == 302
    browser.post(VERIFY, {"code": code_for(device)})
    assert browser.get("/staff/").status_code == 200


def test_it_is_off_by_default_outside_production(clerk):
    assert log_in("clerk").get("/staff/").status_code == 200


def test_it_never_sends_to_an_outside_next_address(two_factor_on, clerk, device_of):
    device = device_of(clerk)
    response = log_in("clerk").post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == reverse("staff_home")


def test_an_administrator_resets_a_lost_authenticator(two_factor_on, clerk, device_of):
    device_of(clerk)
    root = User.objects.create_superuser(username="root", password=PASSWORD, email="r@example.org")
    admin = Client()
    admin.force_login(root)
    # The administrator's own session must pass the second factor first.
    admin.post(VERIFY, {"code": code_for(device_of(root))})
    response = admin.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [clerk.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=clerk).exists()
    event = AuditEvent.objects.get(action="accounts.2fa_reset")
    assert event.actor == root and event.target_id == str(clerk.pk)
    # The clerk enrols again at the next login.
    assert "绑定验证器" in log_in("clerk").get(VERIFY).content.decode()


def test_the_demo_admin_gets_an_authenticator_and_the_code_command_shows_it(world, device_of, settings):
    from minsheng.accounts import demo

    class Demo:
        users = {"admin": User.objects.create_superuser(username="admin", password=PASSWORD)}
        kept_users: list[str] = []

    lines = demo.seed(Demo, now=timezone.now(), rng=None)
    device = TOTPDevice.objects.get(user__username="admin", confirmed=True)
    assert "两步验证" in lines[0] and device.config_url.split("secret=")[1][:8] in lines[0].replace(" ", "")
    assert demo.seed(Demo, now=timezone.now(), rng=None) == []  # a second run makes nothing
    out = io.StringIO()
    call_command("totp_code", "admin", stdout=out, stderr=io.StringIO())
    assert out.getvalue().strip() == code_for(device)
    settings.PRODUCTION = True
    with pytest.raises(Exception, match="生产环境"):
        call_command("totp_code", "admin", stdout=io.StringIO())
