"""Staff sessions end after 30 minutes without a request, when the browser closes, and 8 hours after
their last save on the server."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from minsheng.accounts import security
from minsheng.audit.models import AuditEvent
from minsheng.testing import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(username) -> Client:
    browser = Client()
    assert browser.post("/accounts/login/", {"username": username, "password": PASSWORD}).status_code == 302
    return browser


def idle_for(browser, seconds):
    session = browser.session
    session[security.SEEN_KEY] = time.time() - seconds
    session.save()


def test_an_idle_staff_session_is_sent_to_login(clerk):
    browser = log_in("clerk")
    assert browser.get("/staff/").status_code == 200
    idle_for(browser, 31 * 60)
    response = browser.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "_auth_user_id" not in browser.session
    page = browser.get(response["Location"]).content.decode()
    assert "30分钟未操作" in page
    assert AuditEvent.objects.get(action="accounts.logout").data["reason"] == "idle"


def test_a_session_in_use_stays(clerk):
    browser = log_in("clerk")
    idle_for(browser, 29 * 60)
    assert browser.get("/staff/").status_code == 200
    # The request counted as activity: the idle time starts again from it.
    assert time.time() - browser.session[security.SEEN_KEY] < 60


def test_a_force_login_session_has_the_flags_too(client, clerk):
    client.force_login(clerk)
    assert client.session[security.STAFF_KEY] is True
    idle_for(client, 31 * 60)
    assert client.get("/staff/").status_code == 302


def test_citizens_are_not_timed_out_by_the_staff_rule(citizen):
    browser = Client()
    browser.post("/portal/login/", {"username": "citizen", "password": PASSWORD})
    idle_for(browser, 60 * 60)
    assert browser.get("/portal/mine/").status_code == 200


def test_an_expired_session_is_sent_to_login(clerk):
    browser = log_in("clerk")
    key = browser.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = browser.get("/staff/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_session_cookie_ends_with_the_browser():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.MINSHENG["STAFF_IDLE_MINUTES"] == 30


def test_the_login_cookie_has_no_lifetime_of_its_own(clerk):
    browser = log_in("clerk")
    cookie = browser.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert cookie["httponly"]


def test_an_idle_session_calling_the_api_gets_401_not_a_login_page(clerk):
    browser = log_in("clerk")
    idle_for(browser, 31 * 60)
    assert browser.get("/api/v1/petitions").status_code == 401


def test_an_idle_htmx_request_reloads_the_whole_page_at_login(clerk):
    browser = log_in("clerk")
    idle_for(browser, 31 * 60)
    response = browser.get("/staff/", headers={"HX-Request": "true"})
    assert response.status_code == 204 and response["HX-Redirect"].startswith("/accounts/login/")
