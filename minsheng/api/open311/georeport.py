"""What GeoReport v2 says about our hotline: services from categories, requests from work orders.

Privacy: the public lists never carry a requester's identity, and 举报 (reports of wrongdoing) are not
published at all — an informant's matter must not become findable by anyone with the URL. A request's
``description`` is the order's title, not the full text a caller dictated.
"""

from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from minsheng.api.auth import user_of_key
from minsheng.core.errors import DomainError
from minsheng.hotline.models import Category, Order
from minsheng.hotline.permissions import centres_of
from minsheng.hotline.services import OrderIntake, order_receive
from minsheng.hotline.workflow import TERMINAL, Kind, Urgency
from minsheng.orgs.models import Region, Unit
from minsheng.orgs.selectors import within_regions
from minsheng.people.services import Identity

MAX_SPAN = timedelta(days=90)  # the specification's longest start_date–end_date window
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_PAGE = 50, 200, 1_000_000
DEFAULT_KIND = Kind.HELP  # what a 311 report ("the streetlight is out") is, unless the client says


class Refused(Exception):
    """A request the specification answers with an error document: status code and description."""

    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status, self.description = status, description


def jurisdiction() -> str:
    return settings.MINSHENG.get("OPEN311_JURISDICTION", "")


def check_jurisdiction(value: str | None) -> None:
    # An empty jurisdiction_id is the same as none (clients send "jurisdiction_id=" by habit).
    if value and value != jurisdiction():
        raise Refused(404, f"jurisdiction_id '{value}' not found")


def services() -> QuerySet[Category]:
    return Category.objects.filter(is_active=True).select_related("parent").order_by("code")


def service_record(category: Category) -> dict:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": category.parent.name if category.parent_id else "",
    }


def _choices(choices) -> list[dict]:
    return [{"key": value, "name": str(label)} for value, label in choices]


def attribute_regions() -> QuerySet[Region]:
    """Where a request may be placed: the streets and communities the hotline centres cover."""
    paths = list(Region.objects.filter(units__kind=Unit.Kind.HOTLINE_CENTRE).values_list("path", flat=True))
    return Region.objects.filter(within_regions(paths, "path"), level__gte=Region.Level.STREET).order_by(
        "code"
    )


def service_definition(category: Category) -> dict:
    attributes = [
        ("kind", _("诉求类型（未填时按求助处理）"), _choices(Kind.choices)),
        ("urgency", _("紧急程度（未填时按一般处理）"), _choices(Urgency.choices)),
        ("region", _("问题所在街道或社区（填写后可立即派单）"),
         [{"key": r.code, "name": r.name} for r in attribute_regions()]),
    ]  # fmt: skip
    return {
        "service_code": category.code,
        "attributes": [
            {
                "variable": True,
                "code": code,
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": "",
                "order": order,
                "description": str(description),
                "values": values,
            }
            for order, (code, description, values) in enumerate(attributes, start=1)
        ],
    }


def request_record(order: Order) -> dict:
    closed = order.status in TERMINAL
    return {
        "service_request_id": order.number,
        "status": "closed" if closed else "open",
        "status_notes": (order.reply or order.answer_text or order.redirect_reason) if closed else "",
        "service_name": order.category.name if order.category_id else "",
        "service_code": order.category.code if order.category_id else "",
        "description": order.title,
        "agency_responsible": order.unit.name if order.unit_id else "",
        "service_notice": "",
        "requested_datetime": order.received_at,
        "updated_datetime": order.updated_at,
        "expected_datetime": order.due_at,
        "address": order.address,
        "address_id": "",
        "zipcode": "",
        "lat": order.lat,
        "long": order.long,
        "media_url": "",
    }


def published_orders() -> QuerySet[Order]:
    return Order.objects.exclude(kind=Kind.REPORT).select_related("category", "unit")


def _when(value: str, name: str) -> datetime:
    try:  # a well-formed but impossible date (2026-13-45) raises
        moment = parse_datetime(value.replace(" ", "+")) if value else None  # "+" arrives as a space
    except ValueError:
        moment = None
    # Years 1 and 9999 overflow once shifted by a time zone or the 90-day window.
    if moment is None or not MINYEAR < moment.year < MAXYEAR:
        raise Refused(400, f"{name} must be a W3C datetime, e.g. 2026-03-01T00:00:00+08:00")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _positive(value: str, name: str, default: int, maximum: int) -> int:
    # isdigit() alone accepts "²"; and a page beyond any database's offset range is not a page.
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise Refused(400, f"{name} must be a positive integer")
    return min(int(value), maximum)


