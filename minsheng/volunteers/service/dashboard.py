"""Dashboards of a team (its managers) and of a region (its social work department): figures and charts.

Every figure is one grouped query over indexed columns; the charts' bars link to the list or the
dashboard behind them (drill-down: a region's bar of streets opens that street's dashboard).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from minsheng.core.periods import CHINA
from minsheng.orgs.models import Region
from minsheng.volunteers.models import BrandProject, ServiceArea, Team, Volunteer
from minsheng.volunteers.service import conf
from minsheng.volunteers.service.models import ServiceRecord, Status


@dataclass(frozen=True)
class Subject:
    """What a dashboard is about: exactly one of a team or a region."""

    team: Team | None = None
    region: Region | None = None

    @property
    def name(self) -> str:
        return self.team.name if self.team else self.region.name

    def records(self):
        approved = ServiceRecord.objects.filter(status=Status.APPROVED)
        if self.team:
            return approved.filter(team=self.team)
        return approved.filter(region__path__startswith=self.region.path)

    def volunteers(self):
        if self.team:
            return Volunteer.objects.filter(
                Q(teams=self.team)
                | Q(pk__in=ServiceRecord.objects.filter(team=self.team).values("volunteer_id"))
            ).distinct()
        return Volunteer.objects.filter(region__path__startswith=self.region.path)

    def projects(self):
        if self.team:
            return BrandProject.objects.filter(team=self.team, is_active=True)
        return BrandProject.objects.filter(region__path__startswith=self.region.path, is_active=True)


def _month_start(moment: datetime) -> datetime:
    local = moment.astimezone(CHINA)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _months_back(now: datetime, n: int) -> list[datetime]:
    first = _month_start(now)
    out = [first]
    for _i in range(n - 1):
        first = _month_start(first - timedelta(days=1))
        out.append(first)
    return list(reversed(out))


def figures(subject: Subject, *, now: datetime) -> dict:
    records = subject.records()
    since = now - timedelta(days=round(conf.get("ACTIVE_MONTHS") * 30.44))
    volunteers = subject.volunteers()
    months = _months_back(now, 12)
    by_month = {
        _month_start(row["m"]): row["minutes"]
        for row in records.filter(check_in_at__gte=months[0])
        .annotate(m=TruncMonth("check_in_at", tzinfo=CHINA))
        .values("m")
        .annotate(minutes=Sum("minutes"))
    }
    by_area = dict(records.values_list("area").annotate(minutes=Sum("minutes")).order_by())
    by_stars = dict(volunteers.order_by().values_list("stars").annotate(n=Count("id", distinct=True)))
    return {
        "volunteers": volunteers.count(),
        "active": records.filter(check_in_at__gte=since).values("volunteer_id").distinct().count(),
        "hours": round((records.aggregate(m=Sum("minutes"))["m"] or 0) / 60, 1),
        "projects": subject.projects().count(),
        "months": [(m, round((by_month.get(m) or 0) / 60, 1)) for m in months],
        "areas": sorted(
            (
                (str(dict(ServiceArea.choices).get(a, _("未分类"))), round(v / 60, 1))
                for a, v in by_area.items()
            ),
            key=lambda kv: -kv[1],
        ),
        "stars": [(level, by_stars.get(level, 0)) for level in range(0, len(conf.get("STAR_HOURS")) + 1)],
    }


def by_subregion(region: Region) -> list[tuple[Region, float]]:
    """Approved hours in each child region of ``region`` (the drill-down bar)."""
    children = list(region.children.order_by("code"))
    rows = (
        ServiceRecord.objects.filter(status=Status.APPROVED, region__path__startswith=region.path)
        .values_list("region__path")
        .annotate(m=Sum("minutes"))
        .order_by()
    )
    totals = {c.pk: 0 for c in children}
    for path, minutes in rows:
        for c in children:
            if path.startswith(c.path):
                totals[c.pk] += minutes or 0
                break
    return [(c, round(totals[c.pk] / 60, 1)) for c in children]


def _bar(names, values, *, series, links=None) -> dict:
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"containLabel": True, "left": 8, "right": 16, "top": 24, "bottom": 8},
        "xAxis": {"type": "category", "data": names, "axisLabel": {"interval": 0}},
        "yAxis": {"type": "value"},
        "series": [{"type": "bar", "name": series, "data": values}],
        "links": links or {},
    }


def charts(subject: Subject, figs: dict, *, records_url: str) -> dict:
    """The dashboard's charts; bars and slices open the approved records behind them."""
    months = [m.strftime("%Y-%m") for m, _h in figs["months"]]
    scope = {"status": Status.APPROVED.value, **({"team": subject.team.pk} if subject.team else {})}

    def records(**params) -> str:
        return f"{records_url}?{urlencode({**scope, **params})}"

    labels = {str(label): value for value, label in ServiceArea.choices}
    out = {
        "months": _bar(
            months,
            [h for _m, h in figs["months"]],
            series=_("服务时长（小时）"),
            links={m: records(month=m) for m in months},
        ),
        "areas": {
            "tooltip": {"trigger": "item"},
            "series": [
                {
                    "type": "pie",
                    "radius": ["35%", "65%"],
                    "name": _("服务时长（小时）"),
                    "data": [{"name": n, "value": v} for n, v in figs["areas"]],
                }
            ],
            "links": {n: records(area=labels[n]) for n, _v in figs["areas"] if n in labels},
        },
        "stars": _bar(
            [_("%(n)s星") % {"n": level} if level else _("未达星级") for level, _n in figs["stars"]],
            [n for _l, n in figs["stars"]],
            series=_("志愿者人数"),
        ),
    }
    if subject.region is not None:
        rows = by_subregion(subject.region)
        base = reverse("volunteer_service:dashboard")
        out["regions"] = _bar(
            [r.name for r, _h in rows],
            [h for _r, h in rows],
            series=_("服务时长（小时）"),
            links={r.name: f"{base}?{urlencode({'region': r.pk})}" for r, _h in rows},
        )
    return out
