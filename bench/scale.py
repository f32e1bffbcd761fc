"""Scale benchmark on PostgreSQL: the pages and reads that must stay fast at 1M and 10M cases.

For each ``--cases`` size a database ``h9_scale_<size>`` (e.g. ``h9_scale_1m``) on the server of
DATABASE_URL is reused when it already holds that many cases, else created, migrated and filled by
``manage.py generate_load`` (timed: rows/s and the 10M extrapolation are printed); the insight rollups
are rebuilt after a load. Then a child process measures, p50/p95 over ``--repeat`` runs (wall clock,
Django test client for pages, so templates and middleware are in):

- queue        – the handler's queue page (/staff/), 50 open cases nearest deadline of 1 department
- overdue      – the leader's overdue page (/staff/overdue/) and the periodic scan (rolled back)
- lookup       – /staff/?q= a case number, a full name (blind index), a phone (blind index), as the clerk
- fulltext     – /staff/?q= a 2- or 4-character word (open cases), and the newest 50 of all history
- dashboard    – insight.selectors.dashboard over the last 12 months, as the county leader
- annual       – insight.reports.annual_report of last year (xlsx), once
- export       – CSV of ``--export-rows`` cases through core.exports (rows/s), once

The measuring process is set up as a deployed web worker (``config.wsgi``) and has served its first
``WARM_UP_REQUESTS``, after which a worker freezes what it keeps for good out of the garbage collector's
sight. "app CPU" is the CPU time of the benchmark process itself (Django, templates, test client; not the
database server): what a request costs apart from waiting for a core on a busy machine.

Targets (issue 7): queue, overdue, lookups ≤ 50 ms p95; dashboard ≤ 200 ms; full-text ≤ 100 ms;
annual report ≤ 30 s. The machine has 2 cores shared with other work: the load average is printed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/scale.py --cases 1000000
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

from harness import ROOT, percentile

WORDS_2 = ["电梯", "工资", "噪声", "物业", "学区", "公交", "拖欠", "征收", "排水", "医保"]
WORDS_LONG = ["加装电梯", "拖欠工资", "夜间施工", "预付卡", "垃圾清运"]


def _url(base: str, db: str) -> str:
    return urlunsplit(urlsplit(base)._replace(path=f"/{db}"))


def _name(n: int) -> str:
    return f"h9_scale_{n // 1_000_000}m" if n % 1_000_000 == 0 else f"h9_scale_{n}"


def prepare(base: str, n: int) -> dict:
    """The database for ``n`` cases, generated when missing; returns how long generation took."""
    import psycopg

    db = _name(n)
    with psycopg.connect(_url(base, "postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db]).fetchone()
        if not exists:
            conn.execute(f"CREATE DATABASE {db}")
    env = {**os.environ, "DATABASE_URL": _url(base, db), "DJANGO_DEBUG": "0"}
    count = 0
    if exists:
        with psycopg.connect(_url(base, db)) as conn:
            try:
                count = conn.execute("SELECT count(*) FROM petitions_petition").fetchone()[0]
            except psycopg.errors.UndefinedTable:
                count = 0
    manage = [sys.executable, "manage.py"]
    migrated = subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True)
    if migrated.returncode and count < n:
        sys.exit(migrated.stderr)
    if migrated.returncode:  # measure what is there; say so
        print(f"  warning: migrate failed on {db}: {migrated.stderr.strip().splitlines()[-1]}")
    info = {"db": db, "generated": False}
    if count < n:
        start = time.perf_counter()
        out = subprocess.run(
            [*manage, "generate_load", "--cases", str(n - count)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        info.update(generated=True, seconds=time.perf_counter() - start, report=out.stdout.strip())
        subprocess.run([*manage, "insight_rebuild"], cwd=ROOT, env=env, check=True)
    return info


def run_child(args) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import transaction
    from django.test import Client
    from django.utils import timezone

    from minsheng.accounts.models import User
    from minsheng.people import crypto
    from minsheng.people.models import Person
    from minsheng.petitions.models import Petition
    from minsheng.petitions.services import scan_deadlines

    rng = random.Random(3)
    n_cases = Petition.objects.count()
    clients = {}

    def page(username):
        if username not in clients:
            c = Client()
            c.force_login(User.objects.get(username=username))
            clients[username] = c
        return clients[username]

    def get(username, url):
        response = page(username).get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    max_id = Petition.objects.order_by("-id").values_list("id", flat=True).first()
    sample_numbers = [
        p
        for p in (
            Petition.objects.filter(id=rng.randint(1, max_id)).values_list("number", flat=True).first()
            for _ in range(args.repeat)
        )
        if p
    ]
    max_person = Person.objects.order_by("-id").values_list("id", flat=True).first()
    people = [
        p
        for p in (Person.objects.filter(id=rng.randint(1, max_person)).first() for _ in range(args.repeat))
        if p
    ]
    names = [crypto.decrypt(p.name_enc) for p in people]
    phones = [crypto.decrypt(p.phone_enc) for p in people]
    results = []

    def measure(label, fn, target):
        try:
            fn()  # warm-up: connections, caches, first template compile
        except Exception as e:  # e.g. the insight app is another helper's work in progress
            print(f"  {label:<44} not measured: {type(e).__name__}: {str(e).splitlines()[0]}", flush=True)
            return
        times, cpu = [], []
        for i in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn(i) if fn.__code__.co_argcount else fn()
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        row = (label, statistics.median(times), percentile(times, 0.95), target)
        results.append(row)
        print(
            f"  {label:<44} p50 {row[1]:7.1f} ms  p95 {row[2]:7.1f} ms  (≤ {target})"
            f"  app CPU p50 {statistics.median(cpu):6.1f} ms",
            flush=True,
        )

    print(f"\n{n_cases:,} cases; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    # A web worker as deployed (config.wsgi): past its first requests, which load templates and the
    # like and then freeze what the process keeps for good out of the garbage collector's sight.
    from config import wsgi

    for _ in range(wsgi.WARM_UP_REQUESTS):
        get("handler", "/staff/")
    measure("queue page (handler, /staff/)", lambda: get("handler", "/staff/"), 50)
    measure("queue page, overdue filter", lambda: get("handler", "/staff/?due=overdue"), 50)
    measure("overdue page (leader, /staff/overdue/)", lambda: get("leader", "/staff/overdue/"), 50)

    def scan_reads():
        # What the periodic scan reads each run (it then acts on what it found, one case at a time).
        from minsheng.petitions.workflow import PAUSED, TERMINAL, WINDOWS

        due = Petition.objects.filter(due_at__lt=timezone.now()).exclude(status__in=TERMINAL | PAUSED)
        list(due.filter(due_clock__in=WINDOWS).values_list("pk", flat=True)[:500])
        list(
            due.exclude(due_clock__in=WINDOWS)
            .filter(overdue_since__isnull=True)
            .values_list("pk", flat=True)[:500]
        )

    measure("overdue scan: its reads (periodic task)", scan_reads, 50)
    with transaction.atomic():
        start = time.perf_counter()
        found = scan_deadlines(now=timezone.now())
        seconds = time.perf_counter() - start
        transaction.set_rollback(True)
    print(
        f"  {'overdue scan, whole task (rolled back)':<44} {seconds * 1000:8.1f} ms "
        f"(closed {found.closed}, supervised {found.supervised})",
        flush=True,
    )
    measure(
        "lookup by number (clerk)",
        lambda i=0: get("clerk", f"/staff/?q={sample_numbers[i % len(sample_numbers)]}"),
        50,
    )
    measure(
        "lookup by full name (blind index)",
        lambda i=0: get("clerk", f"/staff/?q={names[i % len(names)]}"),
        50,
    )
    measure(
        "lookup by phone (blind index)", lambda i=0: get("clerk", f"/staff/?q={phones[i % len(phones)]}"), 50
    )
    measure(
        "full-text 2-char word, open cases (clerk)",
        lambda i=0: get("clerk", f"/staff/?q={WORDS_2[i % len(WORDS_2)]}"),
        100,
    )
    measure(
        "full-text 3-4 char word, open cases",
        lambda i=0: get("clerk", f"/staff/?q={WORDS_LONG[i % len(WORDS_LONG)]}"),
        100,
    )
    from minsheng.petitions.fulltext import text_rule

    measure(
        "full-text 2-char, all history, newest 50",
        lambda i=0: list(
            Petition.objects.filter(text_rule(WORDS_2[i % len(WORDS_2)])).order_by("-received_at")[:50]
        ),
        100,
    )
    _insight(args, measure, results)
    _export(args, results)
    print("\nsummary (p95 vs target):")
    for label, _p50, p95, target in results:
        flag = "ok " if p95 <= target else "SLOW"
        print(f"  {flag} {label:<44} {p95:10.1f} ms  ≤ {target}")


def _insight(args, measure, results) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from minsheng.accounts.models import User
    from minsheng.insight import reports, selectors

    leader = User.objects.get(username="leader")
    today = timezone.localdate()
    since = today - timedelta(days=365)
    measure(
        "dashboard (leader, 12 months)", lambda: selectors.dashboard(leader, since=since, until=today), 200
    )
    start = time.perf_counter()
    try:
        content = reports.annual_report(today.year - 1, scope=selectors.scope_of(leader), fmt="xlsx")
    except Exception as e:
        print(f"  annual report not measured: {type(e).__name__}: {str(e).splitlines()[0]}")
        return
    seconds = time.perf_counter() - start
    results.append(("annual report (xlsx, last year)", seconds * 1000, seconds * 1000, 30_000))
    print(
        f"  {'annual report (xlsx, last year)':<44} {seconds:8.2f} s ({len(content):,} bytes; target ≤ 30 s)"
    )


def _export(args, results) -> None:
    import tempfile

    from django.db.models import BooleanField, Value

    from minsheng.core.exports import write_file
    from minsheng.petitions.exports import QUEUE as PETITIONS
    from minsheng.petitions.models import Petition

    qs = (
        Petition.objects.select_related("unit", "region", "petitioner", "category")
        .annotate(hide_petitioner=Value(False, output_field=BooleanField()))
        .order_by("id")[: args.export_rows]
    )
    with tempfile.NamedTemporaryFile(suffix=".csv") as f:
        start = time.perf_counter()
        write_file(f.name, "csv", PETITIONS.headers(), PETITIONS.rows(qs))
        seconds = time.perf_counter() - start
        size = os.path.getsize(f.name)
    rows = min(args.export_rows, Petition.objects.count())
    print(
        f"  {'export CSV of ' + format(rows, ',') + ' rows':<44} {seconds:8.1f} s "
        f"({rows / seconds:,.0f} rows/s, {size / 1e6:.0f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--cases", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--export-rows", type=int, default=1_000_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    base = os.environ.get("DATABASE_URL")
    if not base or not base.startswith("postgres"):
        sys.exit("DATABASE_URL must point to a PostgreSQL server (its database is not touched).")
    for n in args.cases:
        info = prepare(base, n)
        print(f"\n== {n:,} cases: database {info['db']}", flush=True)
        if info["generated"]:
            rate = n / info["seconds"]
            print(
                f"  generated in {info['seconds']:.0f} s incl. migrate/index/analyze: {rate:,.0f} cases/s; "
                f"10M at this rate ≈ {10_000_000 / rate / 60:.0f} min\n  {info['report']}"
            )
        env = {**os.environ, "DATABASE_URL": _url(base, info["db"]), "DJANGO_DEBUG": "0"}
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                "--repeat",
                str(args.repeat),
                "--export-rows",
                str(args.export_rows),
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
