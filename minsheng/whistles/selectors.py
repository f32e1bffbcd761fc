"""Who sees which whistle: the whistling street, the called departments, and the district above them.

Another street's or department's whistle is a 404, not a 403.
"""

from datetime import datetime

from django.db.models import Avg, Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from minsheng.hotline.models import Order
from minsheng.hotline.workflow import TERMINAL as ORDER_DONE
from minsheng.orgs.models import Region, Unit
from minsheng.orgs.selectors import unit_ids_of, unit_region_paths, within_regions
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import TERMINAL
from minsheng.whistles import workflow
from minsheng.whistles.models import Call, Whistle


def district_paths(user) -> list[str]:
    """Areas whose whistles the user assesses: staff of a people's government (区政府) see its area."""
    return unit_region_paths(user, kind=Unit.Kind.GOVERNMENT)


def streets_of(user):
    """The street offices where the user may blow the whistle (handler or head)."""
    return Unit.objects.filter(
        kind=Unit.Kind.STREET_OFFICE, memberships__user=user, memberships__role__in=list(workflow.STREET)
    ).distinct()


def whistles_visible_to(user) -> QuerySet[Whistle]:
    if not user.is_authenticated:
        return Whistle.objects.none()
    units = unit_ids_of(user)
    rule = Q(street_id__in=units) | Q(calls__unit_id__in=units)
    paths = district_paths(user)
    if paths:
        rule |= within_regions(paths)
    ids = Whistle.objects.filter(rule).values("pk")
    return Whistle.objects.filter(pk__in=ids).select_related("street", "region", "duty_item")


def whistle_for(user, *, number: str) -> Whistle:
    return get_object_or_404(whistles_visible_to(user), number=number)


def calls_of(whistle: Whistle) -> QuerySet[Call]:
    return whistle.calls.select_related("unit")


def department_records(paths: list[str], *, since: datetime, until: datetime) -> list[dict]:
    """Each department's record in the area: calls, on time, minutes to arrive, rating."""
    calls = Call.objects.filter(whistle__raised_at__gte=since, whistle__raised_at__lt=until).filter(
        within_regions(paths, "whistle__region__path")
    )
    rows = (
        calls.values("unit_id", "unit__name")
        .annotate(
            calls=Count("pk"),
            arrived=Count("pk", filter=Q(arrived_at__isnull=False)),
            on_time=Count("pk", filter=Q(arrived_at__lte=F("arrive_due_at"))),
            reported=Count("pk", filter=Q(reported_at__isnull=False)),
            rating=Avg("rating"),
        )
        .order_by("unit__name")
    )
    return [r | {"on_time_rate": r["on_time"] / r["calls"] if r["calls"] else None} for r in rows]


def street_records(paths: list[str], *, since: datetime, until: datetime) -> list[dict]:
    """Each street office's side: whistles raised, closed, still open, and the ratings it gave."""
    whistles = Whistle.objects.filter(raised_at__gte=since, raised_at__lt=until).filter(within_regions(paths))
    return list(
        whistles.values("street_id", "street__name")
        .annotate(
            raised=Count("pk", distinct=True),
            closed=Count("pk", filter=~Q(status=Whistle.Status.RAISED), distinct=True),
            emergency=Count("pk", filter=Q(kind=Whistle.Kind.EMERGENCY), distinct=True),
            rating_given=Avg("calls__rating"),
        )
        .order_by("street__name")
    )


def street_load(paths: list[str]) -> list[dict]:
    """小马拉大车: what each street office carries now — whistles it leads, petitions and hotline
    orders assigned to it, and how long its duty list is."""
    streets = Unit.objects.filter(kind=Unit.Kind.STREET_OFFICE, is_active=True).filter(within_regions(paths))
    streets = streets.select_related("region").order_by("region__code")
    leading = dict(
        Whistle.objects.filter(street__in=streets, street_leads=True, status=Whistle.Status.RAISED)
        .values_list("street_id")
        .annotate(n=Count("pk"))
    )
    petitions = dict(
        Petition.objects.filter(unit__in=streets)
        .exclude(status__in=TERMINAL)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
    )
    orders = dict(
        Order.objects.filter(unit__in=streets)
        .exclude(status__in=ORDER_DONE)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
    )
    duties = dict(
        Region.objects.filter(pk__in=streets.values("region_id"))
        .values_list("pk")
        .annotate(n=Count("duty_items"))
    )
    return [
        {
            "street": s,
            "leading": leading.get(s.pk, 0),
            "petitions": petitions.get(s.pk, 0),
            "orders": orders.get(s.pk, 0),
            "duties": duties.get(s.region_id, 0),
            "total": leading.get(s.pk, 0) + petitions.get(s.pk, 0) + orders.get(s.pk, 0),
        }
        for s in streets
    ]
