"""What the database benchmarks share: one child process per database, and the timing figures.

A script builds its ``argparse`` parser with its own sizes and hands it to :func:`main` with its
``run(args)``. The parent runs the script again as a child on SQLite in a temporary data directory,
and on PostgreSQL too when ``DATABASE_URL`` is set: a database ``pg_db`` is created on that server
(through its ``postgres`` database) and dropped at the end; the database named in the URL is not
touched. The child sets Django up, migrates, and calls ``run(args)`` with ``args.child`` the database.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["sqlite", "postgres"]


def run_each_database(
    parser: argparse.ArgumentParser,
    run: Callable[[argparse.Namespace], None],
    *,
    name: str,
    pg_db: str,
    skip_sqlite: bool = False,
) -> None:
    """Parse the command line; in the parent run the script once per database, in the child ``run``.

    Every option of ``parser`` is passed on to the child as it was given (or defaulted); ``skip_sqlite``
    adds ``--skip-sqlite`` (only PostgreSQL). ``name`` prefixes the temporary data directories.
    """
    if skip_sqlite:
        parser.add_argument("--skip-sqlite", action="store_true", help="only PostgreSQL (needs DATABASE_URL)")
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        setup_django()
        run(args)
        return
    options = [
        f"--{key.replace('_', '-')}={value}"
        for key, value in vars(args).items()
        if key not in ("child", "skip_sqlite")
    ]
    script = os.path.abspath(sys.modules["__main__"].__file__)
    pg_url = os.environ.get("DATABASE_URL", "")
    kinds = ([] if getattr(args, "skip_sqlite", False) else ["sqlite"]) + (["postgres"] if pg_url else [])
    for kind in kinds:
        data_dir = tempfile.mkdtemp(prefix=f"{name}-bench-{kind}-")
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(MINSHENG_DATA_DIR=data_dir, DJANGO_DEBUG="0", DJANGO_SETTINGS_MODULE="config.settings")
        if kind == "postgres":
            admin = _with_database(pg_url, "postgres")
            pg(admin, f"DROP DATABASE IF EXISTS {pg_db} WITH (FORCE)")
            pg(admin, f"CREATE DATABASE {pg_db}")
            env["DATABASE_URL"] = _with_database(pg_url, pg_db)
        try:
            subprocess.run([sys.executable, script, "--child", kind, *options], cwd=ROOT, env=env, check=True)
        finally:
            if kind == "postgres":
                pg(admin, f"DROP DATABASE IF EXISTS {pg_db} WITH (FORCE)")
            shutil.rmtree(data_dir, ignore_errors=True)


def _with_database(url: str, database: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))


def pg(url: str, sql: str) -> None:
    """One statement outside a transaction (CREATE/DROP DATABASE) on the server at ``url``."""
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        conn.execute(sql)


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def analyze() -> None:
    """Fresh planner statistics after a bulk fill."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def samples(fn, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (this process) milliseconds of ``repeat`` runs of ``fn``."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def percentile(times: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``times``, nearest rank."""
    times = sorted(times)
    return times[min(len(times) - 1, round(q * (len(times) - 1)))]


def timed(fn, repeat: int) -> tuple[float, float]:
    """p50 and p95 wall-clock milliseconds over ``repeat`` runs."""
    wall, _ = samples(fn, repeat)
    return statistics.median(wall), percentile(wall, 0.95)
