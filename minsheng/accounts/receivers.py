"""Logins, logouts, failed logins and lockouts go into the audit chain (Django's auth signals and
django-axes' lockout signal). Wired in ``AccountsConfig.ready``.

A password never reaches the log: Django hands the receivers credentials with the password already
replaced by stars, and only the username is read from them. A login made without an HTTP request
(the test client's ``force_login``, a shell) has no client to record and is not logged; its session
still gets the flags the middleware reads.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver

from minsheng import audit
from minsheng.accounts import security
from minsheng.portal.ratelimit import client_address

ANONYMOUS = "anonymous"


def _over_http(request) -> bool:
    return request is not None and getattr(request, "method", None) is not None


def _account(username: str):
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD: username}).first()


def _attempt_data(request, tried: str) -> tuple[object, dict]:
    account = _account(tried)
    data = {
        "username": security.mask_username(tried, exists=account is not None),
        "ip": client_address(request),
        "via": security.login_channel(request),
    }
    return account, data


@receiver(user_logged_in, dispatch_uid="minsheng.accounts.login")
def on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        security.remember_login(request.session, user)
    if not _over_http(request):
        return
    with transaction.atomic():
        audit.record(
            actor=user,
            action="accounts.login",
            target=user,
            data={
                "username": user.get_username(),
                "ip": client_address(request),
                "via": security.login_channel(request),
            },
        )


@receiver(user_logged_out, dispatch_uid="minsheng.accounts.logout")
def on_logout(sender, request, user, **kwargs):
    if user is None or not _over_http(request):
        return
    with transaction.atomic():
        audit.record(
            actor=user,
            action="accounts.logout",
            target=user,
            data={
                "username": user.get_username(),
                "ip": client_address(request),
                # "idle": ended by the staff idle timeout, not by the user.
                "reason": getattr(request, "ms_logout_reason", "user"),
            },
        )


@receiver(user_login_failed, dispatch_uid="minsheng.accounts.login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    if not _over_http(request):
        return
    User = get_user_model()
    tried = str(credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "")
    account, data = _attempt_data(request, tried)
    with transaction.atomic():
        audit.record(
            actor=None, actor_label=ANONYMOUS, action="accounts.login_failed", target=account, data=data
        )


@receiver(user_locked_out, dispatch_uid="minsheng.accounts.locked_out")
def on_locked_out(sender, request, username, ip_address, **kwargs):
    if not _over_http(request):
        return
    account, data = _attempt_data(request, str(username or ""))
    data["failures"] = getattr(request, "axes_failures_since_start", None)
    with transaction.atomic():
        audit.record(
            actor=None, actor_label=ANONYMOUS, action="accounts.locked_out", target=account, data=data
        )
