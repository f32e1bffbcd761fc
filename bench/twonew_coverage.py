"""两新组织 benchmark: coverage queries at 1M units, and the Excel import's rows per second.

Runs in a fresh database of its own: SQLite in a temporary data directory, and PostgreSQL too when
``DATABASE_URL`` is set (a database ``minsheng_bench_twonew`` is created on that server and dropped at
the end; the database named in the URL is not touched). Units are bulk-created (synthetic, invented
codes) over one county of 10 streets × 10 communities; 30% are covered (own or joint), a fifth of the
rest have an instructor. Times are wall-clock, single process, median and worst of ``--repeat`` runs.

    .venv/bin/python bench/twonew_coverage.py                      # SQLite, 1M units
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/twonew_coverage.py
    .venv/bin/python bench/twonew_coverage.py --units 200000 --import-rows 20000
"""

import argparse
import statistics
import time

from harness import analyze, run_each_database, samples

PG_DB = "minsheng_bench_twonew"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--import-rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    run_each_database(parser, run, name="twonew", pg_db=PG_DB)


def timed(fn, repeat: int) -> tuple[float, float, float]:
    """Median and worst wall-clock ms, and median CPU ms of this process (SQLite runs in it; on a
    shared, loaded machine the CPU time is the steadier figure)."""
    times, cpu = samples(fn, repeat)
    return statistics.median(times), max(times), statistics.median(cpu)


def run(args) -> None:
    world = build_world()
    start = time.perf_counter()
    fill(world, args.units)
    fill_s = time.perf_counter() - start
    analyze()
    from minsheng.registry.twonew import coverage, selectors

    county, street = world["county"], world["streets"][0]
    label = f"[{args.child}] {args.units:,} units"
    print(f"{label}: bulk-created in {fill_s:.1f} s ({args.units / fill_s:,.0f} rows/s)")
    for name, fn in (
        ("coverage by area, county (10 streets)", lambda: coverage.by_area(county)),
        ("coverage by area, one street (10 communities)", lambda: coverage.by_area(street)),
        ("coverage by industry, county", lambda: coverage.by_industry(county)),
        ("gap list: first page + count, county", lambda: gap_page(world["registrar"], coverage, selectors)),
        (
            "units list: first page, county",
            lambda: list(selectors.units_visible_to(world["registrar"]).order_by("-pk")[:50]),
        ),
    ):
        median, worst, cpu = timed(fn, args.repeat)
        print(f"{label}: {name}: median {median:.0f} ms, worst {worst:.0f} ms (CPU in process {cpu:.0f} ms)")
    bench_import(world, args, label)


def gap_page(user, coverage, selectors):
    units = coverage.units_with_status(selectors.units_visible_to(user), "gaps")
    units.count()
    list(units.order_by("region__code", "-full_members", "name")[:50])


def build_world() -> dict:
    from minsheng.accounts.models import User
    from minsheng.accounts.roles import Role
    from minsheng.orgs.models import Membership, Region, Unit

    L = Region.Level
    province = Region.objects.create(code="990000", name="江南省", level=L.PROVINCE)
    city = Region.objects.create(code="990100", name="云州市", level=L.CITY, parent=province)
    county = Region.objects.create(code="990102", name="青川区", level=L.COUNTY, parent=city)
    streets, communities = [], []
    for s in range(10):
        street = Region.objects.create(
            code=f"990102{s + 1:03d}", name=f"街道{s + 1}", level=L.STREET, parent=county
        )
        streets.append(street)
        for c in range(10):
            communities.append(
                Region.objects.create(
                    code=f"{street.code}{c + 1:03d}",
                    name=f"社区{s + 1}-{c + 1}",
                    level=L.COMMUNITY,
                    parent=street,
                )
            )
    unit = Unit.objects.create(name="区委社会工作部", kind=Unit.Kind.SOCIAL_WORK, region=county)
    registrar = User.objects.create_user(username="bench_registrar", password=None)
    Membership.objects.create(user=registrar, unit=unit, role=Role.REGISTRAR)
    return {"county": county, "streets": streets, "communities": communities, "registrar": registrar}


