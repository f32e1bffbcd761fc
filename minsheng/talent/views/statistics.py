"""Social workers per 10,000 residents by area, by level and by field, with drill-down to the list."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng.talent import forms, selectors


@login_required
def statistics(request):
    selectors.require_reader(request.user)
    areas = list(selectors.areas_readable_by(request.user))
    area = selectors.area_for(request.user, request.GET.get("area", ""))
    if area is None:
        # The user's own (widest) area first.
        area = min(areas, key=lambda r: (len(r.path), r.code)) if areas else None
    form = forms.AreaForm(initial={"area": area.code if area else ""}, areas=areas)
    stats = selectors.statistics(request.user, area=area) if area else None
    context = {"form": form, "stats": stats, "tab": "statistics", "nav": "talent"}
    if stats:
        context.update(_charts(stats))
    return render(request, "talent/statistics.html", context)


def _list_url(**params) -> str:
    return reverse("talent:home") + "?" + urlencode({k: v for k, v in params.items() if v})


def _charts(stats: dict) -> dict:
    area = stats["area"]
    rows = stats["rows"]
    by_area = {
        "tooltip": {"trigger": "axis"},
        "legend": {"data": [_("人数"), _("每万人")]},
        "xAxis": {"type": "category", "data": [r["region"].name for r in rows]},
        "yAxis": [{"type": "value", "name": _("人数")}, {"type": "value", "name": _("每万人")}],
        "series": [
            {"name": _("人数"), "type": "bar", "data": [r["count"] for r in rows]},
            {
                "name": _("每万人"),
                "type": "line",
                "yAxisIndex": 1,
                # A region without a population has no rate: a gap, not a zero.
                "data": [float(r["per_10k"]) if r["per_10k"] is not None else None for r in rows],
            },
        ],
        "links": {r["region"].name: _list_url(area=r["region"].code) for r in rows},
    }
    by_level = {
        "tooltip": {"trigger": "item"},
        "series": [
            {
                "type": "pie",
                "radius": ["35%", "65%"],
                "data": [{"name": str(lv.label), "value": n} for lv, n in stats["levels"]],
            }
        ],
        "links": {str(lv.label): _list_url(area=area.code, level=lv.value) for lv, _n in stats["levels"]},
    }
    by_field = {
        "tooltip": {"trigger": "axis"},
        "xAxis": {
            "type": "category",
            "data": [str(fd.label) for fd, _n in stats["fields"]],
            "axisLabel": {"interval": 0, "rotate": 30},
        },
        "yAxis": {"type": "value"},
        "series": [{"type": "bar", "name": _("人数"), "data": [n for _fd, n in stats["fields"]]}],
        "links": {str(fd.label): _list_url(area=area.code, field=fd.value) for fd, _n in stats["fields"]},
    }
    for r in rows:
        r["url"] = _list_url(area=r["region"].code)
    return {
        "by_area": by_area,
        "by_level": by_level,
        "by_field": by_field,
        "area_url": _list_url(area=area.code),
        "level_rows": [(lv.label, n, _list_url(area=area.code, level=lv.value)) for lv, n in stats["levels"]],
        "field_rows": [(fd.label, n, _list_url(area=area.code, field=fd.value)) for fd, n in stats["fields"]],
    }
