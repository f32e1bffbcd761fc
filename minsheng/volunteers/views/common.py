from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url

from minsheng.volunteers.permissions import require_staff, scope_of


def staff_view(view):
    """Logged in (else the staff login), with a volunteer-administration scope (else 403)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        scope = scope_of(request.user)
        require_staff(scope)
        return view(request, scope, *args, **kwargs)

    return wrapped


def portal_view(view):
    """Logged in on the portal (else the portal login page)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), resolve_url("portal:login"))
        return view(request, *args, **kwargs)

    return wrapped
