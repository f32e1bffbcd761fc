"""Who counts as staff for the login protections, and what a session remembers about its login.

The session flags are set once, when the user logs in (``receivers.on_login``), so that the middleware
adds no query to a staff page. A session made before these flags existed gets them on its first request.
"""

import time

from django.conf import settings

from minsheng.orgs.models import Membership

# Session keys (kept short: they ride in every staff session).
STAFF_KEY = "_ms_staff"  # bool: the account is staff (2FA, idle timeout)
DEVICE_KEY = "_ms_has_device"  # bool: a confirmed authenticator was enrolled at login time
SEEN_KEY = "_ms_seen"  # float: last request (epoch seconds), written at most once a minute

# Where a login came from, for the audit log.
STAFF, PORTAL, ADMIN = "staff", "portal", "admin"


def is_staff_account(user) -> bool:
    """Staff: any account that is not a citizen-only portal account (a role in a unit, a volunteer
    team's organizer, an administrator). Citizens are never asked for a second factor."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff or not getattr(user, "is_citizen", False):
        return True
    return Membership.objects.filter(user=user).exists()


def has_confirmed_device(user) -> bool:
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)


def staff_2fa_enforced() -> bool:
    """MINSHENG["STAFF_2FA"]: every staff session must pass TOTP (on in production)."""
    return bool(settings.MINSHENG.get("STAFF_2FA", False))


def idle_seconds() -> int:
    return int(settings.MINSHENG.get("STAFF_IDLE_MINUTES", 30)) * 60


def remember_login(session, user) -> None:
    """Store what the middleware needs to know about this login in the session."""
    staff = is_staff_account(user)
    session[STAFF_KEY] = staff
    session[DEVICE_KEY] = staff and has_confirmed_device(user)
    session[SEEN_KEY] = time.time()


def session_is_staff(request) -> bool:
    """The session's staff flag, computed (and stored) if the session predates it."""
    session = request.session
    if STAFF_KEY not in session:
        remember_login(session, request.user)
    return bool(session[STAFF_KEY])


def needs_second_factor(request) -> bool:
    """True while a staff session has not passed the second factor that applies to it: always when
    enforced, and for a user who enrolled an authenticator even when not."""
    user = request.user
    if not user.is_authenticated or user.is_verified() or not session_is_staff(request):
        return False
    return staff_2fa_enforced() or bool(request.session.get(DEVICE_KEY))


def login_channel(request) -> str:
    """Which login page a request came through: the audit log tells them apart."""
    path = getattr(request, "path", "") or ""
    if path.startswith("/portal/"):
        return PORTAL
    if path.startswith("/admin/"):
        return ADMIN
    return STAFF


def mask_username(tried: str, *, exists: bool) -> str:
    """The username of a failed login as the audit log keeps it: plain when such an account exists;
    otherwise masked, because people type their password into the username field."""
    tried = (tried or "")[:150]
    if exists or not tried:
        return tried
    return tried[:2] + "***"


def axes_client_ip(request) -> str | None:
    """django-axes' client address (AXES_CLIENT_IP_CALLABLE): the portal's, or None when there is no
    client (a login made without an HTTP request), since axes stores it in an address column."""
    from minsheng.portal.ratelimit import client_address

    address = client_address(request)
    return None if address == "unknown" else address