def fill(world: dict, n: int) -> None:
    """``n`` units written by the database itself (INSERT … SELECT over a generated sequence): a Python
    loop would spend minutes building objects, which is not what is measured here. The spread is
    deterministic: 20% own and 10% joint organizations, a fifth of the others with an instructor,
    5% closed; 75% of units without full members, 13% with 1–2, 12% with 3–22 (so about 8% are gaps);
    over the county's 10 streets and 100 communities."""
    from django.db import connection

    from minsheng.registry.twonew.models import Instructor, Organization

    first = Instructor.objects.bulk_create(
        Instructor(name=f"指导员{i}", region=world["county"]) for i in range(100)
    )[0].pk
    places = [r.pk for r in world["communities"] + world["streets"]]
    table = connection.ops.quote_name(Organization._meta.db_table)
    if connection.vendor == "postgresql":
        seq = f"SELECT g::bigint AS i FROM generate_series(0, {n - 1}) AS g"
        code = "'B' || lpad(i::text, 17, '0')"
    else:
        seq = f"WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < {n})"
        seq += " SELECT i FROM s"
        code = "'B' || substr('00000000000000000' || i, -17)"
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE bench_places (k integer PRIMARY KEY, region_id integer)")
        cursor.executemany("INSERT INTO bench_places VALUES (%s, %s)", list(enumerate(places)))
        cursor.execute(f"""
            INSERT INTO {table} (kind, name, credit_code, region_id, industry, employees,
                full_members, probationary_members, operating, party_contact, instructor_id, coverage,
                created_at, updated_at)
            SELECT CASE i % 4 WHEN 0 THEN 'non_public' WHEN 1 THEN 'mixed' WHEN 2 THEN 'new_economic'
                       ELSE 'new_social' END,
                   '单位' || i, {code}, p.region_id,
                   substr('ABCDEFGHIJKLMNOPQRST', CAST(1 + (i * 13) % 20 AS integer), 1),
                   5 + (i * 37) % 495,
                   CASE WHEN (i * 53) % 100 < 75 THEN 0 WHEN (i * 53) % 100 < 88 THEN 1 + i % 2
                        ELSE 3 + i % 20 END,
                   0, (i % 20) <> 0, '',
                   CASE WHEN (i * 7919) % 100 BETWEEN 30 AND 43 THEN {first} + i % 100 END,
                   CASE WHEN (i * 7919) % 100 < 20 THEN 'own'
                        WHEN (i * 7919) % 100 < 30 THEN 'joint' ELSE '' END,
                   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
            FROM ({seq}) AS seq JOIN bench_places p ON p.k = (seq.i * 31) % {len(places)}
        """)  # fmt: skip
        cursor.execute("DROP TABLE bench_places")


def bench_import(world: dict, args, label: str) -> None:
    from minsheng.core import sheets
    from minsheng.registry.twonew import services
    from minsheng.registry.twonew.synthetic import credit_code

    header = [str(c.header) for c in services.COLUMNS]
    codes = [c.code for c in world["communities"]]
    rows = [header] + [
        [f"导入单位{i}", credit_code(i), "非公有制企业", codes[i % len(codes)], "制造业", 50, 3, 1, "是", ""]
        for i in range(args.import_rows)
    ]
    content = sheets.workbook_bytes(header, rows[1:])
    start = time.perf_counter()
    table = sheets.read_table(content, "bench.xlsx")
    read_s = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    report = services.units_import(actor=world["registrar"], rows=table, dry_run=True)
    check_s, check_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    report = services.units_import(actor=world["registrar"], rows=table, dry_run=False)
    save_s, save_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.saved == args.import_rows, report.errors[:3]
    n = args.import_rows
    print(
        f"{label}: import {n:,} rows: read .xlsx {n / read_s:,.0f} rows/s; dry-run {n / check_s:,.0f} rows/s;"
        f" check + save {n / save_s:,.0f} rows/s; upload to saved {n / (read_s + save_s):,.0f} rows/s"
        f" (rows per CPU second in process: dry-run {n / check_cpu:,.0f}, check + save {n / save_cpu:,.0f})"
    )


if __name__ == "__main__":
    main()
