"""Login throttling (django-axes): 5 wrong passwords for one username from one address lock that pair
out for 15 minutes, on the staff login and the portal login alike."""

import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from minsheng.accounts.models import User
from minsheng.audit.models import AuditEvent
from minsheng.testing import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PORTAL_LOGIN = "/portal/login/"


def fail(client, username, times, *, url=LOGIN, **extra):
    return [client.post(url, {"username": username, "password": "wrong-pass"}, **extra) for _ in range(times)]


def test_it_locks_a_username_out_after_five_wrong_passwords_and_says_when_to_retry(client, clerk):
    assert settings.AXES_FAILURE_LIMIT == 5
    responses = fail(client, "clerk", 5)
    assert [r.status_code for r in responses[:4]] == [200] * 4
    locked = responses[4]
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "登录已暂时锁定" in page and "以后" in page and "分钟后" in page
    assert 14 * 60 <= int(locked.headers["Retry-After"]) <= 15 * 60
    # Even the right password is refused while locked.
    right = client.post(LOGIN, {"username": "clerk", "password": PASSWORD})
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_locks_only_that_username_from_that_address(client, clerk, handler):
    fail(client, "clerk", 5)
    assert client.post(LOGIN, {"username": "handler", "password": PASSWORD}).status_code == 302
    elsewhere = Client(REMOTE_ADDR="10.9.8.7")
    assert elsewhere.post(LOGIN, {"username": "clerk", "password": PASSWORD}).status_code == 302


def test_it_lets_the_user_in_again_after_the_cool_off(client, clerk):
    fail(client, "clerk", 5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    response = client.post(LOGIN, {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 302


def test_it_forgets_earlier_failures_after_a_right_password(client, clerk):
    fail(client, "clerk", 4)
    assert client.post(LOGIN, {"username": "clerk", "password": PASSWORD}).status_code == 302
    client.logout()
    assert [r.status_code for r in fail(client, "clerk", 4)] == [200] * 4


def test_it_does_not_prolong_the_lockout_with_attempts_during_it(client, clerk):
    first = fail(client, "clerk", 5)[4]
    later = fail(client, "clerk", 3)[-1]
    assert later.status_code == 429
    assert int(later.headers["Retry-After"]) <= int(first.headers["Retry-After"])


def test_it_locks_the_portal_login_too_with_the_portals_page(client, citizen):
    responses = fail(client, "citizen", 5, url=PORTAL_LOGIN)
    assert [r.status_code for r in responses[:4]] == [400] * 4
    locked = responses[4]
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "登录已暂时锁定" in page and "网上信访" in page  # the portal's navigation
    assert client.post(PORTAL_LOGIN, {"username": "citizen", "password": PASSWORD}).status_code == 429


def test_it_limits_one_address_trying_many_usernames(client, world, settings):
    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": 6}
    for name in ("clerk", "handler", "head"):
        assert all(r.status_code == 200 for r in fail(client, name, 2))
    refused = client.post(LOGIN, {"username": "leader", "password": PASSWORD})
    assert refused.status_code == 429 and "操作过于频繁" in refused.content.decode()


def test_an_administrator_unlocks_with_the_command(client, clerk):
    fail(client, "clerk", 5)
    call_command("axes_reset_username", "clerk", stdout=io.StringIO())
    assert client.post(LOGIN, {"username": "clerk", "password": PASSWORD}).status_code == 302


def test_an_administrator_sees_and_removes_lockouts_in_the_admin(client, clerk):
    fail(Client(), "clerk", 5)
    root = User.objects.create_superuser(username="root", password=PASSWORD, email="r@example.org")
    client.force_login(root)
    changelist = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200 and "clerk" in changelist.content.decode()
    attempt = AccessAttempt.objects.get()
    client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()
    assert Client().post(LOGIN, {"username": "clerk", "password": PASSWORD}).status_code == 302


def test_it_audits_the_lockout(client, clerk):
    fail(client, "clerk", 5)
    events = AuditEvent.objects.filter(action__startswith="accounts.").order_by("id")
    actions = [e.action for e in events]
    assert actions.count("accounts.login_failed") == 5
    locked = events.get(action="accounts.locked_out")
    assert locked.data["username"] == "clerk" and locked.data["ip"] == "127.0.0.1"
    assert locked.target_id == str(clerk.pk)
