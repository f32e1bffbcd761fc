"""Reading the rollups for a period: whole months from ``RollupMonth``, the days around them from
``Rollup``, and on PostgreSQL every group of a part in one scan (GROUPING SETS)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from minsheng.insight.models import MEASURES, Rollup, RollupMonth, Source
from minsheng.insight.scope import Scope
from minsheng.orgs.models import Region


@dataclass
class Filters:
    since: date
    until: date  # inclusive
    source: str = Source.PETITION
    region: Region | None = None
    category: str = ""
    channel: str = ""

    def params(self, **extra) -> dict:
        """The query string of a drill-down list for these filters plus ``extra``."""
        out = {"source": self.source, "since": self.since.isoformat(), "until": self.until.isoformat()}
        if self.region is not None:
            out["region"] = self.region.pk
        if self.category:
            out["category"] = self.category
        if self.channel:
            out["channel"] = self.channel
        out.update({k: v for k, v in extra.items() if v not in (None, "")})
        return out


class Rows:
    """The rollup rows of a period: whole months from ``RollupMonth``, the days around them from
    ``Rollup`` — a year reads a dozen rows per combination, not 365. Groups merge both parts."""

    def __init__(self, scope: Scope, f: Filters, *, cube: bool = True):
        self.f = f
        until = f.until
        if until >= timezone.localdate():
            # No record is dated after today, so the month of today is whole in RollupMonth (kept with
            # its days): a year up to today reads its last weeks as one row per combination too.
            until = (until.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        days, months = _split(f.since, until)
        self.parts: list[tuple[str, QuerySet]] = []
        if months:
            qs = RollupMonth.objects.filter(month__gte=months[0], month__lte=months[1])
            self.parts.append(("month", filtered(qs, scope, f)))
        if days:
            rule = Q(pk__in=[])
            for a, b in days:
                rule |= Q(day__gte=a, day__lte=b)
            self.parts.append(("day", filtered(Rollup.objects.filter(rule), scope, f)))
        # On PostgreSQL every group of a part comes from one scan (GROUPING SETS); elsewhere, one
        # grouped query per figure.
        use_cube = cube and connection.vendor == "postgresql"
        self.cubes = [_cube(kind, qs) for kind, qs in self.parts] if use_cube else None

    def sums(self) -> dict[str, int]:
        """Every measure summed over the period (one plain aggregate per part, not in the cube: summing
        all eighteen measures in each of its grouping sets cost more than a second scan)."""
        out = dict.fromkeys(MEASURES, 0)
        for _kind, qs in self.parts:
            got = qs.aggregate(**{m: Sum(m) for m in MEASURES})
            for m in MEASURES:
                out[m] += got[m] or 0
        return out

    def group(self, *dims: str, where: Q | None = None, **measures: str) -> list[dict]:
        """Rows per value of ``dims`` with the sums of ``measures`` ({name: column}), both parts merged."""
        merged: dict[tuple, dict] = {}
        from_cube = (
            self.cubes is not None
            and where is None
            and frozenset(dims) in _CUBE_KEYS
            and set(measures.values()) <= set(CUBE_MEASURES)
        )
        for k, (_kind, qs) in enumerate(self.parts):
            if from_cube:
                got = [
                    {**{d: r[d] for d in dims}, **{n: r[c] for n, c in measures.items()}}
                    for r in self.cubes[k].get(frozenset(dims), [])
                ]
            else:
                if where is not None:
                    qs = qs.filter(where)
                got = qs.values(*dims).annotate(**{n: Sum(c) for n, c in measures.items()}).order_by()
            for r in got:
                key = tuple(r[d] for d in dims)
                into = merged.setdefault(key, {**{d: r[d] for d in dims}, **dict.fromkeys(measures, 0)})
                for name in measures:
                    into[name] += r[name] or 0
        return list(merged.values())

    def by_month_or_day(self, monthly: bool) -> dict[date, int]:
        out: dict[date, int] = {}
        for k, (kind, qs) in enumerate(self.parts):
            dim = "month" if kind == "month" else "day"
            if self.cubes is not None:
                got = [{dim: r[dim], "n": r["count"]} for r in self.cubes[k].get(frozenset((dim,)), [])]
            else:
                got = qs.values(dim).annotate(n=Sum("count")).order_by()
            for r in got:
                key = r[dim].replace(day=1) if monthly else r[dim]
                out[key] = out.get(key, 0) + (r["n"] or 0)
        return out


CUBE_DIMS = ("channel", "category", "region_path", "state", "unit_id", "accused_id", "kind")
CUBE_SETS = (
    ("channel",),
    ("category",),
    ("region_path",),
    ("state",),
    ("unit_id",),
    ("accused_id",),
    ("kind", "unit_id"),
)
# What the dashboard's groups count: a grouping set costs a hash lookup and one addition per measure
# for every row read, so the cube sums only these (a year at 10M cases: 105 -> 55 ms).
CUBE_MEASURES = ("count", "completed", "completed_on_time")
_CUBE_KEYS = {frozenset(s) for s in CUBE_SETS}


def _cube(kind: str, qs: QuerySet) -> dict[frozenset, list[dict]]:
    """{the dimensions of a grouping set: its rows with ``CUBE_MEASURES`` summed}: every group of the
    dashboard in one scan."""
    period = "month" if kind == "month" else "day"
    dims = (*CUBE_DIMS, period)
    try:
        sql, params = qs.values("pk").query.sql_with_params()
    except EmptyResultSet:
        return {}
    _select, rest = sql.split(" FROM ", 1)  # the filters the ORM wrote, behind its one selected column
    q = connection.ops.quote_name
    sets = ", ".join("(" + ", ".join(q(d) for d in s) + ")" for s in (*CUBE_SETS, (period,)))
    sql = (
        f"SELECT {', '.join(q(d) for d in dims)}, {', '.join(f'GROUPING({q(d)})' for d in dims)}, "
        f"{', '.join(f'SUM({q(m)})' for m in CUBE_MEASURES)} FROM {rest} GROUP BY GROUPING SETS ({sets})"
    )
    out: dict[frozenset, list[dict]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            values, flags, sums = row[: len(dims)], row[len(dims) : 2 * len(dims)], row[2 * len(dims) :]
            key = frozenset(d for d, flag in zip(dims, flags, strict=True) if not flag)
            item = {d: v for d, v, flag in zip(dims, values, flags, strict=True) if not flag}
            item.update(zip(CUBE_MEASURES, (v or 0 for v in sums), strict=True))
            out.setdefault(key, []).append(item)
    return out


def _split(since: date, until: date) -> tuple[list[tuple[date, date]], tuple[date, date] | None]:
    """(day ranges, (first month, last month)): the whole months inside a period longer than two
    months are read per month; short periods and the edges per day."""
    if (until - since).days < 62:
        return [(since, until)], None
    first = since if since.day == 1 else (since.replace(day=28) + timedelta(days=4)).replace(day=1)
    after = until + timedelta(days=1)
    last = (
        until.replace(day=1) if after.day == 1 else (until.replace(day=1) - timedelta(days=1)).replace(day=1)
    )
    if last < first:
        return [(since, until)], None
    days = []
    if since < first:
        days.append((since, first - timedelta(days=1)))
    end = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if end < until:
        days.append((end + timedelta(days=1), until))
    return days, (first, last)


def filtered(qs: QuerySet, scope: Scope, f: Filters) -> QuerySet:
    qs = qs.filter(scope.rows())
    if f.source:  # every source when empty
        qs = qs.filter(source=f.source)
    if f.region is not None:
        qs = qs.filter(region_path__startswith=f.region.path)
    if f.category:
        qs = qs.filter(category=f.category)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    return qs
