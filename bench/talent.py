"""Social-work talent registry benchmark: the register, the reminder lists, statistics and import.

Runs in a fresh database of its own: SQLite in a temporary data directory, and PostgreSQL too when
``DATABASE_URL`` is set (a database ``minsheng_bench_talent`` is created on that server and dropped at
the end). The world is invented: one county of 10 streets with a social-work department and its
registrar. ``--workers`` workers are bulk-created, each with a certificate, a registration (spread
over the last 3.5 years, so some lapsed and some due) and 0–5 continuing-education records; 2% never
registered. Then, p50/p95 over ``--repeat`` runs, as a registrar of the county sees them:

- register: the first page of the register with its count and counts by level (filtered by a street);
- lists: 学时不足 / 即将到期 / 已过期 / 逾期未登记, first page of 100 and the count;
- statistics: per 10,000 residents by street, by level, by field;
- import: ``--import-rows`` workers with certificate and registration through the import (dry run and
  real), rows per second.

    .venv/bin/python bench/talent.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/talent.py
    .venv/bin/python bench/talent.py --workers 20000 --repeat 5
"""

import argparse
import random
import time
from datetime import timedelta
from decimal import Decimal

from harness import analyze, run_each_database, timed

PG_DB = "minsheng_bench_talent"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--import-rows", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=20)
    run_each_database(parser, run, name="talent", pg_db=PG_DB, skip_sqlite=True)


def build_world():
    from minsheng.accounts.models import User
    from minsheng.accounts.roles import Role
    from minsheng.orgs.models import Membership, Region, Unit

    L = Region.Level
    province = Region.objects.create(code="980000", name="测试省", level=L.PROVINCE)
    city = Region.objects.create(code="980100", name="测试市", level=L.CITY, parent=province)
    county = Region.objects.create(
        code="980101", name="测试区", level=L.COUNTY, parent=city, population=900_000
    )
    streets = [
        Region.objects.create(
            code=f"980101{i:03d}", name=f"测试街道{i}", level=L.STREET, parent=county,
            population=None if i == 10 else 60_000 + 5_000 * i,
        )
        for i in range(1, 11)
    ]  # fmt: skip
    unit = Unit.objects.create(name="测试区委社会工作部", kind=Unit.Kind.SOCIAL_WORK, region=county)
    registrar = User.objects.create_user(username="bench_registrar", password="x")
    Membership.objects.create(user=registrar, unit=unit, role=Role.REGISTRAR)
    return county, streets, registrar


def fill(streets, n: int, *, today, batch: int = 5_000) -> None:
    from django.db import transaction

    from minsheng.people.models import Person
    from minsheng.talent import rules
    from minsheng.talent.models import CEKind, Certificate, ContinuingEducation, Field, Level, Registration
    from minsheng.talent.models import SocialWorker as W

    rng = random.Random(7)
    levels, fields = Level.values, Field.values
    for start in range(0, n, batch):
        size = min(batch, n - start)
        with transaction.atomic():
            people = Person.objects.bulk_create(
                [Person(name_enc="x", name_masked="测*", name_bi=f"n{start + i}",
                        id_number_bi=f"i{start + i}") for i in range(size)]
            )  # fmt: skip
            workers = W.objects.bulk_create(
                [W(person=p, region=rng.choice(streets), field=rng.choice(fields), level=rng.choice(levels),
                   employer=f"机构{rng.randrange(500)}") for p in people]
            )  # fmt: skip
            certs = Certificate.objects.bulk_create(
                [Certificate(worker=w, level=w.level, number=f"B{w.pk:08d}",
                             passed_on=today - timedelta(days=rng.randint(400, 1800))) for w in workers]
            )  # fmt: skip
            regs = []
            for c in certs:
                if rng.random() < 0.02:
                    continue  # never registered
                on = today - timedelta(days=rng.randint(0, 1270))
                regs.append(Registration(certificate=c, worker_id=c.worker_id, registered_on=on,
                                         valid_until=rules.valid_until(on),
                                         hours_required=rules.required_hours(c.level)))  # fmt: skip
            regs = Registration.objects.bulk_create(regs)
            ces = []
            for r in regs:
                for _ in range(rng.randint(0, 5)):
                    kind = CEKind.DEGREE if rng.random() < 0.03 else CEKind.TRAINING
                    ces.append(
                        ContinuingEducation(
                            worker_id=r.worker_id,
                            registration=r,
                            kind=kind,
                            title="培训",
                            on=r.registered_on,
                            hours=Decimal(rng.choice((8, 16, 24))),
                        )
                    )
            ContinuingEducation.objects.bulk_create(ces)


def run(args) -> None:
    from django.db import transaction
    from django.utils import timezone

    from minsheng.core import sheets
    from minsheng.talent import imports, selectors
    from minsheng.talent.models import SocialWorker

    label = f"[{args.child}] {args.workers:,} workers"
    county, streets, registrar = build_world()
    today = timezone.localdate()
    start = time.perf_counter()
    fill(streets, args.workers, today=today)
    fill_s = time.perf_counter() - start
    analyze()
    print(f"{label}: bulk-created in {fill_s:.1f} s")

    street = streets[2]

    def register():
        qs = selectors.workers(registrar, filters=selectors.Filters(area=street), today=today)
        list(qs[:50])
        selectors.counts_by_level(qs)

    def listing(fn):
        def go():
            qs = fn(registrar, today=today)
            list(qs[:100])
            qs.count()

        return go

    cases = [
        ("register (street, page 1 + counts)", register),
        ("学时不足 short of hours", listing(selectors.short_of_hours)),
        ("即将到期 due within 90 days", listing(selectors.due_soon)),
        ("已过期 lapsed", listing(selectors.lapsed)),
        ("逾期未登记 unregistered", listing(selectors.unregistered)),
        ("statistics (county)", lambda: selectors.statistics(registrar, area=county)),
    ]
    for name, fn in cases:
        fn()  # warm
        p50, p95 = timed(fn, args.repeat)
        print(f"{label}: {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    header = [c.header for c in imports.WORKER_COLUMNS]
    rows = [header]
    for i in range(args.import_rows):
        body = f"9801012000{i % 10 + 1:02d}01{i % 1000:03d}"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        body = f"98010119{60 + i // 1000 % 40:02d}{1 + i % 12:02d}{1 + i // 12 % 28:02d}{i % 1000:03d}"
        check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
        rows.append([f"导入{i}", body + check, "", street.code, "机构", "", "社区", "", "社会工作师",
                     f"IMP{i:07d}", today - timedelta(days=100), today - timedelta(days=50)])  # fmt: skip
    content = sheets.workbook_bytes(header, rows[1:])
    for dry in (True, False):
        before = SocialWorker.objects.count()
        start = time.perf_counter()
        parsed = sheets.read_table(content, "bench.xlsx")
        with transaction.atomic():
            report = imports.import_workers(
                rows=parsed, actor=registrar, today=today, dry_run=dry, partial=False
            )
        took = time.perf_counter() - start
        assert report.ok, report.errors[:3]
        assert SocialWorker.objects.count() - before == (0 if dry else args.import_rows)
        what = "dry run (check every row)" if dry else "import (worker+certificate+registration, audited)"
        print(
            f"{label}: {what}: {args.import_rows:,} rows in {took:.2f} s"
            f" ({args.import_rows / took:,.0f} rows/s)"
        )


if __name__ == "__main__":
    main()
