"""What every staff page of the registry starts with: a login, then a social-work role in some area."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator

from minsheng.registry.newemployment import selectors
from minsheng.registry.newemployment.forms import ListFilterForm
from minsheng.registry.newemployment.models import Platform
from minsheng.registry.newemployment.permissions import (
    read_paths,
    require_reader,
    require_writer,
    write_paths,
)

PAGE_SIZE = 50


def reader(view):
    """GET for registrars and leaders of a social work department; a POST needs a registrar (403)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        require_reader(request.user)
        if request.method == "POST":
            require_writer(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def writer(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        require_writer(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def filters(request) -> ListFilterForm:
    user = request.user
    return ListFilterForm(
        request.GET,
        regions=selectors.regions_of(read_paths(user)),
        platforms=selectors.visible(Platform, user).order_by("name"),
    )


def page_of(request, qs):
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


def context(request, nav: str, **extra) -> dict:
    return {"nav": "newemployment", "sub": nav, "can_write": bool(write_paths(request.user)), **extra}
