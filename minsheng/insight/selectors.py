"""The leader dashboard's figures, read from the rollup table only (never the case tables).

``dashboard(viewer, since=, until=, ...)`` is a plain function: the page, the reports and the scale
benchmark call it. Its query count does not grow with the data or the filters.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from minsheng.insight import labels
from minsheng.insight.models import MEASURES, Rollup, Source
from minsheng.insight.rows import Filters, Rows, filtered
from minsheng.insight.scope import Scope, as_scope, region_scope, scope_of  # noqa: F401 (public API)
from minsheng.orgs.models import Region, Unit

TOP = 10


@dataclass
class Bar:
    key: str
    label: str
    value: float
    params: dict = field(default_factory=dict)  # drill-down query
    extra: dict = field(default_factory=dict)


@dataclass
class Rate:
    key: str
    label: str
    numerator: int
    denominator: int
    value: float | None  # percent; None when nothing to measure
    params: dict = field(default_factory=dict)


@dataclass
class Dashboard:
    filters: Filters
    totals: dict[str, int]
    sources: list[Bar]  # volume of every source in the period
    rates: list[Rate]
    trend: list[Bar]
    by_channel: list[Bar]
    by_category: list[Bar]
    by_area: list[Bar]
    by_unit: list[Bar]
    complained: list[Bar]  # petitions: accused units; hotline: complaints by unit
    by_state: list[Bar]
    overdue: int
    due_soon: int
    today: date

    @property
    def hours(self) -> float:
        return round(self.totals.get("minutes", 0) / 60, 1)


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def base_rows(scope: Scope, f: Filters) -> Rows:
    """The rollup rows of the viewer's scope, the source, the filters and the period (a grouped query
    per ``group``: for figures beyond the dashboard's)."""
    return Rows(scope, f, cube=False)


def dashboard(
    viewer,
    *,
    since: date,
    until: date,
    source: str = Source.PETITION,
    region: Region | None = None,
    category: str = "",
    channel: str = "",
    today: date | None = None,
) -> Dashboard:
    """Every figure of the dashboard for ``viewer`` (a User or a ``Scope``) and the filters."""
    scope = as_scope(viewer)
    f = Filters(since, until, Source(source).value, region, category, channel)
    today = today or timezone.localdate()
    rows = Rows(scope, f)
    by_source = _by_source(scope, f)
    # The volume bars sum every source already: without a category or channel filter, the viewed
    # source's totals are among them (one scan of the period less).
    totals = rows.sums() if f.category or f.channel else by_source.get(f.source, dict.fromkeys(MEASURES, 0))
    return Dashboard(
        filters=f,
        totals=totals,
        sources=_sources(f, by_source),
        rates=_rates(f, totals),
        trend=_trend(rows, f),
        by_channel=_grouped(rows, "channel", labels.channels(f.source), f),
        by_category=_categories(rows, f),
        by_area=_areas(rows, f),
        by_unit=_units(rows, f),
        complained=_complained(rows, f),
        by_state=_grouped(rows, "state", labels.states(f.source), f, limit=None),
        **_backlog(scope, f, today),
        today=today,
    )


def _by_source(scope: Scope, f: Filters) -> dict[str, dict[str, int]]:
    """Every measure per source in the period and area (whatever source and filters are chosen)."""
    rows = Rows(scope, Filters(f.since, f.until, "", f.region), cube=False)
    return {
        r["source"]: {m: r[m] for m in MEASURES} for r in rows.group("source", **{m: m for m in MEASURES})
    }


def _sources(f: Filters, by_source: dict[str, dict[str, int]]) -> list[Bar]:
    out = []
    for value, label in Source.choices:
        r = by_source.get(value, {})
        amount = round(r.get("minutes", 0) / 60, 1) if value == Source.VOLUNTEER else r.get("count", 0)
        out.append(Bar(value, str(label), amount, {**f.params(), "source": value}))
    return out


