"""Volunteer hours benchmark: approved minutes and star levels recomputed from service records.

A dedicated database (PostgreSQL ``minsheng_bench_vhours``, or a SQLite file under /tmp) is migrated
and filled in SQL with N volunteers and M service records (60–300 minutes each, 90% approved, 10%
pending, spread evenly over the volunteers). Then:

* **full recomputation** (``services.recompute()``, the command ``volunteer_stars recompute``): once
  from all-zero totals (every volunteer changes), once again (steady state: nothing changes);
* **one volunteer** (``services.recompute_one``, what approving or correcting runs): 500 random
  volunteers, p50/p95/max, wall clock, single-threaded.

    DATABASE_URL is set by the script; run for example
    .venv/bin/python bench/volunteer_hours.py --volunteers 1000000 --records 20000000 --db pg
    .venv/bin/python bench/volunteer_hours.py --volunteers 100000 --records 2000000 --db sqlite
"""

import argparse
import os
import random
import shutil
import statistics
import time

from harness import pg, setup_django

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/minsheng_bench_vhours"
SQLITE_DIR = "/tmp/minsheng_bench_vhours"
CHUNK = 1_000_000


def setup(db: str, *, reuse: bool = False) -> None:
    if db == "pg":
        os.environ["DATABASE_URL"] = PG_URL
        if not reuse:
            pg(PG_ADMIN, "DROP DATABASE IF EXISTS minsheng_bench_vhours")
            pg(PG_ADMIN, "CREATE DATABASE minsheng_bench_vhours")
    else:
        if not reuse:
            shutil.rmtree(SQLITE_DIR, ignore_errors=True)
        os.environ["MINSHENG_DATA_DIR"] = SQLITE_DIR
        os.environ.pop("DATABASE_URL", None)
    setup_django()


def _volunteer_insert(region_id: int) -> str:
    """INSERT … SELECT over generate_series(%s, %s) AS i, with a value for every column of Volunteer."""
    from django.db import connection, models

    from minsheng.volunteers.models import Volunteer

    now = "CURRENT_TIMESTAMP"
    cols, vals = [], []
    for f in Volunteer._meta.concrete_fields:
        if f.primary_key:
            continue
        cols.append(connection.ops.quote_name(f.column))
        if f.null:
            vals.append("NULL")
        elif f.unique:
            vals.append("'b' || i")
        elif f.column == "region_id":
            vals.append(str(region_id))
        elif isinstance(f, models.DateTimeField):
            vals.append(now)
        elif isinstance(f, models.DateField):
            vals.append("'1990-01-01'")
        elif isinstance(f, models.JSONField):
            vals.append("'[]'")
        elif isinstance(
            f, (models.IntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField)
        ):
            vals.append("0")
        else:
            vals.append("''" if f.column != "status" else "'active'")
    table = connection.ops.quote_name(Volunteer._meta.db_table)
    return f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(vals)} FROM {_series()}"


def _series() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        return "generate_series(%s, %s) AS g(i)"
    return "(WITH RECURSIVE s(i) AS (SELECT %s UNION ALL SELECT i + 1 FROM s WHERE i < %s) SELECT i FROM s)"