def find_requests(params) -> list[Order]:
    """GET requests: by ids, or by service codes, period (≤ 90 days, default the last 90) and status."""
    orders = published_orders()
    ids = [i for i in params.get("service_request_id", "").split(",") if i]
    if ids:  # the specification: ids given, every other filter is ignored
        return list(orders.filter(number__in=ids).order_by("-received_at"))
    codes = [c for c in params.get("service_code", "").split(",") if c]
    if codes:
        orders = orders.filter(category__code__in=codes)
    end = _when(params["end_date"], "end_date") if params.get("end_date") else timezone.now()
    start = _when(params["start_date"], "start_date") if params.get("start_date") else end - MAX_SPAN
    if start > end:
        raise Refused(400, "start_date must not be later than end_date")
    if end - start > MAX_SPAN:
        raise Refused(400, "start_date and end_date may be at most 90 days apart")
    orders = orders.filter(received_at__gte=start, received_at__lte=end)
    statuses = {s for s in params.get("status", "").split(",") if s}
    if statuses - {"open", "closed"}:
        raise Refused(400, "status must be open, closed or both")
    if statuses == {"open"}:
        orders = orders.exclude(status__in=TERMINAL)
    elif statuses == {"closed"}:
        orders = orders.filter(status__in=TERMINAL)
    size = _positive(params.get("page_size", ""), "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    page = _positive(params.get("page", ""), "page", 1, MAX_PAGE)
    return list(orders.order_by("-received_at", "-id")[(page - 1) * size : page * size])


@dataclass(frozen=True)
class NewRequest:
    service_code: str
    description: str
    lat: str = ""
    long: str = ""
    address: str = ""
    attributes: dict | None = None
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    email: str = ""
    media_url: str = ""


def _coordinate(value: str, name: str) -> Decimal | None:
    if not value:
        return None
    try:
        number = Decimal(value)
        if not number.is_finite():  # "NaN" and "Infinity" are Decimals, not coordinates
            raise InvalidOperation
        return number.quantize(Decimal("0.000001"))
    except InvalidOperation:
        raise Refused(400, f"{name} must be a number") from None


def _choice(attributes: dict, code: str, values, default: str) -> str:
    value = attributes.get(code) or default
    if value not in values:
        raise Refused(400, f"attribute[{code}] must be one of: {', '.join(values)}")
    return value


def submit(new: NewRequest, *, actor, now: datetime) -> Order:
    """POST requests: register a work order as an online request and dispatch it where the catalogue
    knows the unit; otherwise it waits for an operator (the centre's normal queue)."""
    if not new.service_code:
        raise Refused(400, "service_code is required")
    category = Category.objects.filter(code=new.service_code, is_active=True).first()
    if category is None:
        raise Refused(404, f"service_code '{new.service_code}' not found")
    if not (new.lat or new.long or new.address):
        raise Refused(400, "a location is required: lat and long, address_string or address_id")
    if bool(new.lat) != bool(new.long):
        raise Refused(400, "lat and long must be given together")
    if not new.description.strip():
        raise Refused(400, "description is required")
    attributes = new.attributes or {}
    kind = _choice(attributes, "kind", Kind.values, DEFAULT_KIND)
    urgency = _choice(attributes, "urgency", Urgency.values, Urgency.ORDINARY)
    region = None
    if attributes.get("region"):
        region = attribute_regions().filter(code=attributes["region"]).first()
        if region is None:
            raise Refused(400, "attribute[region] is not a street or community served here")
    name = (new.last_name + new.first_name).strip()
    requester = Identity(name=name or new.phone, phone=new.phone) if (name or new.phone) else None
    picture = _("附图：%(url)s") % {"url": new.media_url} if new.media_url else ""
    content = "\n".join(filter(None, (new.description.strip(), picture)))
    intake = OrderIntake(
        kind=kind, title=f"{category.name}：{new.description.strip()[:40]}", content=content,
        channel="online", urgency=urgency, category=category, region=region,
        address=new.address.strip()[:200], lat=_coordinate(new.lat, "lat"),
        long=_coordinate(new.long, "long"), requester=requester,
    )  # fmt: skip
    try:
        with transaction.atomic():
            return order_receive(intake=intake, actor=actor, now=now, action="dispatch")
    except DomainError as first:
        if not _dispatch_only(first):
            raise
    return order_receive(intake=intake, actor=actor, now=now, action="hold")


def _dispatch_only(error: DomainError) -> bool:
    """The order was fine, only the catalogue had no unit (or no area was given): hold it instead."""
    return set(getattr(error, "errors", {})) <= {"unit", "region"} and bool(getattr(error, "errors", {}))


def key_user(api_key: str):
    """The service account behind an Open311 API key (issued by ``open311_key``): an operator."""
    user = user_of_key(api_key)
    return user if user is not None and centres_of(user) else None
