"""Reads that carry the access rules: records of one's areas only; another area's record is a 404.

Staff lists and the dashboard read here; the public station pages read ``public_stations`` only,
which never touches worker data.
"""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from minsheng.core.periods import CHINA
from minsheng.orgs.models import Region
from minsheng.orgs.selectors import within_regions
from minsheng.petitions.workflow import S
from minsheng.registry.newemployment import hours
from minsheng.registry.newemployment.models import (
    AMENITIES,
    CareActivity,
    Platform,
    RightsRequest,
    ServiceStation,
    Site,
    WorkerRegistration,
)
from minsheng.registry.newemployment.permissions import in_paths, read_paths, write_paths


def area_ids(paths: list[str]) -> QuerySet:
    """The ids of the regions under ``paths``, as a subquery: records filter on their own column."""
    return Region.objects.filter(within_regions(paths, "path")).values("id")


def visible(model, user) -> QuerySet:
    # ``region_id IN (subquery)`` rather than a join on the path: the records' own index serves it and
    # grouped counts need no join.
    return model.objects.filter(region_id__in=area_ids(read_paths(user)))


def record_for(model, user, pk, *, write: bool = False):
    """The record if the user may read it (else 404); for a write, 403 when they may only read it."""
    obj = get_object_or_404(visible(model, user).select_related("region"), pk=pk)
    if write and not in_paths(obj.region, write_paths(user)):
        raise PermissionDenied
    return obj


def regions_of(paths: list[str]) -> QuerySet[Region]:
    """Areas a record may be placed in: the user's counties, streets and communities."""
    return (
        Region.objects.filter(within_regions(paths, "path"), level__gte=Region.Level.COUNTY)
        .select_related("parent")
        .order_by("code")
    )


def _in_region(qs: QuerySet, region: Region | None) -> QuerySet:
    return qs.filter(region__path__startswith=region.path) if region is not None else qs


def _with_amenity(qs: QuerySet[ServiceStation], amenity: str) -> QuerySet[ServiceStation]:
    """Stations offering ``amenity`` (a key of ``AMENITIES``); an unknown key filters nothing."""
    field = dict(AMENITIES).get(amenity)
    return qs.filter(**{field: True}) if field else qs


def platforms(user, *, region: Region | None = None, kind: str = "") -> QuerySet[Platform]:
    """Platforms with their sites' worker counts and voluntary registrations, in the user's areas."""
    paths = read_paths(user)
    site_rule = Q(sites__region_id__in=area_ids(paths))
    regs = WorkerRegistration.objects.filter(
        region_id__in=area_ids(paths), platform=OuterRef("pk"), withdrawn_at__isnull=True
    )
    if region is not None:
        site_rule &= Q(sites__region__path__startswith=region.path)
        regs = regs.filter(region__path__startswith=region.path)
    qs = visible(Platform, user).select_related("region")
    if kind:
        qs = qs.filter(kind=kind)
    # Two aggregates over two joins would multiply each other: registrations are counted in a subquery.
    regs = regs.values("platform").annotate(n=Count("id")).values("n")
    return qs.annotate(
        site_count=Count("sites", filter=site_rule, distinct=True),
        workers=Coalesce(Sum("sites__worker_count", filter=site_rule), 0),
        registered=Coalesce(Subquery(regs), 0),
    ).order_by("name", "id")


def sites(user, *, platform: Platform | None = None, region: Region | None = None) -> QuerySet[Site]:
    qs = _in_region(visible(Site, user), region).select_related("platform", "region")
    if platform is not None:
        qs = qs.filter(platform=platform)
    return qs.order_by("platform__name", "name", "id")


def registrations(user, *, platform=None, region=None) -> QuerySet[WorkerRegistration]:
    qs = _in_region(visible(WorkerRegistration, user), region).select_related("platform", "region")
    if platform is not None:
        qs = qs.filter(platform=platform)
    return qs.filter(withdrawn_at__isnull=True)


