"""接诉即办 benchmark: dispatch throughput, and the three rates at 1M orders from rollups vs raw orders.

Runs in a fresh database of its own: SQLite in a temporary data directory, and PostgreSQL too when
``DATABASE_URL`` is set (a database ``minsheng_bench_hotline`` is created on that server and dropped at
the end; the database named in the URL is not touched). The world is invented: one county of 10
streets, 10 departments and 10 street offices, 30 categories with a dispatch catalogue. ``--orders``
orders over the past year are bulk-created (80% return-visited), the rollups rebuilt from them, then:

- dispatch: ``--dispatch`` fresh orders taken through ``order_dispatch`` one by one (catalogue look-up,
  row lock, deadline, audit, copy to the district, rollup increment), orders per second;
- rates: the three rates for a period and an area (county, one street) and the county's unit ranking,
  from the rollups (p50/p95 over ``--repeat`` runs) side by side with the same counts from the orders.

    .venv/bin/python bench/hotline.py                      # SQLite, 1M orders
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/hotline.py
    .venv/bin/python bench/hotline.py --orders 100000 --repeat 5
"""

import argparse
import random
import time
from datetime import datetime, timedelta

from harness import analyze, run_each_database, timed

PG_DB = "minsheng_bench_hotline"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--dispatch", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--raw-repeat", type=int, default=3)
    run_each_database(parser, run, name="hotline", pg_db=PG_DB, skip_sqlite=True)


def build_world():
    from minsheng.accounts.models import User
    from minsheng.accounts.roles import Role
    from minsheng.hotline.models import Category, DispatchRule
    from minsheng.orgs.models import Membership, Region, Unit

    K, L = Unit.Kind, Region.Level
    province = Region.objects.create(code="980000", name="测试省", level=L.PROVINCE)
    city = Region.objects.create(code="980100", name="测试市", level=L.CITY, parent=province)
    county = Region.objects.create(code="980101", name="测试区", level=L.COUNTY, parent=city)
    streets = [
        Region.objects.create(code=f"980101{i:03d}", name=f"测试街道{i}", level=L.STREET, parent=county)
        for i in range(1, 11)
    ]
    centre = Unit.objects.create(name="测试区接诉即办中心", kind=K.HOTLINE_CENTRE, region=county)
    Unit.objects.create(name="测试区人民政府", kind=K.GOVERNMENT, region=county)
    departments = [
        Unit.objects.create(name=f"测试区部门{i}", kind=K.DEPARTMENT, region=county) for i in range(10)
    ]
    offices = [Unit.objects.create(name=f"{s.name}办事处", kind=K.STREET_OFFICE, region=s) for s in streets]
    operator = User.objects.create_user(username="bench_operator", password="x")
    Membership.objects.create(user=operator, unit=centre, role=Role.OPERATOR)
    categories = []
    for p in range(3):
        parent = Category.objects.create(code=f"{p + 1:02d}", name=f"大类{p + 1}")
        for c in range(10):
            categories.append(
                Category.objects.create(code=f"{p + 1:02d}{c + 1:02d}", name=f"小类{p}-{c}", parent=parent)
            )
    for i, cat in enumerate(categories):
        DispatchRule.objects.create(category=cat, region=county, unit=departments[i % 10])
    # The first five categories are street matters: each street's office.
    for cat in categories[:5]:
        for street, office in zip(streets, offices, strict=True):
            DispatchRule.objects.create(category=cat, region=street, unit=office)
    return dict(county=county, streets=streets, centre=centre, departments=departments, offices=offices,
                categories=categories, operator=operator)  # fmt: skip


def fill(world, n: int, *, now: datetime, batch: int = 20_000) -> None:
    """``n`` orders over the past year, dispatched by the catalogue's logic, 80% return-visited.

    Plain ``executemany`` INSERTs: model instances of a 40-column table cost more than the database does.
    """
    from django.db import connection, transaction

    from minsheng.hotline.models import Order

    rng = random.Random(7)
    cats, streets, offices, deps = (
        world["categories"],
        world["streets"],
        world["offices"],
        world["departments"],
    )
    centre = world["centre"].pk
    fields = [f for f in Order._meta.concrete_fields if not f.primary_key]
    given = ["number", "token", "kind", "urgency", "category_id", "title", "content", "region_id",
             "is_anonymous", "status", "centre_id", "unit_id", "received_at", "dispatched_at", "due_at",
             "visited_at", "reached", "contacted", "solved", "satisfaction", "updated_at"]  # fmt: skip
    rest = [f for f in fields if f.attname not in given and not f.null]
    defaults = [f.get_default() for f in rest]
    columns = given + [f.column for f in rest]
    q = connection.ops.quote_name
    sql = (f"INSERT INTO {q(Order._meta.db_table)} ({', '.join(q(c) for c in columns)}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")  # fmt: skip
    dt = connection.ops.adapt_datetimefield_value
    stamp = dt(now)
    rows = []

    def flush():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        rows.clear()

    for i in range(n):
        ci = rng.randrange(len(cats))
        si = rng.randrange(len(streets))
        unit = offices[si] if ci < 5 else deps[ci % 10]
        received = now - timedelta(days=rng.random() * 365)
        visited = received + timedelta(days=rng.randint(1, 10)) if rng.random() < 0.8 else None
        if visited and visited > now:
            visited = None
        reached = visited is not None and rng.random() < 0.9
        rows.append(
            (f"RB-{i:08d}", f"b{i:011d}", "complaint", "ordinary", cats[ci].pk, "测试工单", "测试内容",
             streets[si].pk, True, "closed" if visited else "accepted", centre, unit.pk, dt(received),
             dt(received), dt(received + timedelta(days=7)), dt(visited) if visited else None,
             reached if visited else None, (rng.random() < 0.92) if reached else None,
             (rng.random() < 0.75) if reached else None,
             rng.choices(["satisfied", "basically", "dissatisfied"], [6, 3, 1])[0] if reached else "", stamp,
             *defaults)
        )  # fmt: skip
        if len(rows) == batch:
            flush()
    if rows:
        flush()


