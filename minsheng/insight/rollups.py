"""Keeping the rollup table in step with the records: an incremental refresh and a full rebuild.

Both recompute whole (source, day) slices from the records and replace them in one transaction, so
running either twice, or both at once, leaves the same rows: the table is a function of the records.

What changed is read from the audit log, not from ``updated_at`` (which no index serves on the case
tables): every write of a case is audited in its own transaction, and the audit chain's head row is
locked until that transaction commits, so events become visible strictly in id order — reading the
ids above the watermark misses nothing, and reads only the index of the newest events.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from minsheng.audit.models import AuditEvent
from minsheng.insight.models import MEASURES, Rollup, RollupMonth, Source, Watermark
from minsheng.insight.sources import AUDIT_TARGETS, SOURCES
from minsheng.orgs.models import Region

WATERMARK = "rollups"
REBUILD_DAYS = 31  # days recomputed per query (and per transaction in a rebuild)
EVENTS_PER_READ = 20_000


@dataclass
class RefreshResult:
    days: int = 0
    rows: int = 0
    events: int = 0


DIMENSIONS = (
    "region_id",
    "region_path",
    "unit_id",
    "owner_id",
    "category",
    "channel",
    "state",
    "kind",
    "accused_id",
)


def _streets() -> dict[int, tuple[int, str]]:
    """{region id: (id, path) of the area it is counted in}: a community counts in its street."""
    rows = list(Region.objects.values_list("id", "path", "level"))
    by_id = {pk: (path, level) for pk, path, level in rows}
    out = {}
    for pk, path, level in rows:
        if level <= Region.Level.STREET:
            out[pk] = (pk, path)
            continue
        ids = [int(i) for i in path.strip("/").split("/") if i]
        above = [i for i in ids if i in by_id and by_id[i][1] <= Region.Level.STREET]
        out[pk] = (above[-1], by_id[above[-1]][0]) if above else (pk, path)
    return out


def _rows(source: str, grouped, streets: dict) -> list[Rollup]:
    merged: dict[tuple, dict] = {}
    for row in grouped.iterator(chunk_size=5000):
        region_id, path = streets.get(row["region_ref"], (row["region_ref"], row["path"] or ""))
        category = row.get("cat")
        key = (
            row["day"],
            region_id,
            path or "",
            row.get("unit_ref"),
            row.get("owner"),
            "" if category is None else str(category),
            row.get("chan") or "",
            row["state"],
            row.get("kind_") or "",
            row.get("accused_ref"),
            row.get("due"),
        )
        into = merged.setdefault(key, dict.fromkeys(MEASURES, 0))
        for m in MEASURES:
            into[m] += row.get(m) or 0
    return [
        Rollup(
            source=source,
            day=k[0],
            region_id=k[1],
            region_path=k[2],
            unit_id=k[3],
            owner_id=k[4],
            category=k[5],
            channel=k[6],
            state=k[7],
            kind=k[8],
            accused_id=k[9],
            due_day=k[10],
            **measures,
        )
        for k, measures in merged.items()
    ]


def _months(first: date, last: date) -> list[date]:
    out, m = [], first.replace(day=1)
    while m <= last:
        out.append(m)
        m = (m.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def _month_end(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _replace_month(source: str, month: date) -> None:
    """Recompute a month of ``RollupMonth`` from the day rows, in SQL (INSERT … SELECT … GROUP BY)."""
    RollupMonth.objects.filter(source=source, month=month).delete()
    q = connection.ops.quote_name
    dims = ", ".join(q(d) for d in DIMENSIONS)
    cols = ", ".join(q(m) for m in MEASURES)
    sums = ", ".join(f"SUM({q(m)})" for m in MEASURES)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {q(RollupMonth._meta.db_table)} ({q('source')}, {q('month')}, {dims}, {cols})"
            f" SELECT {q('source')}, %s, {dims}, {sums} FROM {q(Rollup._meta.db_table)}"
            f" WHERE {q('source')} = %s AND {q('day')} >= %s AND {q('day')} <= %s"
            f" GROUP BY {q('source')}, {dims}",
            [month, source, month, _month_end(month)],
        )


def _replace(source: str, first: date, last: date, streets: dict | None = None) -> int:
    """Replace the rows of ``source`` for the days ``first``..``last`` (and their months) by what the
    records say now."""
    rows = _rows(source, SOURCES[source][0](first, last), streets or _streets())
    Rollup.objects.filter(source=source, day__gte=first, day__lte=last).delete()
    Rollup.objects.bulk_create(rows, batch_size=2000)
    for month in _months(first, last):
        _replace_month(source, month)
    return len(rows)


def _ranges(days: Iterable[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) ranges of at most ``REBUILD_DAYS``: one query per range."""
    out: list[tuple[date, date]] = []
    for d in sorted(days):
        if out and d == out[-1][1] + timedelta(days=1) and (d - out[-1][0]).days < REBUILD_DAYS:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