def stations(user, *, region: Region | None = None, amenity: str = "") -> QuerySet[ServiceStation]:
    qs = _in_region(visible(ServiceStation, user), region).select_related("region")
    return _with_amenity(qs, amenity).order_by("name", "id")


def activities(user, *, region: Region | None = None) -> QuerySet[CareActivity]:
    return _in_region(visible(CareActivity, user), region).select_related("station", "region")


def rights_requests(user, *, platform=None, region=None, status: str = "") -> QuerySet[RightsRequest]:
    qs = _in_region(visible(RightsRequest, user), region).select_related("platform", "region", "petition")
    if platform is not None:
        qs = qs.filter(platform=platform)
    if status:
        qs = qs.filter(petition__status=status)
    return qs


def rights_by_platform(user) -> tuple[list[S], list[dict]]:
    """The petition states any request is in (in workflow order), and per platform the total and the
    count in each of those states (``cells``, one per state)."""
    rows = (
        visible(RightsRequest, user)
        .values("platform_id", "platform__name", "petition__status")
        .annotate(n=Count("id"))
        .order_by("platform__name")
    )
    out: dict[int, dict] = {}
    for r in rows:
        entry = out.setdefault(
            r["platform_id"],
            {"platform_id": r["platform_id"], "name": r["platform__name"], "total": 0, "by_status": {}},
        )
        entry["total"] += r["n"]
        entry["by_status"][r["petition__status"]] = r["n"]
    states = [s for s in S if any(s.value in e["by_status"] for e in out.values())]
    for e in out.values():
        e["cells"] = [e["by_status"].get(s.value, 0) for s in states]
    return states, list(out.values())


# -- public


def public_stations(*, region: Region | None = None, amenity: str = "", open_at: datetime | None = None):
    """Public stations (only those), filtered by area, amenity and "open now"; a queryset to page."""
    qs = _in_region(ServiceStation.objects.filter(is_public=True), region).select_related("region")
    qs = _with_amenity(qs, amenity)
    if open_at is not None:
        qs = qs.filter(open_at_rule(open_at))
    return qs.order_by("name", "id")


def open_at_rule(at: datetime) -> Q:
    """``hours.is_open`` as a filter (the tests hold the two to the same answers)."""
    local = at.astimezone(CHINA)
    t = local.time()
    today, yesterday = str(local.isoweekday()), str((local - timedelta(days=1)).isoweekday())
    has_hours = Q(opens_at__isnull=False, closes_at__isnull=False)
    same_day = Q(opens_at__lt=F("closes_at"), opens_at__lte=t, closes_at__gt=t)
    full_day = Q(opens_at=F("closes_at"))
    overnight = Q(opens_at__gt=F("closes_at")) & (
        Q(open_days__contains=today, opens_at__lte=t) | Q(open_days__contains=yesterday, closes_at__gt=t)
    )
    return Q(always_open=True) | (
        has_hours & ((Q(open_days__contains=today) & (same_day | full_day)) | overnight)
    )


def public_station(pk) -> ServiceStation:
    return get_object_or_404(ServiceStation.objects.filter(is_public=True).select_related("region"), pk=pk)


def station_is_open(station: ServiceStation, at: datetime) -> bool:
    return hours.is_open(
        at=at,
        days=station.open_days,
        opens=station.opens_at,
        closes=station.closes_at,
        always=station.always_open,
    )


def public_regions() -> QuerySet[Region]:
    """Areas that have a public station, for the filter (the county and streets above them)."""
    used = ServiceStation.objects.filter(is_public=True).values_list("region__path", flat=True).distinct()
    ids = {int(p) for path in used for p in path.strip("/").split("/") if p}
    return (
        Region.objects.filter(pk__in=ids, level__in=[Region.Level.COUNTY, Region.Level.STREET])
        .select_related("parent")
        .order_by("code")
    )


def platform_choices() -> QuerySet[Platform]:
    """Platforms a worker may choose on the portal (names only are public)."""
    return Platform.objects.order_by("name", "id")