def _rates(f: Filters, t: dict[str, int]) -> list[Rate]:
    from django.utils.translation import gettext as _

    def rate(key, label, num, den, **drill):
        return Rate(key, label, t[num], t[den], _pct(t[num], t[den]), f.params(**drill))

    if f.source == Source.PETITION:
        satisfied = t["satisfied"] + t["basically"]
        return [
            rate("accept", _("及时受理率"), "accepted_on_time", "accepted", measure="accepted_late"),
            rate("complete", _("按期办结率"), "completed_on_time", "completed", measure="completed_late"),
            Rate(
                "satisfaction",
                _("群众满意率"),
                satisfied,
                t["rated"],
                _pct(satisfied, t["rated"]),
                f.params(measure="dissatisfied"),
            ),
        ]
    if f.source == Source.HOTLINE:
        from minsheng.hotline.stats import Tally, rates_of

        tally = Tally(
            received=t["count"],
            visits=t["visits"],
            valid=t["valid"],
            contacted=t["contacted"],
            solved=t["solved"],
            satisfied=t["satisfied"],
            basically=t["basically"],
        )
        r = rates_of(tally)

        def one(key, label, value, num):
            return Rate(
                key,
                label,
                num,
                t["valid"],
                None if value is None else round(value, 1),
                f.params(measure="visited"),
            )

        return [
            one("response", _("响应率"), r.response, t["contacted"]),
            one("solution", _("解决率"), r.solution, t["solved"]),
            one("satisfaction", _("满意率"), r.satisfaction, t["satisfied"] + t["basically"]),
            rate("complete", _("按期答复率"), "completed_on_time", "completed", measure="completed_late"),
        ]
    if f.source == Source.SUGGESTION:
        return [
            rate("adopt", _("采纳率"), "adopted", "completed", measure="adopted"),
            rate("complete", _("按期办理率"), "completed_on_time", "completed", measure="completed_late"),
        ]
    return [rate("approved", _("时长认定率"), "completed", "count", state="approved")]


