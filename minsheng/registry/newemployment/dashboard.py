"""The dashboard's figures (counts and coverage by area and platform) and their ECharts options.

Every figure is a grouped count over the user's areas (a handful of queries, none per row); each bar
links to the list behind it.
"""

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from minsheng.orgs.models import Region
from minsheng.orgs.selectors import within_regions
from minsheng.registry.newemployment import selectors
from minsheng.registry.newemployment.models import (
    Platform,
    RightsRequest,
    ServiceStation,
    Site,
    WorkerRegistration,
)
from minsheng.registry.newemployment.permissions import read_paths


def _url(name: str, **params) -> str:
    return f"{reverse(f'registry:newemployment:{name}')}?{urlencode(params)}"


def bar(names: list[str], values: list[int], *, series: str, links: dict[str, str], horizontal=False) -> dict:
    category = {"type": "category", "data": names, "axisLabel": {"interval": 0}}
    value = {"type": "value", "minInterval": 1}
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"containLabel": True, "left": 8, "right": 16, "top": 24, "bottom": 8},
        "xAxis": value if horizontal else category,
        "yAxis": category if horizontal else value,
        "series": [{"type": "bar", "name": series, "data": values}],
        "links": links,
    }


def _areas(user) -> tuple[list[Region], dict[int, int]]:
    """The streets (街道/乡镇) of the user's areas, in which coverage is counted, and for every region of
    those areas the street it lies in (regions above street level have none)."""
    regions = list(Region.objects.filter(within_regions(read_paths(user), "path")).order_by("code"))
    streets = [r for r in regions if r.level == Region.Level.STREET]
    street_ids = {s.pk for s in streets}
    street_of = {}
    for r in regions:
        # A path lists the ids from the root down; at most one of them is a street.
        found = [int(i) for i in r.path.strip("/").split("/") if i and int(i) in street_ids]
        if found:
            street_of[r.pk] = found[0]
    return streets, street_of


def _grouped(qs, value) -> list[tuple[int, int]]:
    # order_by(): the models' default ordering would join the platform table for nothing.
    return list(qs.order_by().values("region_id").annotate(n=value).values_list("region_id", "n"))


def _by_street(streets: list[Region], street_of: dict[int, int], rows) -> dict[int, int]:
    out = {s.pk: 0 for s in streets}
    for region_id, n in rows:
        if region_id in street_of:
            out[street_of[region_id]] += n or 0
    return out


def figures(user) -> dict:
    """A handful of grouped queries: none per row, none per street."""
    streets, street_of = _areas(user)
    sites = selectors.visible(Site, user)
    by_platform = list(
        sites.values("platform_id", "platform__name")
        .annotate(n=Sum("worker_count"))
        .order_by("-n", "platform__name")
    )
    site_rows = _grouped(sites, Sum("worker_count"))
    regs = selectors.visible(WorkerRegistration, user).filter(withdrawn_at__isnull=True)
    reg_rows = _grouped(regs, Count("id"))
    station_rows = _grouped(selectors.visible(ServiceStation, user), Count("id"))
    rights = list(
        selectors.visible(RightsRequest, user)
        .values("platform_id", "platform__name")
        .annotate(n=Count("id"))
        .order_by("-n", "platform__name")
    )
    stations_area = _by_street(streets, street_of, station_rows)
    covered = sum(1 for s in streets if stations_area[s.pk])
    return {
        "streets": streets,
        "workers_by_platform": by_platform,
        "workers_by_area": _by_street(streets, street_of, site_rows),
        "registrations_by_area": _by_street(streets, street_of, reg_rows),
        "stations_by_area": stations_area,
        "rights_by_platform": rights,
        "totals": {
            "platforms": selectors.visible(Platform, user).count(),
            "workers": sum(r["n"] or 0 for r in by_platform),
            "registrations": sum(n for _r, n in reg_rows),
            "stations": sum(n for _r, n in station_rows),
            "rights": sum(r["n"] for r in rights),
            "streets": len(streets),
            "covered": covered,
            "coverage": round(100 * covered / len(streets)) if streets else 0,
        },
    }


def charts(f: dict) -> dict:
    streets = f["streets"]
    names = [s.name for s in streets]
    platform_names = [r["platform__name"] for r in f["workers_by_platform"]]
    rights_names = [r["platform__name"] for r in f["rights_by_platform"]]
    return {
        "workers_platform": bar(
            platform_names,
            [r["n"] or 0 for r in f["workers_by_platform"]],
            series=_("从业人数"),
            links={
                r["platform__name"]: _url("sites", platform=r["platform_id"])
                for r in f["workers_by_platform"]
            },
        ),
        "workers_area": bar(
            names,
            [f["workers_by_area"][s.pk] for s in streets],
            series=_("从业人数"),
            links={s.name: _url("sites", region=s.pk) for s in streets},
        ),
        "stations_area": bar(
            names,
            [f["stations_by_area"][s.pk] for s in streets],
            series=_("驿站数"),
            links={s.name: _url("stations", region=s.pk) for s in streets},
        ),
        "rights_platform": bar(
            rights_names,
            [r["n"] for r in f["rights_by_platform"]],
            series=_("维权诉求"),
            links={
                r["platform__name"]: _url("rights", platform=r["platform_id"])
                for r in f["rights_by_platform"]
            },
        ),
    }