def run(args) -> None:
    from django.utils import timezone

    from minsheng.hotline import services, stats
    from minsheng.hotline.models import DailyRollup, Order
    from minsheng.hotline.services import rollups

    label = f"[{args.child}] {args.orders:,} orders"
    world = build_world()
    now = timezone.now()
    start = time.perf_counter()
    fill(world, args.orders, now=now)
    fill_s = time.perf_counter() - start
    start = time.perf_counter()
    rows = rollups.rebuild()
    rebuild_s = time.perf_counter() - start
    analyze()
    print(f"{label}: bulk-created in {fill_s:.1f} s ({args.orders / fill_s:,.0f} rows/s); "
          f"rollups rebuilt in {rebuild_s:.1f} s ({rows:,} rows)", flush=True)  # fmt: skip

    # Dispatch: fresh orders in "received", each dispatched through the service.
    rng = random.Random(11)
    fresh = [
        Order.objects.create(
            number=f"RD-{i:08d}",
            token=f"d{i:011d}",
            kind="complaint",
            category=rng.choice(world["categories"]),
            title="派单测试",
            content="测试",
            region=rng.choice(world["streets"]),
            is_anonymous=True,
            centre=world["centre"],
            received_at=now,
        )
        for i in range(args.dispatch)
    ]
    start, start_cpu = time.perf_counter(), time.process_time()
    for order in fresh:
        services.order_dispatch(order=order, actor=world["operator"], now=now)
    took, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    each, each_cpu = took / args.dispatch * 1000, cpu / args.dispatch * 1000
    print(f"{label}: dispatch {args.dispatch:,} orders through order_dispatch in {took:.2f} s = "
          f"{args.dispatch / took:,.0f} orders/s ({each:.2f} ms each; CPU in process {each_cpu:.2f} ms each)",
          flush=True)  # fmt: skip

    today = now.date()
    periods = {
        "month": stats.Period(today.replace(day=1), today),
        "quarter": stats.Period(today - timedelta(days=90), today),
        "year": stats.Period(today - timedelta(days=365), today),
    }
    county, street = world["county"], world["streets"][0]
    dep = world["departments"][0]
    print(f"{label}: {DailyRollup.objects.count():,} rollup rows", flush=True)
    for pname, period in periods.items():
        for aname, fn_roll, fn_raw in (
            ("county", lambda p=period: stats.rates_of(stats.tally(p, region=county)),
             lambda p=period: stats.rates_of(stats.tally_from_orders(p, region=county))),
            ("one street", lambda p=period: stats.rates_of(stats.tally(p, region=street)),
             lambda p=period: stats.rates_of(stats.tally_from_orders(p, region=street))),
            ("one department", lambda p=period: stats.rates_of(stats.tally(p, unit=dep)),
             lambda p=period: stats.rates_of(stats.tally_from_orders(p, unit=dep))),
            ("unit ranking, county", lambda p=period: stats.unit_ranking(p, [county.path]), None),
        ):  # fmt: skip
            p50, p95 = timed(fn_roll, args.repeat)
            line = f"{label}: rates {pname:7} {aname:22} rollups p50 {p50:7.1f} ms p95 {p95:7.1f} ms"
            if fn_raw is not None:
                r50, r95 = timed(fn_raw, args.raw_repeat)
                line += f" | raw orders p50 {r50:8.1f} ms p95 {r95:8.1f} ms"
            print(line, flush=True)
    a = stats.tally(periods["year"], region=county)
    b = stats.tally_from_orders(periods["year"], region=county)
    print(f"{label}: rollups equal raw counts for the year: {a == b}", flush=True)


if __name__ == "__main__":
    main()
