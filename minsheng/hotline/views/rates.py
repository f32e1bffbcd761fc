"""The three rates: unit ranking, area table, chart, Excel; and 每月一题 (the month's top problems)."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.core import sheets
from minsheng.core.periods import CHINA
from minsheng.hotline import forms, permissions, stats
from minsheng.hotline.views.access import staff_page
from minsheng.orgs.models import Region
from minsheng.orgs.selectors import within_regions

RATE_HEADERS = (
    gettext_lazy("排名"),
    gettext_lazy("名称"),
    gettext_lazy("派单量"),
    gettext_lazy("有效回访"),
    gettext_lazy("响应率（%）"),
    gettext_lazy("解决率（%）"),
    gettext_lazy("满意率（%）"),
    gettext_lazy("综合得分"),
)


def _areas(user) -> tuple[list[str], object]:
    paths = permissions.oversight_region_paths(user)
    if not paths:
        raise PermissionDenied
    return paths, Region.objects.filter(within_regions(paths, field="path")).order_by("code")


def _r(value):
    return None if value is None else round(value, 1)


def _row_cells(row) -> tuple:
    r = row.rates
    return (row.rank or "—", str(row.key), r.tally.received, r.tally.valid,
            _r(r.response), _r(r.solution), _r(r.satisfaction), _r(r.composite))  # fmt: skip


@staff_page
def rates(request):
    paths, areas = _areas(request.user)
    form = forms.PeriodForm(request.GET, areas=areas)
    d = form.cleaned_data if form.is_valid() else {}
    today = timezone.now().astimezone(CHINA).date()
    until = d.get("until") or today
    since = d.get("since") or until.replace(day=1)
    status = 200
    if since > until:
        form.add_error("since", _("起始日期不能晚于截止日期。"))
        since, status = until.replace(day=1), 400
    period = stats.Period(since, until)
    area = d.get("area") or areas.filter(path__in=paths).first()
    units = stats.unit_ranking(period, [area.path])
    area_rows = stats.area_table(period, area)
    if request.GET.get("format") == "xlsx":
        rows = [_row_cells(r) for r in units] + [()] + [_row_cells(r) for r in area_rows]
        name = _("三率排名_%(area)s_%(since)s_%(until)s.xlsx") % {
            "area": area.name,
            "since": since,
            "until": until,
        }
        return sheets.xlsx_response(sheets.workbook_bytes(RATE_HEADERS, rows, title=_("三率排名")), name)
    context = {
        "form": form,
        "period": period,
        "area": area,
        "units": units,
        "area_rows": area_rows,
        "chart": _chart([r for r in units if r.rates.composite is not None][:20]),
        "nav": "rates",
    }
    return render(request, "hotline/rates.html", context, status=status)


def _chart(rows) -> dict:
    names = [str(r.key) for r in rows]
    series = [
        (_("响应率"), [_r(r.rates.response) for r in rows]),
        (_("解决率"), [_r(r.rates.solution) for r in rows]),
        (_("满意率"), [_r(r.rates.satisfaction) for r in rows]),
        (_("综合得分"), [_r(r.rates.composite) for r in rows]),
    ]
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {},
        "grid": {"left": 120, "right": 20},
        "xAxis": {"type": "value", "max": 100},
        "yAxis": {"type": "category", "data": names, "inverse": True},
        "series": [{"name": n, "type": "bar", "data": v} for n, v in series],
    }


def _last_month() -> tuple[int, int]:
    last = timezone.now().astimezone(CHINA).date().replace(day=1) - timedelta(days=1)
    return last.year, last.month


@staff_page
def monthly(request):
    """每月一题: the month's most frequent problems in the user's area, with the growth on last month."""
    paths, _areas_qs = _areas(request.user)
    form = forms.MonthForm(request.GET)
    year, month = _last_month()
    status = 200
    if not form.is_valid():
        status = 400
    elif form.cleaned_data["month"]:
        year, month = form.cleaned_data["month"]
    problems = stats.monthly_problems(year, month, paths)
    label = f"{year}-{month:02d}"
    if request.GET.get("format") == "xlsx" and status == 200:
        headers = (gettext_lazy("排名"), gettext_lazy("分类代码"), gettext_lazy("问题分类"),
                   gettext_lazy("本月件数"), gettext_lazy("上月件数"), gettext_lazy("环比（%）"),
                   gettext_lazy("典型诉求"))  # fmt: skip
        rows = [
            (i, p.category.code, p.category.name, p.count, p.previous, _r(p.growth), "；".join(p.examples))
            for i, p in enumerate(problems, start=1)
        ]
        return sheets.xlsx_response(
            sheets.workbook_bytes(headers, rows, title=_("每月一题")), _("每月一题_%(m)s.xlsx") % {"m": label}
        )
    chart = {
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": [p.category.name for p in problems]},
        "yAxis": {"type": "value"},
        "series": [
            {"name": _("本月"), "type": "bar", "data": [p.count for p in problems]},
            {"name": _("上月"), "type": "bar", "data": [p.previous for p in problems]},
        ],
        "legend": {},
    }
    hotspots = stats.monthly_hotspots(year, month, paths) if problems else []
    context = {
        "hotspots": hotspots,
        "form": form,
        "problems": problems,
        "label": label,
        "chart": chart,
        "nav": "monthly",
        "month": date(year, month, 1),
    }
    return render(request, "hotline/monthly.html", context, status=status)
