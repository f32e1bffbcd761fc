"""Staff sessions: they end after a spell without requests, and must pass the second factor.

Both read flags stored in the session at login (``security.remember_login``): no query on a staff page.
Citizens' portal sessions are left alone (they end when the browser closes, like every session).
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng.accounts import security

# Paths an unverified staff session may still use: the login, logout and second-factor pages, the
# public portal, static files, the language switch, and the API (whose session login is refused below;
# other systems call it with bearer tokens).
_OPEN_PREFIXES = ("/accounts/", "/portal/", "/i18n/", "/admin/logout/", "/favicon")
_API_PREFIXES = ("/api/", "/open311/")
# The last-request time is written at most this often, so most requests do not save the session.
TOUCH_SECONDS = 60


def _open_prefixes() -> tuple[str, ...]:
    return (*_OPEN_PREFIXES, settings.STATIC_URL)


def _send_to(request, url: str):
    """A redirect; for an htmx request, a whole-page one (else the login page lands inside a fragment)."""
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


class StaffIdleTimeoutMiddleware:
    """Log a staff session out after MINSHENG["STAFF_IDLE_MINUTES"] without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(security.STAFF_KEY):
            now = time.time()
            seen = session.get(security.SEEN_KEY)
            if seen is not None and now - seen > security.idle_seconds():
                request.ms_logout_reason = "idle"
                logout(request)
                if request.path.startswith(_API_PREFIXES):
                    return self.get_response(request)  # now anonymous: the API answers 401
                messages.info(
                    request,
                    _("您已%(m)s分钟未操作，为安全起见已自动退出，请重新登录。")
                    % {"m": security.idle_seconds() // 60},
                )
                login = reverse("accounts:login")
                return _send_to(request, f"{login}?{urlencode({'next': request.get_full_path()})}")
            if seen is None or now - seen > TOUCH_SECONDS:
                session[security.SEEN_KEY] = now
        return self.get_response(request)


class StaffTwoFactorMiddleware:
    """Send a staff session that has not passed its second factor to the verify/enrol page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith(_open_prefixes()) or not security.needs_second_factor(request):
            return self.get_response(request)
        if path.startswith(_API_PREFIXES):
            # Not a login for the API until verified (401); bearer tokens are unaffected.
            request.user = AnonymousUser()
            return self.get_response(request)
        target = reverse("accounts:two_factor")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return _send_to(request, target)