def _trend(rows: Rows, f: Filters) -> list[Bar]:
    """Counts per day, or per month beyond ~3 months (a year of days is unreadable)."""
    monthly = (f.until - f.since).days > 92
    got = rows.by_month_or_day(monthly)
    out, d = [], (f.since.replace(day=1) if monthly else f.since)
    while d <= f.until:
        if monthly:
            end = (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            drill = f.params(since=max(d, f.since).isoformat(), until=min(end, f.until).isoformat())
            out.append(Bar(d.isoformat(), f"{d:%Y-%m}", got.get(d, 0), drill))
            d = end + timedelta(days=1)
        else:
            out.append(
                Bar(
                    d.isoformat(),
                    f"{d:%m-%d}",
                    got.get(d, 0),
                    f.params(since=d.isoformat(), until=d.isoformat()),
                )
            )
            d += timedelta(days=1)
    return out


def _top(rows: list[dict], dim: str, limit: int | None) -> list[dict]:
    rows = sorted((r for r in rows if r["n"]), key=lambda r: (-r["n"], str(r[dim])))
    return rows[:limit] if limit else rows


def _grouped(rows: Rows, dim: str, names: dict, f: Filters, *, limit: int | None = TOP) -> list[Bar]:
    got = _top(rows.group(dim, n="count"), dim, limit)
    return [Bar(r[dim], names.get(r[dim], r[dim] or "—"), r["n"], f.params(**{dim: r[dim]})) for r in got]


def _categories(rows: Rows, f: Filters) -> list[Bar]:
    got = _top(rows.group("category", n="count"), "category", TOP)
    names = labels.categories(f.source, [r["category"] for r in got])
    return [
        Bar(
            r["category"],
            names.get(r["category"], str(labels.NO_CATEGORY)),
            r["n"],
            f.params(category=r["category"] or "none"),
        )
        for r in got
    ]


def _areas(rows: QuerySet, f: Filters) -> list[Bar]:
    """The areas one level below the chosen one (or below what the rows share), by count, with the
    count per 10,000 residents where the population is known. Rows at that area itself are its own bar."""
    got = [r for r in rows.group("region_path", n="count") if r["region_path"] and r["n"]]
    if not got:
        return []
    split = [(r["region_path"].strip("/").split("/"), r["n"]) for r in got]
    depth = len(f.region.path.strip("/").split("/")) if f.region is not None else _shared(split)
    by_child: dict[int, int] = {}
    for ids, n in split:
        child = int(ids[depth]) if len(ids) > depth else int(ids[-1])
        by_child[child] = by_child.get(child, 0) + n
    regions = Region.objects.in_bulk(list(by_child))
    out = []
    for pk, n in sorted(by_child.items(), key=lambda kv: (-kv[1], kv[0])):
        region = regions.get(pk)
        if region is None:
            continue
        per = round(n * 10000 / region.population, 2) if region.population else None
        out.append(Bar(str(pk), region.name, n, f.params(region=pk), {"per_10k": per}))
    return out


def _shared(split: list[tuple[list[str], int]]) -> int:
    """How many leading ids every path shares (the deepest area containing every row)."""
    depth = 0
    for ids in zip(*(p for p, _n in split), strict=False):
        if len(set(ids)) != 1:
            break
        depth += 1
    return depth


def _units(rows: Rows, f: Filters) -> list[Bar]:
    grouped = [
        r
        for r in rows.group("unit_id", n="count", done="completed", on_time="completed_on_time")
        if r["unit_id"]
    ]
    got = _top(grouped, "unit_id", TOP)
    names = unit_names([r["unit_id"] for r in got])
    return [
        Bar(
            str(r["unit_id"]),
            names.get(r["unit_id"], "—"),
            r["n"],
            f.params(unit=r["unit_id"]),
            {"on_time": _pct(r["on_time"], r["done"])},
        )
        for r in got
    ]


def _complained(rows: Rows, f: Filters) -> list[Bar]:
    """被投诉较多的单位: the unit a petition complains about; for the hotline, complaints by unit."""
    if f.source == Source.PETITION:
        dim, param = "accused_id", "accused"
        grouped = [r for r in rows.group(dim, n="count") if r[dim]]
    elif f.source == Source.HOTLINE:
        dim, param = "unit_id", "unit"
        grouped = [r for r in rows.group("kind", dim, n="count") if r[dim] and r["kind"] == "complaint"]
    else:
        return []
    got = _top(grouped, dim, TOP)
    names = unit_names([r[dim] for r in got])
    extra = {"kind": "complaint"} if f.source == Source.HOTLINE else {}
    return [
        Bar(str(r[dim]), names.get(r[dim], "—"), r["n"], f.params(**{param: r[dim]}, **extra)) for r in got
    ]


def unit_names(ids) -> dict[int, str]:
    if not ids:
        return {}
    return {
        pk: short or name
        for pk, short, name in Unit.objects.filter(pk__in=ids).values_list("pk", "short_name", "name")
    }


def _backlog(scope: Scope, f: Filters, today: date) -> dict[str, int]:
    """Open work on a staff deadline now, whatever day it came in: overdue, and due within the next days."""
    soon = today + timedelta(days=settings.MINSHENG["DUE_SOON_DAYS"])
    # Bounded by the last day counted: open work due later (most of it) is not read at all.
    open_rows = filtered(Rollup.objects.filter(due_day__lt=soon), scope, f)
    got = open_rows.aggregate(
        overdue=Sum("count", filter=Q(due_day__lt=today)),
        due_soon=Sum("count", filter=Q(due_day__gte=today, due_day__lt=soon)),
    )
    return {"overdue": got["overdue"] or 0, "due_soon": got["due_soon"] or 0}
