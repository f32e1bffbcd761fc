"""The three rates (三率), rankings and 每月一题, read from the daily rollups.

Formulas (weights in conf.py): over valid return visits V in the period,
响应率 = contacted / V, 解决率 = solved / V,
满意率 = (w_s × satisfied + w_b × basically satisfied + w_d × dissatisfied) / V,
composite = Σ RATE_WEIGHTS[r] × rate_r / Σ RATE_WEIGHTS. Rates are percentages; None without visits.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Sum

from minsheng.core.periods import CHINA
from minsheng.hotline import conf
from minsheng.hotline.models import Category, DailyRollup, Order, compose_text
from minsheng.hotline.services.rollups import COUNTS, visit_counts
from minsheng.orgs.models import Region, Unit
from minsheng.orgs.selectors import within_regions


@dataclass
class Tally:
    received: int = 0
    visits: int = 0
    valid: int = 0
    contacted: int = 0
    solved: int = 0
    satisfied: int = 0
    basically: int = 0

    def add(self, row: dict) -> None:
        for k in COUNTS:
            setattr(self, k, getattr(self, k) + (row.get(k) or 0))


@dataclass
class Rates:
    tally: Tally
    response: float | None = None
    solution: float | None = None
    satisfaction: float | None = None
    composite: float | None = None


def rates_of(tally: Tally, settings: dict | None = None) -> Rates:
    """The three rates and the composite score of a tally, by the configured formulas."""
    settings = settings or conf.conf()
    out = Rates(tally=tally)
    v = tally.valid
    if not v:
        return out
    w = settings["SATISFACTION_WEIGHTS"]
    dissatisfied = v - tally.satisfied - tally.basically
    out.response = 100.0 * tally.contacted / v
    out.solution = 100.0 * tally.solved / v
    out.satisfaction = (
        100.0
        * (
            w["satisfied"] * tally.satisfied
            + w["basically"] * tally.basically
            + w["dissatisfied"] * dissatisfied
        )
        / v
    )
    weights = settings["RATE_WEIGHTS"]
    total = sum(weights.values())
    if total:
        out.composite = (
            weights["response"] * out.response + weights["solution"] * out.solution
            + weights["satisfaction"] * out.satisfaction
        ) / total  # fmt: skip
    return out


@dataclass(frozen=True)
class Period:
    since: date
    until: date  # inclusive

    @property
    def start(self) -> datetime:
        return datetime.combine(self.since, time.min, tzinfo=CHINA)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.until + timedelta(days=1), time.min, tzinfo=CHINA)


def month_period(year: int, month: int) -> Period:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return Period(first, nxt - timedelta(days=1))


def _rollups(period: Period, paths: list[str] | None):
    qs = DailyRollup.objects.filter(day__gte=period.since, day__lte=period.until)
    if paths is not None:
        # The areas' region ids first (a few dozen): then the (region, day) index does the rest.
        ids = list(Region.objects.filter(within_regions(paths, field="path")).values_list("pk", flat=True))
        qs = qs.filter(region_id__in=ids)
    return qs


def tally(period: Period, *, unit: Unit | None = None, region: Region | None = None) -> Tally:
    """The counts of one unit and/or one area (its whole subtree) in the period, from the rollups."""
    qs = _rollups(period, [region.path] if region else None)
    if unit is not None:
        qs = qs.filter(unit=unit)
    t = Tally()
    t.add(qs.aggregate(**{k: Sum(k) for k in COUNTS}))
    return t


def tally_from_orders(period: Period, *, unit: Unit | None = None, region: Region | None = None) -> Tally:
    """The same counts straight from the orders (the check on the rollups, and the bench's baseline)."""
    orders = Order.objects.filter(unit__isnull=False)
    if unit is not None:
        orders = orders.filter(unit=unit)
    if region is not None:
        orders = orders.filter(region__path__startswith=region.path)
    received = orders.filter(dispatched_at__gte=period.start, dispatched_at__lt=period.end).count()
    v = orders.filter(visited_at__gte=period.start, visited_at__lt=period.end).aggregate(**visit_counts())
    t = Tally(received=received)
    t.add(v)
    return t


@dataclass
class Row:
    key: object  # a Unit or a Region
    rates: Rates
    rank: int = 0
    link: str = ""


def unit_ranking(period: Period, paths: list[str]) -> list[Row]:
    """Units with work in the areas ``paths``, best composite first (units without visits last)."""
    sums = (
        _rollups(period, paths).values("unit_id").annotate(**{k: Sum(k) for k in COUNTS}).order_by("unit_id")
    )
    tallies: dict[int, Tally] = {}
    for row in sums:
        t = Tally()
        t.add(row)
        tallies[row["unit_id"]] = t
    units = Unit.objects.in_bulk(list(tallies))
    settings = conf.conf()
    rows = [Row(units[pk], rates_of(t, settings)) for pk, t in tallies.items() if pk in units]
    return _ranked(rows)


def area_table(period: Period, parent: Region) -> list[Row]:
    """The areas directly under ``parent`` (each with its subtree), ranked by composite score."""
    children = list(Region.objects.filter(parent=parent).order_by("code"))
    sums = (
        _rollups(period, [parent.path])
        .values("region__path")
        .annotate(**{k: Sum(k) for k in COUNTS})
        .order_by()
    )
    tallies = {c.pk: Tally() for c in children}
    for row in sums:
        for c in children:
            if row["region__path"].startswith(c.path):
                tallies[c.pk].add(row)
                break
    settings = conf.conf()
    return _ranked([Row(c, rates_of(tallies[c.pk], settings)) for c in children])


def _ranked(rows: list[Row]) -> list[Row]:
    rows.sort(key=lambda r: (r.rates.composite is None, -(r.rates.composite or 0), str(r.key)))
    for i, r in enumerate(rows, start=1):
        r.rank = i if r.rates.composite is not None else 0
    return rows


@dataclass
class Problem:
    category: Category
    count: int
    previous: int
    examples: list[str] = field(default_factory=list)

    @property
    def growth(self) -> float | None:
        """Change against the previous month in percent (None when the previous month had none)."""
        if not self.previous:
            return None
        return 100.0 * (self.count - self.previous) / self.previous


def monthly_problems(year: int, month: int, paths: list[str], *, top: int | None = None) -> list[Problem]:
    """每月一题: the categories with the most orders received in the month in the areas ``paths``,
    with last month's count for the growth."""
    top = top or conf.conf()["MONTHLY_TOP"]
    this = month_period(year, month)
    prev_end = this.since - timedelta(days=1)
    prev = month_period(prev_end.year, prev_end.month)
    base = Order.objects.filter(category__isnull=False).filter(within_regions(paths))

    def counts(p: Period) -> dict[int, int]:
        rows = (
            base.filter(received_at__gte=p.start, received_at__lt=p.end)
            .values("category_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        return {r["category_id"]: r["n"] for r in rows}

    now_counts, before = counts(this), counts(prev)
    leaders = sorted(now_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    cats = Category.objects.in_bulk([pk for pk, _ in leaders])
    examples: dict[int, list[str]] = defaultdict(list)
    for cat_id, title in (
        base.filter(received_at__gte=this.start, received_at__lt=this.end, category_id__in=list(cats))
        .order_by("-received_at")
        .values_list("category_id", "title")[:500]
    ):
        if len(examples[cat_id]) < 3 and title not in examples[cat_id]:
            examples[cat_id].append(title)
    return [Problem(cats[pk], n, before.get(pk, 0), examples[pk]) for pk, n in leaders if pk in cats]


HOTSPOT_LIMIT = 5000  # the most recent orders of the month read for key phrases


def monthly_hotspots(year: int, month: int, paths: list[str], *, top: int = 5):
    """The month's hot issues by content, place and time (textmine.hotspots): key phrases beside the
    category counts. Reads at most HOTSPOT_LIMIT orders, the most recent first."""
    from minsheng.textmine.hotspots import Message, find_issues

    period = month_period(year, month)
    rows = (
        Order.objects.filter(within_regions(paths), received_at__gte=period.start, received_at__lt=period.end)
        .order_by("-received_at")
        .values_list("pk", "title", "content", "received_at", "requester_id", "region__name")[:HOTSPOT_LIMIT]
    )
    messages = [
        Message(
            id=pk, text=compose_text(title, content), at=at, author=str(person or f"#{pk}"), place=place or ""
        )
        for pk, title, content, at, person, place in rows
    ]
    if not messages:
        return []
    return find_issues(messages, now=period.end, top=top)
