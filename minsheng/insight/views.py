"""察民情 pages: thin — parse, ask a selector or a report function, render."""

from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.core.sheets import xlsx_response
from minsheng.insight import charts, drilldown, reports, selectors
from minsheng.insight.forms import DashboardForm
from minsheng.insight.models import Report, Source
from minsheng.orgs.models import Region

PAGE_SIZE = 50


def _scope(request) -> selectors.Scope:
    scope = selectors.scope_of(request.user)
    if scope.is_empty:
        raise PermissionDenied(_("只有在单位任职的工作人员可以查看民情统计。"))
    return scope


@login_required
def dashboard(request):
    scope = _scope(request)
    form = DashboardForm(request.GET or None)
    query = form.query()
    d = selectors.dashboard(scope, **query)
    names = {"count": _("件数")}
    return render(
        request,
        "insight/dashboard.html",
        {
            "form": form,
            "d": d,
            "charts": charts.dashboard_charts(d, names),
            "nav": "insight",
            "rates": [(r, charts.drill_url(r.params)) for r in d.rates],
            "areas": [(b, charts.drill_url(b.params)) for b in d.by_area],
            "units": [(b, charts.drill_url(b.params)) for b in d.by_unit],
            "states": [(b, charts.drill_url(b.params)) for b in d.by_state],
            "overdue_url": charts.drill_url(d.filters.params(measure="overdue")),
            "due_soon_url": charts.drill_url(d.filters.params(measure="due_soon")),
            "source_links": [(b, "?" + urlencode(b.params)) for b in d.sources],
            "reports": Report.objects.filter(unit_id__in=scope.report_units).select_related("unit")[:12],
            "year": query["until"].year,
            "month": query["until"].strftime("%Y-%m"),
        },
    )


def _int(value) -> int | None:
    # isdigit() alone takes "²"; an id has at most 18 digits (a bigger number overflows the database).
    value = str(value or "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@login_required
def cases(request):
    """The records behind a figure, through the owning app's selector (what the viewer may see)."""
    _scope(request)
    g = request.GET
    source = g.get("source") if g.get("source") in Source.values else Source.PETITION
    region = Region.objects.filter(pk=_int(g.get("region"))).first() if _int(g.get("region")) else None
    q = drilldown.Query(
        source=source,
        since=_day(g.get("since")),
        until=_day(g.get("until")),
        region_path=region.path if region else "",
        category=g.get("category", ""),
        channel=g.get("channel", ""),
        state=g.get("state", ""),
        unit=_int(g.get("unit")),
        accused=_int(g.get("accused")),
        kind=g.get("kind", ""),
        measure=g.get("measure", ""),
    )
    page = Paginator(drilldown.records(request.user, q), PAGE_SIZE).get_page(g.get("page"))
    query = g.copy()
    query.pop("page", None)
    return render(
        request,
        "insight/cases.html",
        {
            "q": q,
            "page": page,
            "lines": drilldown.lines(source, page.object_list),
            "region": region,
            "source_label": Source(source).label,
            "query": query.urlencode(),
            "nav": "insight",
        },
    )


@login_required
def hot(request):
    """Hot issues of the period with their growth (textmine), loaded after the page: grouping takes time."""
    from minsheng.petitions.views.hot import DEFAULT_TOP, HotQuery, hot_issues

    _scope(request)
    form = DashboardForm(request.GET or None)
    query = form.query()
    issues, read, capped = hot_issues(
        request.user, HotQuery(query["since"], query["until"], query["region"], DEFAULT_TOP)
    )
    return render(request, "insight/_hot.html", {"issues": issues, "read": read, "capped": capped})


@login_required
def report(request, kind: str, fmt: str):
    """A report generated now for what the viewer may see: ?year=2026 (annual) or ?month=2026-10."""
    scope = _scope(request)
    if kind not in ("annual", "monthly") or fmt not in ("pdf", "xlsx"):
        raise Http404
    today = timezone.localdate()
    region = Region.objects.filter(pk=_int(request.GET.get("region"))).first()
    try:
        if kind == "annual":
            year = _int(request.GET.get("year")) or today.year
            content = reports.annual_report(year, scope=scope, fmt=fmt, region=region)
            name = f"annual-report-{year}"
        else:
            month = date.fromisoformat((request.GET.get("month") or f"{today:%Y-%m}") + "-01")
            content = reports.monthly_briefing(month, scope=scope, fmt=fmt, region=region)
            name = f"monthly-briefing-{month:%Y-%m}"
    except ValueError:
        raise Http404 from None
    if fmt == "xlsx":
        return xlsx_response(content, f"{name}.xlsx")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@login_required
def stored(request, pk: int, fmt: str):
    """A report the schedule generated, for the staff of the unit it was made for (else 404)."""
    scope = _scope(request)
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    item = get_object_or_404(Report, pk=pk, unit_id__in=scope.report_units)
    field = item.xlsx if fmt == "xlsx" else item.pdf
    return FileResponse(field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1])
