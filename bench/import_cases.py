"""Historical case import (`manage.py import_cases`): rows per second, next to a raw COPY of the same file.

For each database (SQLite in a temp dir; PostgreSQL, when DATABASE_URL is set, in its own database
``h9_scale_import``, dropped afterwards) a child process migrates, builds the demo world, writes a
CSV of ``--rows`` historical cases (``--pii`` of them with a petitioner: name, ID number, phone and
address, one person per ``--cases-per-person`` rows) and times, in the same run:

- ``raw``     – the file loaded into a bare table of text columns: ``COPY … FROM STDIN (FORMAT csv)``
                on PostgreSQL, ``executemany`` of ``csv.reader`` rows on SQLite (the floor);
- ``dry run`` – ``import_cases(dry_run=True)``: every row checked, nothing written;
- ``import``  – ``import_cases(dry_run=False)``: checked, petitioners matched or created (encrypted,
                blind-indexed), cases written by COPY (PostgreSQL) in one transaction, every index of
                the petitions table maintained row by row;
- ``floor``   – the rows the import wrote (cases, new people) copied back into their real tables with
                every index and foreign key in place: the database's own cost for these rows (PostgreSQL);
- ``rebuilt`` – the same into an emptied table with ``rebuild_indexes=True`` (indexes dropped, built
                again at the end: the migration-window option), with the time of that rebuild apart.

Prints rows/s of each and the import's ratio to raw. The machine is shared: see the load average line.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/import_cases.py --rows 200000 --skip-sqlite
"""

import argparse
import csv
import io
import os
import random
import tempfile
import time

from harness import run_each_database

HEADER = [
    "信访件编号",
    "收到日期",
    "信访渠道",
    "信访类别",
    "标题",
    "诉求",
    "事实",
    "分类代码",
    "问题属地代码",
    "登记单位",
    "责任单位",
    "状态",
    "办结日期",
    "处理结果",
    "信访人姓名",
    "身份证号",
    "电话",
    "地址",
]


def write_file(path: str, rows: int, pii: float, per_person: int) -> None:
    from minsheng.demo import invent, texts

    rng = random.Random(7)
    people = [
        invent.identity(rng, street="青川区东湖街道", place="湖滨社区", area="990102")
        for _ in range(max(1, int(rows * pii / per_person)))
    ]
    units = {
        "housing": "区住建局",
        "labour": "区人社局",
        "environment": "生态环境分局",
        "market": "区市场监管局",
        "education": "区教育局",
        "health": "区卫健局",
        "transport": "区交通局",
        "urban": "区城管局",
    }
    templates = [t for t in texts.REQUESTS if t.unit in units]
    words = [invent.words(rng, street="东湖街道", place="湖滨社区", unit_name="") for _ in range(200)]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(rows):
            t, wd = rng.choice(templates), rng.choice(words)
            year, month, day = rng.randint(2012, 2021), rng.randint(1, 10), rng.randint(1, 28)
            p = rng.choice(people) if rng.random() < pii else None
            w.writerow(
                [
                    f"LS{year}-{i:08d}",
                    f"{year}-{month:02d}-{day:02d}",
                    "来信",
                    "申诉求决",
                    t.title.format(**wd),
                    t.request.format(**wd),
                    t.facts.format(**wd),
                    t.category,
                    "990102001001",
                    "青川区信访局",
                    units[t.unit],
                    "已办结",
                    f"{year}-{month + 2:02d}-{day:02d}",
                    "支持",
                    p.name if p else "",
                    p.id_number if p else "",
                    p.phone if p else "",
                    p.address if p else "",
                ]
            )


