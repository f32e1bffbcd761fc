"""Every login, logout and failed login over HTTP is in the audit chain, with username and address,
and never a password."""

import json

import pytest
from django.test import Client

from minsheng.audit.chain import verify
from minsheng.audit.models import AuditEvent
from minsheng.testing import PASSWORD

pytestmark = pytest.mark.django_db


def events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def test_it_records_a_staff_login_and_logout_with_the_address(clerk):
    browser = Client(REMOTE_ADDR="203.0.113.9")
    assert browser.post("/accounts/login/", {"username": "clerk", "password": PASSWORD}).status_code == 302
    browser.post("/accounts/logout/")
    [login] = events("accounts.login")
    assert login.actor == clerk and login.target_id == str(clerk.pk)
    assert login.data == {"username": "clerk", "ip": "203.0.113.9", "via": "staff"}
    [logout] = events("accounts.logout")
    assert logout.actor == clerk and logout.data["ip"] == "203.0.113.9" and logout.data["reason"] == "user"
    assert verify().ok


def test_it_records_a_portal_login(client, citizen):
    client.post("/portal/login/", {"username": "citizen", "password": PASSWORD})
    [login] = events("accounts.login")
    assert login.actor == citizen and login.data["via"] == "portal"


def test_it_records_failed_logins_without_the_password(client, clerk):
    client.post("/accounts/login/", {"username": "clerk", "password": "secret-guess-1"})
    # A password typed into the username field: no such account, so it is kept masked.
    client.post("/accounts/login/", {"username": "my-password-2026", "password": "x"})
    known, unknown = events("accounts.login_failed")
    assert known.actor is None and known.actor_label == "anonymous"
    assert known.data == {"username": "clerk", "ip": "127.0.0.1", "via": "staff"}
    assert known.target_id == str(clerk.pk)
    assert unknown.data["username"] == "my***" and unknown.target_id == ""
    log = json.dumps([e.data for e in AuditEvent.objects.all()], ensure_ascii=False)
    assert "secret-guess-1" not in log and "my-password-2026" not in log and PASSWORD not in log


def test_it_records_a_failed_admin_login_as_such(client, clerk):
    client.post("/admin/login/", {"username": "clerk", "password": "nope"})
    [failed] = events("accounts.login_failed")
    assert failed.data["via"] == "admin"


def test_it_does_not_log_the_test_clients_force_login(client, clerk):
    client.force_login(clerk)
    assert not AuditEvent.objects.filter(action__startswith="accounts.log").exists()
