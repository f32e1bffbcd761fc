"""Dashboard: counts and party-organization coverage by area, type, level and state, with charts
that open the list behind each bar or slice."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.registry.associations import permissions, selectors
from minsheng.registry.associations.deadlines import Deadline, report_year
from minsheng.registry.associations.models import Kind, Level, Party
from minsheng.registry.associations.workflow import OPERATING, S


def _list_url(**params) -> str:
    return reverse("registry:associations:list") + "?" + urlencode(params)


def _bar(names: list[str], series: list[dict], links: dict, *, horizontal=False) -> dict:
    category = {"type": "category", "data": names}
    value = {"type": "value", "minInterval": 1}
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0, "type": "scroll"} if len(series) > 1 else {"show": False},
        "grid": {"containLabel": True, "left": 8, "right": 16, "top": 40, "bottom": 8},
        "xAxis": value if horizontal else category,
        "yAxis": category if horizontal else value,
        "series": [{"type": "bar", **s} for s in series],
        "links": links,
    }


def _pie(pairs: list[tuple[str, int]], links: dict) -> dict:
    return {
        "tooltip": {"trigger": "item"},
        "series": [
            {"type": "pie", "radius": ["35%", "65%"], "data": [{"name": n, "value": v} for n, v in pairs]}
        ],
        "links": links,
    }


@login_required
def dashboard(request):
    permissions.require_reader(request.user)
    qs = selectors.associations_visible_to(request.user).order_by()
    operating = Q(status__in=OPERATING)
    covered = operating & Q(party_organization__in=[Party.OWN, Party.JOINT])
    areas = list(
        qs.values("region__code", "region__name")
        .annotate(
            total=Count("id"), operating=Count("id", filter=operating), covered=Count("id", filter=covered)
        )
        .order_by("region__code")
    )
    for row in areas:
        row["coverage"] = round(100 * row["covered"] / row["operating"], 1) if row["operating"] else None
        row["url"] = _list_url(area=row["region__code"])
    names = [r["region__name"] for r in areas]
    area_links = {r["region__name"]: r["url"] for r in areas}
    by_area = _bar(
        names,
        [
            {"name": _("在册（含筹备、注销）"), "data": [r["total"] for r in areas]},
            {"name": _("正常运行"), "data": [r["operating"] for r in areas]},
            {"name": _("已建党组织"), "data": [r["covered"] for r in areas]},
        ],
        area_links,
    )
    kinds = dict(qs.values_list("kind").annotate(n=Count("id")))
    levels = dict(qs.values_list("level").annotate(n=Count("id")))
    states = dict(qs.values_list("status").annotate(n=Count("id")))
    by_kind = _pie(
        [(str(k.label), kinds.get(k.value, 0)) for k in Kind],
        {str(k.label): _list_url(kind=k.value) for k in Kind},
    )
    by_level = _bar(
        [str(lv.label) for lv in Level],
        [{"name": _("数量"), "data": [levels.get(lv.value, 0) for lv in Level]}],
        {str(lv.label): _list_url(level=lv.value) for lv in Level},
    )
    by_status = _bar(
        [str(s.label) for s in S],
        [{"name": _("数量"), "data": [states.get(s.value, 0) for s in S]}],
        {str(s.label): _list_url(status=s.value) for s in S},
        horizontal=True,
    )
    year = report_year(timezone.localdate())
    owing = selectors.due_for_year(qs, year).count()
    missing = selectors.missing_reports(qs, year=year, deadline=Deadline.REGISTRAR).count()
    total_operating = sum(r["operating"] for r in areas)
    total_covered = sum(r["covered"] for r in areas)
    context = {
        "areas": areas,
        "charts": {"area": by_area, "kind": by_kind, "level": by_level, "status": by_status},
        "total": sum(r["total"] for r in areas),
        "operating": total_operating,
        "coverage": round(100 * total_covered / total_operating, 1) if total_operating else None,
        "year": year,
        "owing": owing,
        "filed": owing - missing,
        "nav": "dashboard",
    }
    return render(request, "associations/dashboard.html", context)