def _changed_since(event_id: int, upto: int) -> tuple[dict[str, list[int]], int]:
    """{source: record ids} written by the audit events ``event_id`` < id ≤ ``upto``; and how many."""
    ids: dict[str, set[int]] = defaultdict(set)
    seen, start = 0, event_id
    while start < upto:
        end = min(start + EVENTS_PER_READ, upto)
        events = AuditEvent.objects.filter(id__gt=start, id__lte=end, target_type__in=list(AUDIT_TARGETS))
        for target_type, target_id in events.values_list("target_type", "target_id").iterator():
            if target_id.isdigit():
                ids[AUDIT_TARGETS[target_type]].add(int(target_id))
            seen += 1
        start = end
    return {s: sorted(v) for s, v in ids.items()}, seen


def _last_event() -> int:
    return AuditEvent.objects.aggregate(m=Max("id"))["m"] or 0


def refresh() -> RefreshResult:
    """Recompute the days of the records written since the last refresh (every source).

    The watermark row is locked for the whole refresh: a second worker waits, then finds nothing new.
    Never built before: a full ``rebuild`` (which sets the watermark).
    """
    result = RefreshResult()
    Watermark.objects.get_or_create(name=WATERMARK)
    with transaction.atomic():
        mark = Watermark.objects.select_for_update().get(name=WATERMARK)
        if mark.event_id is not None:
            upto = _last_event()
            changed, result.events = _changed_since(mark.event_id, upto)
            streets = _streets() if changed else {}
            for source, ids in changed.items():
                days_of = SOURCES[source][1]
                for first, last in _ranges(days_of(ids)):
                    result.rows += _replace(source, first, last, streets)
                    result.days += (last - first).days + 1
            mark.event_id, mark.refreshed_at = upto, timezone.now()
            mark.save(update_fields=["event_id", "refreshed_at"])
            return result
    result.rows = rebuild()
    return result


def rebuild(
    *,
    since: date | None = None,
    sources: Iterable[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> int:
    """Recompute the rollups from the records (from ``since``, else from each source's first record).

    Batched by ``REBUILD_DAYS`` days per transaction; ``progress`` gets a line per batch. Returns the
    rows written. Rows of days before ``since`` are kept. A full rebuild sets the refresh's watermark.
    """
    written = 0
    upto = _last_event()  # writes after this are left to the next refresh
    streets = _streets()
    today = timezone.localdate()
    for source in sources or SOURCES:
        source = Source(source)
        first = since or SOURCES[source][2]()
        with transaction.atomic():
            stale = Rollup.objects.filter(source=source)
            if since:
                stale = stale.filter(day__gte=since)
            if first is None:
                stale.delete()
                RollupMonth.objects.filter(
                    source=source, month__gte=(since or date.min).replace(day=1)
                ).delete()
                continue
            stale.filter(Q(day__gt=today) | Q(day__lt=first)).delete()
            months = RollupMonth.objects.filter(source=source, month__gt=today)
            if since is None:  # months before the first record are left from deleted records
                months = RollupMonth.objects.filter(
                    Q(month__gt=today) | Q(month__lt=first.replace(day=1)), source=source
                )
            months.delete()
        start = first
        while start <= today:
            last = min(start + timedelta(days=REBUILD_DAYS - 1), today)
            with transaction.atomic():
                written += _replace(source, start, last, streets)
            if progress:
                progress(f"{source.value} {start:%Y-%m-%d}..{last:%Y-%m-%d}: {written}")
            start = last + timedelta(days=1)
    if since is None and sources is None:
        Watermark.objects.update_or_create(
            name=WATERMARK, defaults={"event_id": upto, "refreshed_at": timezone.now()}
        )
    _analyze()
    return written


def _analyze() -> None:
    # A rebuild replaces most rows; without fresh statistics PostgreSQL's planner may scan the
    # tables until autovacuum comes round, and the dashboard's 200 ms budget is gone.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Rollup._meta.db_table}, {RollupMonth._meta.db_table}")
