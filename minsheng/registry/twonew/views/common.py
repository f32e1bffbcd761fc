"""What every 两新组织 page shares: who may open it, and how a refused write is shown."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.registry.twonew import selectors

PAGE_SIZE = 50


def readers_only(view):
    """Registrars and leaders of a social work department; anyone else 403, anonymous to login."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        selectors.require_reader(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def require_editing(user) -> None:
    if not selectors.may_edit_somewhere(user):
        raise PermissionDenied


def refused(request, form, error: DomainError) -> int:
    """Show a service's refusal on the form and the page; returns the status to answer with."""
    if isinstance(error, InvalidInput) and form is not None:
        apply_errors(form, error)
    messages.error(request, error.message)
    return error.status_code


def base_context(request, nav: str, **extra) -> dict:
    return {"nav": "twonew", "subnav": nav, "can_edit": selectors.may_edit_somewhere(request.user), **extra}
