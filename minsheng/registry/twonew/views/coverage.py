"""The coverage dashboard: 组织覆盖率 and 工作覆盖率 by area and by industry, every number a link."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng.registry.twonew import coverage, rules, selectors
from minsheng.registry.twonew.views.common import base_context, readers_only

COLUMNS = ("operating", "covered", "own", "joint", "uncovered", "gaps", "work_covered", "work_uncovered")


def _link(**params) -> str:
    return reverse("registry:twonew:units") + "?" + urlencode({k: v for k, v in params.items() if v})


def _with_links(rows, *, region, by: str):
    for row in rows:
        target = (
            {"region": row.key or region.code, "exact": "1" if row.key == region.code else ""}
            if by == "area"
            else {"region": region.code, "industry": row.key}
        )
        row.links = {status: _link(status=status, **target) for status in COLUMNS}
        row.drill = (
            reverse("registry:twonew:coverage") + "?" + urlencode({"region": row.key})
            if by == "area" and row.key and row.key != region.code
            else ""
        )
    return rows


def _chart(rows, *, title: str, by: str, region) -> dict:
    names = [r.label for r in rows]
    option = {
        "title": {"text": title, "left": 0, "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "legend": {"right": 0, "top": 0},
        "grid": {"top": 40, "left": 8, "right": 8, "bottom": 8, "containLabel": True},
        "xAxis": {
            "type": "category",
            "data": names,
            # Long industry names are cut to fit; the table below gives them in full.
            "axisLabel": {
                "interval": 0, "rotate": 30 if len(names) > 6 else 0, "width": 90, "overflow": "truncate"
            },
        },
        "yAxis": {"type": "value", "max": 100, "axisLabel": {"formatter": "{value}%"}},
        "series": [
            {"name": _("组织覆盖率"), "type": "bar", "data": [float(r.org_rate or 0) for r in rows]},
            {"name": _("工作覆盖率"), "type": "bar", "data": [float(r.work_rate or 0) for r in rows]},
        ],
        # A click on a bar opens the uncovered units behind it (the list a registrar acts on).
        "links": {r.label: r.links["uncovered"] for r in rows},
    }  # fmt: skip
    return option


@readers_only
def dashboard(request):
    code = request.GET.get("region", "")
    roots = selectors.area_roots(request.user)
    region = selectors.region_for(request.user, code) if code else roots[0]
    areas, area_total = coverage.by_area(region)
    industries, industry_total = coverage.by_industry(region)
    _with_links([*areas, area_total], region=region, by="area")
    _with_links([*industries, industry_total], region=region, by="industry")
    formula = rules.conf.get("WORK_COVERAGE")
    chain = []
    node = region
    while node is not None and any(node.path.startswith(r.path) for r in roots):
        chain.insert(0, node)
        node = node.parent
    context = base_context(
        request,
        "coverage",
        region=region,
        chain=chain,
        areas=areas,
        area_total=area_total,
        industries=industries,
        industry_total=industry_total,
        columns=[(key, coverage.STATUS_LABELS[key]) for key in COLUMNS],
        formula=rules.WORK_FORMULA_LABELS.get(formula, formula),
        gap_min=rules.conf.get("GAP_MIN_FULL_MEMBERS"),
        area_chart=_chart(areas, title=_("各区域覆盖率"), by="area", region=region),
        industry_chart=_chart(industries, title=_("各行业覆盖率"), by="industry", region=region),
    )
    return render(request, "twonew/coverage.html", context)
