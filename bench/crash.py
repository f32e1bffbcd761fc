"""Crash benchmark: submissions survive kill -9 of the server (and restarts of PostgreSQL).

For each database (SQLite in a temp dir, PostgreSQL in its own ``h3_rel_bench`` database) the script
migrates a fresh site, seeds the test world with a clerk's and an operator's API token, starts
gunicorn on 127.0.0.1, and submits ``--submissions`` petitions and hotline orders over HTTP from
``--threads`` client threads, each with its own Idempotency-Key. Meanwhile it kill -9s the whole
server ``--kills`` times at random moments spread over the run — on PostgreSQL also restarting the
database cluster each time (``pg_ctlcluster … restart``) — and starts it again. Clients retry every
failed request with the same key until it is acknowledged. Then it checks the database: every
acknowledged submission stored exactly once, no duplicates, nothing half-written (person records,
representatives, the near-duplicate index, dispatch, the audit intake event), the audit chain verified.

    .venv/bin/python bench/crash.py                             # both databases, 2,000 submissions
    .venv/bin/python bench/crash.py --db sqlite --submissions 500 --kills 5
    .venv/bin/python bench/crash.py --db postgres --no-db-restart
    .venv/bin/python bench/crash.py --db postgres --pg-cluster relbench --pg-port 5440

A restart cuts every connection of the cluster: on a machine where others use the ``main`` cluster,
give the bench a cluster of its own (``pg_createcluster 15 relbench -p 5440 --start``, with the same
pg_hba.conf as main) and name it with --pg-cluster and --pg-port.

Prints one JSON line per database and a short human line. Only ever talks to 127.0.0.1.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reliability.crashrun import crash_run
from tests.reliability.stack import free_port, site

PORTS = (18310, 18319)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--submissions", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--no-db-restart", action="store_true", help="PostgreSQL: do not restart it")
    parser.add_argument("--pg-cluster", default="main", help="the local cluster to restart")
    parser.add_argument("--pg-port", type=int, default=0, help="its port (default: DATABASE_URL's or 5432)")
    parser.add_argument("--time-limit", type=float, default=1200)
    opts = parser.parse_args()
    if opts.pg_port:
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{opts.pg_port}/postgres"
    failed = False
    for kind in ("sqlite", "postgres") if opts.db == "both" else (opts.db,):
        with site(kind, "h3_rel_bench") as s:
            result = crash_run(
                s,
                port=free_port(*PORTS),
                count=opts.submissions,
                threads=opts.threads,
                kills=opts.kills,
                restart_db=opts.pg_cluster if kind == "postgres" and not opts.no_db_restart else "",
                time_limit=opts.time_limit,
                run_id=f"bench-{time.time_ns()}",
                workers=opts.workers,
            )
        print(json.dumps(result, ensure_ascii=False))
        ok = (
            result["lost"] == 0
            and result["duplicates"] == 0
            and result["half_written"] == 0
            and result["unacknowledged"] == 0
            and result["audit_ok"]
        )
        failed |= not ok
        print(
            f"{kind}: {result['submissions']} submissions, {result['kills']} kills"
            f" ({result['db_restarts']} database restarts) in {result['seconds']} s —"
            f" acknowledged {result['acknowledged']}, stored {result['stored']},"
            f" duplicates {result['duplicates']}, half-written {result['half_written']},"
            f" lost {result['lost']}, audit chain {'verified' if result['audit_ok'] else 'BROKEN'}"
            f" ({result['retried_requests']} requests retried, {result['retries_found_first']} found the"
            f" first attempt stored) — {'OK' if ok else 'FAILED'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
