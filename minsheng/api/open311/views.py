"""GeoReport v2 endpoints. Thin: parse the specification's parameters, call georeport, render.

Every error is the specification's error document (``[{"code": …, "description": …}]`` or
``<errors><error>…``) with the same HTTP status: 400 bad request, 403 bad API key, 404 not found.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from minsheng.api.open311 import georeport
from minsheng.api.open311.georeport import Refused
from minsheng.api.open311.render import document, errors
from minsheng.core.errors import DomainError
from minsheng.portal.ratelimit import over_limit, seconds_to_next_window

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"


def _refuse_nul(request, path_values: dict) -> None:
    # No text column takes a NUL (PostgreSQL refuses it outright): a parameter carrying one is malformed.
    values = [*path_values.values(), *request.GET.values(), *request.GET.keys()]
    if request.method == "POST":
        values += [*request.POST.values(), *request.POST.keys()]
    if any("\x00" in str(v) for v in values):
        raise Refused(400, "parameters must not contain NUL characters")


def _refusals(view):
    def wrapped(request, *args, fmt, **kwargs):
        try:
            _refuse_nul(request, kwargs)
            georeport.check_jurisdiction(
                request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id")
            )
            return view(request, *args, fmt=fmt, **kwargs)
        except Refused as refused:
            return errors(fmt, refused.status, refused.description)
        except DomainError as refused:  # the hotline's own rules (a malformed phone number…)
            messages = list(getattr(refused, "errors", {}).values()) or [str(refused.message)]
            return errors(fmt, 400, *messages)
        except ValidationError as refused:
            return errors(fmt, 400, *refused.messages)

    wrapped.__name__ = view.__name__
    return wrapped


@require_GET
@_refusals
def discovery(request, *, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri(reverse("open311:root"))
    record = {
        "changeset": settings.MINSHENG.get("OPEN311_CHANGESET", "2026-11-27T00:00:00+08:00"),
        "contact": settings.MINSHENG.get("OPEN311_CONTACT", ""),
        "key_service": settings.MINSHENG.get("OPEN311_KEY_SERVICE", ""),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base.rstrip("/"),
                "changeset": settings.MINSHENG.get("OPEN311_CHANGESET", "2026-11-27T00:00:00+08:00"),
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return document("discovery", record, fmt, single=True)


@require_GET
@_refusals
def services(request, *, fmt: str) -> HttpResponse:
    return document("services", [georeport.service_record(c) for c in georeport.services()], fmt)


@require_GET
@_refusals
def service(request, code: str, *, fmt: str) -> HttpResponse:
    category = georeport.services().filter(code=code).first()
    if category is None:
        raise Refused(404, f"service_code '{code}' not found")
    return document("service_definition", georeport.service_definition(category), fmt, single=True)


@csrf_exempt  # other systems post here with an API key, not a browser session
@require_http_methods(["GET", "POST"])
@_refusals
def requests(request, *, fmt: str) -> HttpResponse:
    if request.method == "GET":
        found = georeport.find_requests(request.GET)
        return document("service_requests", [georeport.request_record(o) for o in found], fmt)
    # Counted per address before the key is checked: a wrong key is a guess, and guesses are limited.
    if over_limit(request, "open311", limit=settings.MINSHENG.get("OPEN311_RATE_LIMIT_PER_HOUR", 600)):
        response = errors(fmt, 429, _("请求过于频繁，请稍后再试。"))
        response.headers["Retry-After"] = str(seconds_to_next_window())
        return response
    data = request.POST
    actor = georeport.key_user(data.get("api_key", ""))
    if actor is None:
        raise Refused(403, "api_key is missing, unknown or revoked")
    attributes = {
        k[len("attribute[") : -1]: v
        for k, v in data.items()
        if k.startswith("attribute[") and k.endswith("]")
    }
    new = georeport.NewRequest(
        service_code=data.get("service_code", ""), description=data.get("description", ""),
        lat=data.get("lat", ""), long=data.get("long", ""),
        # address_id: our addresses have no master repository ids; it is kept as the address.
        address=data.get("address_string", "") or data.get("address_id", ""),
        attributes=attributes, first_name=data.get("first_name", ""), last_name=data.get("last_name", ""),
        phone=data.get("phone", ""), email=data.get("email", ""), media_url=data.get("media_url", ""),
    )  # fmt: skip
    order = georeport.submit(new, actor=actor, now=timezone.now())
    notice = (
        f"expected by {order.due_at.isoformat()}" if order.due_at else "received; a unit will be assigned"
    )
    # The specification: a response carries the service_request_id or a token, never both; ours is
    # created at once, so it is the id (tokens/{token} still answers for the order's public token).
    record = {
        "service_request_id": order.number,
        "service_notice": notice,
        "account_id": data.get("account_id", ""),
    }
    return document("service_requests", [record], fmt)


@require_GET
@_refusals
def request_detail(request, number: str, *, fmt: str) -> HttpResponse:
    order = georeport.published_orders().filter(number=number).first()
    if order is None:
        raise Refused(404, f"service_request_id '{number}' not found")
    return document("service_requests", [georeport.request_record(order)], fmt)


@require_GET
@_refusals
def token(request, token: str, *, fmt: str) -> HttpResponse:
    order = georeport.published_orders().filter(token=token).first()
    if order is None:
        raise Refused(404, f"token '{token}' not found")
    return document("service_requests", [{"service_request_id": order.number, "token": order.token}], fmt)


def root(request) -> HttpResponse:
    return discovery(request, fmt="json")
