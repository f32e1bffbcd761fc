"""Pages of service records: staff (staff, certificates, dashboard, sheets) and portal (public)."""

from django.contrib.auth.decorators import login_required

from minsheng.volunteers.permissions import require_staff, scope_of


def staff_scope(request):
    """The user's scope; a user with none gets 403 (anonymous users are sent to log in first)."""
    scope = scope_of(request.user)
    require_staff(scope)
    return scope


__all__ = ["login_required", "staff_scope"]
