"""Calling an endpoint as a persona and naming the answer's class.

Each call runs in its own savepoint that is rolled back, so no persona's call changes what the next
one sees (and a POST that should have been refused but wrote something is caught by the audit log).
"""

import io
import traceback
import zipfile
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from minsheng.audit.models import AuditEvent

# The answer classes of the table.
OK = "O"  # 2xx, or a redirect that is not to a login page
LOGIN = "L"  # a redirect to a login page (staff, second factor, portal or admin), or 401 from the API
AWAY = "A"  # a redirect to the persona's own portal page: a citizen on a staff page, rating without the code
DENY = "D"  # 403
HIDDEN = "H"  # 404
METHOD = "M"  # 405: the endpoint does not take this method
INVALID = "I"  # any other 4xx: 400, 409, 422, 429 (refused input, wrong state, rate limit)
ERROR = "E"  # 5xx or an exception: never declared, always a failure
CLASSES = {OK, LOGIN, AWAY, DENY, HIDDEN, METHOD, INVALID}
# Answers that refuse: a call answered so must not have written anything (see ``Answer.wrote``).
REFUSALS = {AWAY, DENY, HIDDEN, METHOD, INVALID}

# The second-factor page counts as a login page: a staff session that has not passed it is sent there.
LOGIN_PAGES = ("accounts:login", "accounts:two_factor", "portal:login", "admin:login")
# Where a refused visitor is sent instead: their own portal pages, or the tracking form (code needed).
AWAY_PAGES = (
    "portal:mine",
    "suggestions_public:mine",
    "volunteers_public:register",
    "portal:track",
    "suggestions_public:track",
)


def _paths(names) -> set[str]:
    return {reverse(name) for name in names}


def classify(status: int, location: str = "") -> str:
    """The answer class of a response with ``status`` (and ``Location`` for a redirect)."""
    if status >= 500:
        return ERROR
    if status == 401:
        return LOGIN
    if 300 <= status < 400:
        path = urlsplit(location).path
        if path in _paths(LOGIN_PAGES):
            return LOGIN
        return AWAY if path in _paths(AWAY_PAGES) else OK
    if status < 300:
        return OK
    return {403: DENY, 404: HIDDEN, 405: METHOD}.get(status, INVALID)


@dataclass
class Answer:
    cls: str
    status: int
    wrote: bool  # the call left an audit event behind
    detail: str = ""
    body: str = ""  # the text of an HTML, JSON or XML answer (empty for files)


# Sessions made once per user (``login_once``): logging in afresh for each of ~3,500 calls costs more
# than the calls. A call that changes its session (a logout) does so in its rolled-back savepoint.
_sessions: dict[int, str] = {}


def login_once(user) -> None:
    """Make ``user``'s session now (outside any call's savepoint) for the calls that follow.

    A staff account's session has passed the second factor, as every staff session must in production
    (``MINSHENG["STAFF_2FA"]``): the table holds whether that is enforced or not.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from minsheng.accounts.security import is_staff_account

    client = Client()
    device = None
    if is_staff_account(user):
        device = TOTPDevice.objects.create(user=user, name="matrix", confirmed=True)
    client.force_login(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    _sessions[user.pk] = client.cookies[settings.SESSION_COOKIE_NAME].value


def logged_in(client: Client, user) -> Client:
    """``client`` with ``user``'s session made by ``login_once`` (second factor passed)."""
    client.cookies[settings.SESSION_COOKIE_NAME] = _sessions[user.pk]
    return client


def forget_sessions() -> None:
    _sessions.clear()


def call(user, method: str, url: str, *, json=None, headers=None) -> Answer:
    """``method`` (GET, or POST with an empty form) at ``url`` as ``user`` (None: anonymous).

    ``json``: POST this JSON body instead (the API); ``headers``: extra request headers.
    """
    cache.clear()  # rate-limit counters: every call starts with a full allowance
    with transaction.atomic():
        client = Client(raise_request_exception=True)
        if user is not None and user.pk in _sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = _sessions[user.pk]
        elif user is not None:
            client.force_login(user)
        events = AuditEvent.objects.count()
        try:
            if method == "GET":
                response = client.get(url, headers=headers)
            elif json is not None:
                response = client.post(url, data=json, content_type="application/json", headers=headers)
            else:
                response = client.post(url, data={}, headers=headers)
        except Exception as error:  # a crash is the finding: report it with its place
            transaction.set_rollback(True)
            return Answer(ERROR, 500, False, "".join(traceback.format_exception_only(error)).strip()[:300])
        wrote = AuditEvent.objects.count() != events
        transaction.set_rollback(True)
    cls = classify(response.status_code, response.get("Location", ""))
    return Answer(cls, response.status_code, wrote, response.get("Location", ""), _text(response))


def _text(response) -> str:
    """What a reader of the answer sees, to look for records they must not: pages, JSON, Excel sheets."""
    kind = response.get("Content-Type", "")
    if response.streaming:
        readable = "spreadsheetml" in kind or "text/" in kind
        content = b"".join(response.streaming_content) if readable else b""
    else:
        content = response.content
    if "spreadsheetml" in kind and content:
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as book:
                parts = [n for n in book.namelist() if n.startswith("xl/") and n.endswith(".xml")]
                return "".join(book.read(n).decode("utf-8", errors="replace") for n in parts)
        except zipfile.BadZipFile:
            return ""
    if not any(t in kind for t in ("html", "json", "xml", "text/")):
        return ""
    return content.decode(response.charset or "utf-8", errors="replace")
