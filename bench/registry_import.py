"""Association register import benchmark: rows per second of the Excel import, side by side with a
plain ``bulk_create`` of the same rows and (on PostgreSQL) ``COPY``.

For each database (SQLite in a temp dir; PostgreSQL in its own ``minsheng_bench_associations``
database, dropped afterwards) a child process migrates a fresh database, makes one county with a
registrar, builds N valid rows (every one a distinct valid credit code) and times, each on an empty
table:

- ``xlsx write``  – ``sheets.workbook_bytes`` of the N rows (what an export costs)
- ``xlsx read``   – ``sheets.read_table`` of that workbook (openpyxl, read-only mode)
- ``dry run``     – ``import_table(dry_run=True)``: every cell parsed and every rule checked, nothing written
- ``import``      – ``import_table(dry_run=False)``: the same plus ``bulk_create`` in one transaction
- ``bulk_create`` – ``Association.objects.bulk_create`` of the same rows, already as model objects
- ``COPY``        – PostgreSQL ``COPY … FROM STDIN`` of the same rows (PostgreSQL only)

Figures are wall-clock, single process, best of ``--repeat``, and also per CPU-second of the bench
process (the database server's CPU is not in it: COPY and bulk_create look cheaper there).
One JSON line per database, then a table.

    .venv/bin/python bench/registry_import.py
    .venv/bin/python bench/registry_import.py --rows 20000 --db sqlite
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from harness import ROOT, pg, setup_django

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_DB = "minsheng_bench_associations"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--db", choices=["both", "sqlite", "postgres"], default="both")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.rows, args.repeat)
        return
    results = []
    for db in ("sqlite", "postgres"):
        if args.db not in ("both", db):
            continue
        with tempfile.TemporaryDirectory() as data_dir:
            env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
            env.update(MINSHENG_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="0")
            if db == "postgres":
                if not _pg_create():
                    print(json.dumps({"db": db, "skipped": "PostgreSQL not reachable"}))
                    continue
                env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
            try:
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        "--rows",
                        str(args.rows),
                        "--repeat",
                        str(args.repeat),
                    ],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=False,
                    timeout=3600,
                )
            finally:
                if db == "postgres":
                    pg(PG_ADMIN_URL, f'DROP DATABASE IF EXISTS "{PG_DB}"')
            if out.returncode != 0:
                print(json.dumps({"db": db, "error": out.stderr[-3000:]}))
                continue
            line = json.loads(out.stdout.strip().splitlines()[-1])
            line["db"] = db
            print(json.dumps(line, ensure_ascii=False))
            results.append(line)
    _table(results)


def _pg_create() -> bool:
    try:
        pg(PG_ADMIN_URL, f'DROP DATABASE IF EXISTS "{PG_DB}"')
        pg(PG_ADMIN_URL, f'CREATE DATABASE "{PG_DB}"')
    except Exception:
        return False
    return True


def _table(results: list[dict]) -> None:
    if not results:
        return
    phases = ["xlsx_write", "xlsx_read", "dry_run", "import", "bulk_create", "copy"]
    print()
    print(f"{'rows/s':<14}" + "".join(f"{r['db']:>14}" for r in results))
    for phase in phases:
        cells = "".join(f"{r['rows_per_s'].get(phase) or 'n/a':>14}" for r in results)
        print(f"{phase:<14}{cells}")
    print(f"{'rows/CPU-s':<14}" + "".join(f"{r['db']:>14}" for r in results) + "   (client process only)")
    for phase in phases:
        cells = "".join(f"{r['rows_per_cpu_s'].get(phase) or 'n/a':>14}" for r in results)
        print(f"{phase:<14}{cells}")
    print("load average at the end: " + ", ".join(f"{r['db']} {r['load_average']:.1f}" for r in results))
    for r in results:
        ratio = r["rows_per_s"]["import"] / r["rows_per_s"]["copy"] if r["rows_per_s"].get("copy") else None
        if ratio:
            print(f"{r['db']}: import = {ratio:.1%} of COPY; rows={r['rows']}")


# ---------------------------------------------------------------- the child: one database


def _child(n: int, repeat: int) -> None:
    setup_django()
    from django.db import connection

    from minsheng.accounts.models import User
    from minsheng.accounts.roles import Role
    from minsheng.core import sheets
    from minsheng.orgs.models import Membership, Region, Unit
    from minsheng.registry.associations.models import Association
    from minsheng.registry.associations.services.sheets import COLUMNS, import_table

    province = Region.objects.create(code="990000", name="江南省", level=Region.Level.PROVINCE)
    city = Region.objects.create(code="990100", name="云州市", level=Region.Level.CITY, parent=province)
    county = Region.objects.create(code="990102", name="青川区", level=Region.Level.COUNTY, parent=city)
    unit = Unit.objects.create(name="中共青川区委社会工作部", kind=Unit.Kind.SOCIAL_WORK, region=county)
    registrar = User.objects.create_user(username="bench_registrar", password=None)
    Membership.objects.create(user=registrar, unit=unit, role=Role.REGISTRAR)

    headers = [str(c.header) for c in COLUMNS]
    rows = [headers, *(_row(i) for i in range(n))]
    timings: dict[str, float] = {}
    cpu: dict[str, float] = {}  # this process's CPU time: on a shared, loaded machine closer to the truth

    def best(name, fn, reset=None):
        for _ in range(repeat):
            if reset:
                reset()
            started, started_cpu = time.perf_counter(), time.process_time()
            result = fn()
            elapsed, used = time.perf_counter() - started, time.process_time() - started_cpu
            timings[name] = min(timings.get(name, elapsed), elapsed)
            cpu[name] = min(cpu.get(name, used), used)
        return result

    def empty():
        Association.objects.all().delete()

    content = best("xlsx_write", lambda: sheets.workbook_bytes(rows[0], rows[1:]))
    table = best("xlsx_read", lambda: sheets.read_table(content, "bench.xlsx"))
    report = best("dry_run", lambda: import_table(actor=registrar, rows=table, dry_run=True), reset=empty)
    assert report.ok and report.valid == n, report.errors[:3]
    report = best("import", lambda: import_table(actor=registrar, rows=table, dry_run=False), reset=empty)
    assert report.saved == n

    fields = [f for f in Association._meta.concrete_fields if not f.primary_key]
    empty()

    def objects():
        from django.utils import timezone

        now = timezone.now()
        return [
            Association(region=county, created_at=now, updated_at=now, **_model_values(i)) for i in range(n)
        ]

    prepared = objects()

    def bulk():
        from django.db import transaction

        for o in prepared:
            o.pk = None
        with transaction.atomic():
            Association.objects.bulk_create(prepared, batch_size=1000)

    best("bulk_create", bulk, reset=empty)
    if connection.vendor == "postgresql":
        best("copy", lambda: _copy(connection, fields, prepared), reset=empty)
    rates = {k: round(n / v) for k, v in timings.items()}
    line = {
        "rows": n,
        "seconds": {k: round(v, 3) for k, v in timings.items()},
        "rows_per_s": rates,
        "rows_per_cpu_s": {k: round(n / v) if v else None for k, v in cpu.items()},
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(line))


def _copy(connection, fields, objects) -> None:
    from django.db import transaction

    columns = ", ".join(f'"{f.column}"' for f in fields)
    table = objects[0]._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
            for o in objects:
                copy.write_row([_db_value(f, o, connection) for f in fields])


def _db_value(field, obj, connection):
    value = getattr(obj, field.attname)
    if field.get_internal_type() == "JSONField":
        return json.dumps(value)
    return value


def _row(i: int) -> list:
    from minsheng.registry.credit_code import credit_code_check_char

    first17 = f"51990102{i:09d}"
    return [
        f"青川区第{i}行业协会",
        first17 + credit_code_check_char(first17),
        "行业协会" if i % 3 else "商会",
        "县级",
        "制造业",
        "990102",
        "青川区民政局",
        "青川区工业和信息化局",
        60 + i % 40,
        i % 10,
        50000 + i,
        "张三",
        "李四",
        "13800000000",
        "青川区某路1号",
        "2021-03-01",
        "正常",
        "",
        "未建立",
        0,
    ]


def _model_values(i: int) -> dict:
    from datetime import date
    from decimal import Decimal

    from minsheng.registry.credit_code import credit_code_check_char

    first17 = f"51990102{i:09d}"
    return dict(
        name=f"青川区第{i}行业协会",
        credit_code=first17 + credit_code_check_char(first17),
        kind="association" if i % 3 else "chamber",
        level="county",
        industry="C",
        registration_unit="青川区民政局",
        supervising_unit="青川区工业和信息化局",
        individual_members=60 + i % 40,
        unit_members=i % 10,
        funds=Decimal(50000 + i),
        legal_representative="张三",
        contact_person="李四",
        contact_phone="13800000000",
        address="青川区某路1号",
        registered_on=date(2021, 3, 1),
        status="active",
        decoupling={},
        status_reason="",
        party_organization="none",
        party_members=0,
    )


if __name__ == "__main__":
    main()
