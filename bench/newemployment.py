"""新就业群体 benchmark: station import, the public station finder, the dashboard and the portal writes.

Runs in a fresh database of its own: SQLite in a temporary data directory, and PostgreSQL too when
``DATABASE_URL`` is set (a database ``minsheng_bench_newemployment`` is created on that server and
dropped at the end). The world is invented: one county of 20 streets with a registrar and a petition
bureau, 50 platforms with ``--sites`` sites and ``--workers`` voluntary registrations, then:

- import: a sheet of ``--stations`` stations through the Excel import (read, dry run, import), rows/s;
- finder: the public station page filtered by amenity and "open now": first page + count (p50/p95 ms);
- dashboard: the dashboard's figures for the county (p50/p95 ms);
- register: ``worker_register`` one by one (encrypt, blind index, audit), registrations/s;
- rights: ``rights_request_submit`` one by one (a petition with routing + the request), requests/s.

    .venv/bin/python bench/newemployment.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/newemployment.py
"""

import argparse
import time

from harness import run_each_database, timed

PG_DB = "minsheng_bench_newemployment"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--stations", type=int, default=20_000)
    parser.add_argument("--sites", type=int, default=5_000)
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--writes", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=20)
    run_each_database(parser, run, name="newemp", pg_db=PG_DB)


def build_world():
    from minsheng.accounts.models import User
    from minsheng.accounts.roles import Role
    from minsheng.orgs.models import Membership, Region, Unit

    K, L = Unit.Kind, Region.Level
    province = Region.objects.create(code="980000", name="测试省", level=L.PROVINCE)
    city = Region.objects.create(code="980100", name="测试市", level=L.CITY, parent=province)
    county = Region.objects.create(code="980101", name="测试区", level=L.COUNTY, parent=city)
    streets = [
        Region.objects.create(code=f"980101{i:03d}", name=f"测试街道{i}", level=L.STREET, parent=county)
        for i in range(1, 21)
    ]
    Unit.objects.create(name="测试区信访局", kind=K.PETITION_BUREAU, region=county)
    social = Unit.objects.create(name="测试区委社会工作部", kind=K.SOCIAL_WORK, region=county)
    registrar = User.objects.create_user(username="bench_registrar", password="x")
    Membership.objects.create(user=registrar, unit=social, role=Role.REGISTRAR)
    return county, streets, registrar


def fill(county, streets, registrar, *, sites: int, workers: int, now) -> list:
    from minsheng.registry.newemployment.models import Platform, Site, WorkerRegistration

    kinds = ["delivery", "courier", "ride_hailing", "freight"]
    platforms = Platform.objects.bulk_create(
        Platform(name=f"平台{i}", kind=kinds[i % 4], region=county) for i in range(50)
    )
    Site.objects.bulk_create(
        (Site(platform=platforms[i % 50], name=f"站点{i}", region=streets[i % 20], worker_count=10 + i % 90)
         for i in range(sites)),
        batch_size=5000,
    )  # fmt: skip
    WorkerRegistration.objects.bulk_create(
        (WorkerRegistration(platform=platforms[i % 50], work_kind="rider", region=streets[i % 20],
                            consent_version="2026-01", consented_at=now, created_at=now)
         for i in range(workers)),
        batch_size=5000,
    )  # fmt: skip
    return platforms


def station_rows(n: int) -> list:
    from minsheng.registry.newemployment.imports import headers

    rows = []
    for i in range(n):
        street = f"测试区 测试街道{i % 20 + 1}"
        always = i % 7 == 0
        flags = [["是", "否"][(i >> b) & 1] for b in range(8)]
        opens, closes = ("", "") if always else ("08:00", "20:00" if i % 5 else "02:00")
        days = "每天" if i % 3 else "1-5"
        rows.append([f"驿站{i}", street, f"测试路{i}号", "运营单位", "", days, opens, closes,
                     "是" if always else "否", "", *flags, "是"])  # fmt: skip
    return rows, headers


def run(args) -> None:
    from django.db import connection
    from django.utils import timezone

    from minsheng.core.sheets import read_table, workbook_bytes
    from minsheng.people.services import Identity
    from minsheng.petitions.services import Intake
    from minsheng.registry.newemployment import dashboard, imports, selectors, services
    from minsheng.registry.newemployment.models import ServiceStation

    now = timezone.now()
    county, streets, registrar = build_world()
    platforms = fill(county, streets, registrar, sites=args.sites, workers=args.workers, now=now)
    db = connection.vendor
    print(f"[{db}] {args.sites} sites, {args.workers} registrations, 50 platforms, 20 streets")

    rows, headers = station_rows(args.stations)
    content = workbook_bytes(headers("stations", registrar), rows)
    start = time.perf_counter()
    table = read_table(content, "stations.xlsx")
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    report = imports.run_import(kind="stations", actor=registrar, rows=table, dry_run=True)
    dry_s = time.perf_counter() - start
    assert report.ok, report.errors[:3]
    start = time.perf_counter()
    report = imports.run_import(kind="stations", actor=registrar, rows=table, dry_run=False)
    import_s = time.perf_counter() - start
    assert report.saved == args.stations and ServiceStation.objects.count() == args.stations
    n = args.stations
    print(f"[{db}] import {n} stations: xlsx read {n / read_s:,.0f} rows/s · dry run {n / dry_s:,.0f} rows/s"
          f" · import {n / import_s:,.0f} rows/s")  # fmt: skip

    def finder():
        """What the public page runs: the first page of stations and the count."""
        qs = selectors.public_stations(amenity="water", open_at=now)
        return list(qs[:30]), qs.count()

    found = finder()[1]  # also the warm-up: the first call loads translations and caches
    p50, p95 = timed(finder, args.repeat)
    print(f"[{db}] finder (water, open now; {found} of {n} stations): p50 {p50:.1f} ms · p95 {p95:.1f} ms")

    def figures():
        return dashboard.charts(dashboard.figures(registrar))

    figures()  # warm-up
    registrar.__dict__.pop("_newemployment_paths", None)
    p50, p95 = timed(figures, args.repeat)
    print(f"[{db}] dashboard figures: p50 {p50:.1f} ms · p95 {p95:.1f} ms")

    start = time.perf_counter()
    for i in range(args.writes):
        services.worker_register(
            platform=platforms[i % 50], work_kind="rider", region=streets[i % 20], nickname="师傅",
            phone=f"139{i:08d}", consent=True, now=now,
        )  # fmt: skip
    rate = args.writes / (time.perf_counter() - start)
    print(f"[{db}] worker_register: {rate:,.0f} registrations/s")

    start = time.perf_counter()
    for i in range(args.writes):
        intake = Intake(
            channel="online", kind="request", title=f"站点拖欠配送费{i}", request="请求督促结清。",
            facts=f"站点{i}拖欠两个月配送费。", reasons="应按月结算。", region=streets[i % 20],
            petitioner=Identity(name="测试人", phone=f"137{i:08d}", address="测试路"),
        )  # fmt: skip
        services.rights_request_submit(
            platform=platforms[i % 50], work_kind="rider", intake=intake, actor=None, now=now
        )
    rate = args.writes / (time.perf_counter() - start)
    print(f"[{db}] rights_request_submit (petition + routing + request): {rate:,.0f} requests/s")


if __name__ == "__main__":
    main()