def raw_load(path: str) -> None:
    from django.db import connection, transaction

    cols = ", ".join(f"c{i} text" for i in range(len(HEADER)))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_raw_cases")
        cursor.execute(f"CREATE TABLE bench_raw_cases ({cols})")
        if connection.vendor == "postgresql":
            with (
                open(path, "rb") as f,
                cursor.cursor.copy("COPY bench_raw_cases FROM STDIN WITH (FORMAT csv, HEADER true)") as copy,
            ):
                while chunk := f.read(1 << 20):
                    copy.write(chunk)
        else:
            with open(path, encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                next(reader)
                marks = ", ".join(["%s"] * len(HEADER))
                cursor.executemany(f"INSERT INTO bench_raw_cases VALUES ({marks})", list(reader))
        cursor.execute("DROP TABLE bench_raw_cases")


def table_copy() -> float:
    """Seconds to COPY the rows the import wrote back into the real tables, with every index and key
    (checked at commit, as in the import): what the database itself costs for them, whatever the importer."""
    from django.db import connection, transaction

    people = "SELECT * FROM people_person WHERE id IN (SELECT petitioner_id FROM petitions_petition)"
    dumps = {}
    with connection.cursor() as cursor:
        for table, query in (
            ("people_person", people),
            ("petitions_petition", "SELECT * FROM petitions_petition"),
        ):
            buffer = io.BytesIO()
            with cursor.cursor.copy(f"COPY ({query}) TO STDOUT") as copy:
                for chunk in copy:
                    buffer.write(chunk)
            dumps[table] = buffer.getvalue()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_gone AS SELECT DISTINCT petitioner_id AS id FROM petitions_petition"
        )
        cursor.execute("DELETE FROM petitions_petition")
        cursor.execute("DELETE FROM people_person WHERE id IN (SELECT id FROM bench_gone)")
        cursor.execute("DROP TABLE bench_gone")
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for table, data in dumps.items():
            with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                copy.write(data)
    return time.perf_counter() - start


def run(args) -> None:
    from django.db import connection
    from django.utils import timezone

    from minsheng.demo.load import existing_world
    from minsheng.petitions.imports import import_cases
    from minsheng.petitions.models import Petition

    existing_world()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cases.csv")
        write_file(path, args.rows, args.pii, args.cases_per_person)
        size = os.path.getsize(path) / 1e6
        start = time.perf_counter()
        raw_load(path)
        raw = time.perf_counter() - start
        start = time.perf_counter()
        dry = import_cases(path, dry_run=True, now=timezone.now())
        dry_s = time.perf_counter() - start
        start = time.perf_counter()
        done = import_cases(path, dry_run=False, now=timezone.now())
        imp = time.perf_counter() - start
        floor = table_copy() if connection.vendor == "postgresql" else None
        Petition.objects.all().delete()
        start = time.perf_counter()
        rebuilt_report = import_cases(path, dry_run=False, now=timezone.now(), rebuild_indexes=True)
        rebuilt = time.perf_counter() - start
        indexes = rebuilt_report.seconds.get("indexes", 0.0)
    assert done.saved == args.rows == Petition.objects.count(), (done.saved, dry.errors[:3])
    n = args.rows
    print(
        f"\n{connection.vendor}: {n:,} rows ({size:.0f} MB CSV, {args.pii:.0%} with a petitioner), "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"  raw       {raw:7.2f} s  {n / raw:10,.0f} rows/s")
    print(f"  dry run   {dry_s:7.2f} s  {n / dry_s:10,.0f} rows/s")
    print(f"  import    {imp:7.2f} s  {n / imp:10,.0f} rows/s   = {raw / imp:.2f} × raw COPY speed")
    print(
        f"  rebuilt   {rebuilt:7.2f} s  {n / rebuilt:10,.0f} rows/s   = {raw / rebuilt:.2f} × raw"
        "   (import --rebuild-indexes)"
    )
    if floor:
        print(
            f"  floor     {floor:7.2f} s  {n / floor:10,.0f} rows/s   = {floor / imp:.2f} of the import's"
            " time: the rows it wrote (cases, new people) copied back into their tables, indexes and keys on"
        )
    if indexes:
        print(
            f"            of which {indexes:.2f} s building the indexes and keys again; the rows alone "
            f"{n / (rebuilt - indexes):,.0f} rows/s = {raw / (rebuilt - indexes):.2f} × raw"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--pii", type=float, default=0.5, help="share of rows with a petitioner")
    parser.add_argument("--cases-per-person", type=int, default=3)
    run_each_database(parser, run, name="import-cases", pg_db="h9_scale_import", skip_sqlite=True)