def fill(volunteers: int, records: int) -> None:
    from django.db import connection, transaction

    from minsheng.orgs.models import Region
    from minsheng.volunteers.models import Team, Volunteer
    from minsheng.volunteers.service.models import ServiceRecord

    region = Region.objects.create(code="990102", name="青川区", level=Region.Level.COUNTY)
    team = Team.objects.create(name="基准测试志愿服务队", region=region)
    t0 = time.perf_counter()
    with connection.cursor() as c:
        for lo in range(1, volunteers + 1, CHUNK):
            with transaction.atomic():
                c.execute(_volunteer_insert(region.pk), [lo, min(volunteers, lo + CHUNK - 1)])
        first = Volunteer.objects.order_by("id").values_list("id", flat=True).first()
        print(f"  {volunteers:,} volunteers in {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        table = connection.ops.quote_name(ServiceRecord._meta.db_table)
        if connection.vendor == "postgresql":
            at = "TIMESTAMPTZ '2024-01-01 09:00+08' + (i %% 700) * INTERVAL '1 day'"
            out = f"{at} + (60 + i %% 241) * INTERVAL '1 minute'"
        else:
            at = "datetime('2024-01-01 01:00:00', '+' || (i %% 700) || ' days')"
            out = (
                "datetime('2024-01-01 01:00:00', '+' || (i %% 700) || ' days',"
                " '+' || (60 + i %% 241) || ' minutes')"
            )
        mod = "%%"  # both backends take %% for a literal % when parameters are passed
        sql = (
            f"INSERT INTO {table} (created_at, updated_at, volunteer_id, shift_id, team_id, region_id, area,"
            " title, check_in_at, check_out_at, minutes, source, status, decided_by_id, decided_at, notes,"
            f" created_by_id) SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, {first} + (i {mod} {volunteers}),"
            f" NULL, {team.pk},"
            f" {region.pk}, 'elderly', 'bench', {at}, {out}, 60 + i {mod} 241, 'import',"
            f" CASE WHEN i {mod} 10 = 0 THEN 'pending' ELSE 'approved' END, NULL, NULL, '', NULL"
            f" FROM {_series()}"
        )
        # Generating 20M rows is the slow part, not what is measured: load without the secondary indexes
        # and FK triggers, then build the indexes once (the schema measured is the real one).
        indexes = _drop_indexes(c, table)
        for lo in range(1, records + 1, CHUNK):
            with transaction.atomic():
                c.execute(sql, [lo, min(records, lo + CHUNK - 1)])
            print(
                f"  … {min(records, lo + CHUNK - 1):,} records ({time.perf_counter() - t0:.0f} s)", flush=True
            )
        print(f"  {records:,} records in {time.perf_counter() - t0:.1f} s; building indexes", flush=True)
        t0 = time.perf_counter()
        _restore_indexes(c, table, indexes)
        c.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"  indexes and VACUUM ANALYZE in {time.perf_counter() - t0:.1f} s", flush=True)


def _drop_indexes(c, table: str) -> list[str]:
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    name = table.strip('"')
    c.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT LIKE %s",
        [name, "%pkey"],
    )
    found = c.fetchall()
    for index, _definition in found:
        c.execute(f'DROP INDEX "{index}"')
    c.execute(f"ALTER TABLE {table} DISABLE TRIGGER ALL")
    return [definition for _index, definition in found]


def _restore_indexes(c, table: str, definitions: list[str]) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    c.execute("SET maintenance_work_mem = '512MB'")
    for definition in definitions:
        c.execute(definition)
    c.execute(f"ALTER TABLE {table} ENABLE TRIGGER ALL")


def measure(volunteers: int) -> dict:
    from django.db import transaction
    from django.db.models import Count

    from minsheng.volunteers.models import Volunteer
    from minsheng.volunteers.service.services import stars

    out = {}
    for label in ("full recomputation, 1st run", "full recomputation, 2nd run"):
        t0 = time.perf_counter()
        with transaction.atomic():
            changed = stars.recompute()
        out[label] = (time.perf_counter() - t0, changed)
        print(f"  {label}: {out[label][0]:.2f} s, {changed:,} volunteers changed", flush=True)
    ids = list(Volunteer.objects.order_by("id").values_list("id", flat=True)[:1])
    first = ids[0]
    rng = random.Random(7)
    inside, committed = [], []
    for _ in range(500):
        vid = first + rng.randrange(volunteers)
        t0 = time.perf_counter()
        with transaction.atomic():
            stars.recompute_one(vid)
            t1 = time.perf_counter()
        t2 = time.perf_counter()
        inside.append((t1 - t0) * 1000)
        committed.append((t2 - t0) * 1000)
    for label, times in (
        ("one volunteer (in the caller's transaction)", inside),
        ("one volunteer (own transaction, incl. commit)", committed),
    ):
        times.sort()
        p50, p95, top = statistics.median(times), times[int(len(times) * 0.95)], times[-1]
        print(f"  {label}: p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {top:.2f} ms")
    print(f"  load average during the run: {os.getloadavg()}")
    dist = dict(Volunteer.objects.values_list("stars").annotate(n=Count("id")))
    print(f"  star distribution: {dict(sorted(dist.items()))}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--db", choices=["pg", "sqlite"], default="pg")
    parser.add_argument("--reuse", action="store_true", help="measure the database filled by the last run")
    args = parser.parse_args()
    print(f"{args.db}: {args.volunteers:,} volunteers, {args.records:,} records")
    setup(args.db, reuse=args.reuse)
    if not args.reuse:
        fill(args.volunteers, args.records)
    measure(args.volunteers)


if __name__ == "__main__":
    main()
