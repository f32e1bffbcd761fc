"""Daily rollups: incremented with each dispatch and return visit, rebuildable from the orders."""

from collections import defaultdict
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncDate

from minsheng.core.periods import CHINA
from minsheng.hotline.models import DailyRollup, Order
from minsheng.hotline.workflow import Satisfaction

COUNTS = ("received", "visits", "valid", "contacted", "solved", "satisfied", "basically")


def bump(*, at: datetime, unit_id: int, region_id: int, category_id: int, **deltas: int) -> None:
    """Add ``deltas`` to the row of (day of ``at`` in China, unit, region, category); creates it if needed.

    Runs in the caller's transaction: the count moves with the order or not at all.
    """
    deltas = {k: v for k, v in deltas.items() if v}
    if not deltas:
        return
    key = dict(day=at.astimezone(CHINA).date(), unit_id=unit_id, region_id=region_id, category_id=category_id)
    changes = {k: F(k) + v for k, v in deltas.items()}
    if DailyRollup.objects.filter(**key).update(**changes):
        return
    try:
        with transaction.atomic():
            DailyRollup.objects.create(**key, **{k: max(v, 0) for k, v in deltas.items()})
    except IntegrityError:  # another transaction created the row meanwhile
        DailyRollup.objects.filter(**key).update(**changes)


def visit_deltas(order: Order) -> dict[str, int]:
    valid = bool(order.reached)
    return {
        "visits": 1,
        "valid": int(valid),
        "contacted": int(valid and bool(order.contacted)),
        "solved": int(valid and bool(order.solved)),
        "satisfied": int(valid and order.satisfaction == Satisfaction.SATISFIED),
        "basically": int(valid and order.satisfaction == Satisfaction.BASICALLY),
    }


def visit_counts() -> dict:
    """The visit counts of ``COUNTS`` as aggregates over orders (the SQL twin of ``visit_deltas``)."""
    valid = Q(reached=True)
    return {
        "visits": Count("id"),
        "valid": Count("id", filter=valid),
        "contacted": Count("id", filter=valid & Q(contacted=True)),
        "solved": Count("id", filter=valid & Q(solved=True)),
        "satisfied": Count("id", filter=valid & Q(satisfaction=Satisfaction.SATISFIED)),
        "basically": Count("id", filter=valid & Q(satisfaction=Satisfaction.BASICALLY)),
    }


def recompute() -> dict[tuple, dict[str, int]]:
    """The rollup table as the orders say it should be: {(day, unit, region, category): counts}."""
    table: dict[tuple, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    dispatched = (
        Order.objects.filter(dispatched_at__isnull=False, unit__isnull=False)
        .annotate(day=TruncDate("dispatched_at", tzinfo=CHINA))
        .values("day", "unit_id", "region_id", "category_id")
        .annotate(n=Count("id"))
    )
    for row in dispatched.iterator():
        table[(row["day"], row["unit_id"], row["region_id"], row["category_id"])]["received"] += row["n"]
    visited = (
        Order.objects.filter(visited_at__isnull=False, unit__isnull=False)
        .annotate(day=TruncDate("visited_at", tzinfo=CHINA))
        .values("day", "unit_id", "region_id", "category_id")
        .annotate(**visit_counts())
    )
    for row in visited.iterator():
        counts = table[(row["day"], row["unit_id"], row["region_id"], row["category_id"])]
        for k in COUNTS[1:]:
            counts[k] += row[k]
    return dict(table)


def stored() -> dict[tuple, dict[str, int]]:
    """The rollup table as stored, in the shape of ``recompute`` (rows of zeros left out)."""
    out = {}
    for r in DailyRollup.objects.values("day", "unit_id", "region_id", "category_id", *COUNTS).iterator():
        counts = {k: r[k] for k in COUNTS}
        if any(counts.values()):
            out[(r["day"], r["unit_id"], r["region_id"], r["category_id"])] = counts
    return out


@transaction.atomic
def rebuild(*, batch: int = 5000) -> int:
    """Replace the rollup table by a recomputation from the orders; returns the rows written."""
    table = recompute()
    DailyRollup.objects.all().delete()
    rows = [
        DailyRollup(day=day, unit_id=unit, region_id=region, category_id=category, **counts)
        for (day, unit, region, category), counts in table.items()
    ]
    DailyRollup.objects.bulk_create(rows, batch_size=batch)
    return len(rows)


def totals(qs) -> dict[str, int]:
    found = qs.aggregate(**{k: Sum(k) for k in COUNTS})
    return {k: found[k] or 0 for k in COUNTS}
