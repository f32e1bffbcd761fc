"""Peer comparison: our petition queue and intake next to django-helpdesk's ticket list and ticket
creation, with the same number of records, on the same machine, in the same run.

django-helpdesk (PyPI) lives in its own virtual environment, bench/peer/.venv, made by
``bench/peer/setup.sh`` (run here when missing); its code is never copied into this repository.
Each side gets a fresh PostgreSQL database (``h9_scale_peer_ours`` / ``h9_scale_peer_theirs``, dropped
at the end) when DATABASE_URL points to a server, else SQLite files in a temp dir. Measured with
Django's test client (no HTTP server on either side):

- list:   ours: the clerk's queue page (/staff/, 50 open cases nearest deadline, of all a bureau's
          cases); theirs: the ticket list page plus the data request its table makes (50 rows)
- create: ours: POST /api/v1/petitions (validation, encrypted petitioner, blind index, deadline on
          the official calendar, audit event); theirs: POST of the staff ticket form

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/peer.py --records 100000
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from harness import ROOT, percentile, pg

PEER = ROOT / "bench" / "peer"


def _url(base: str, db: str) -> str:
    return urlunsplit(urlsplit(base)._replace(path=f"/{db}"))


def ours(args) -> None:
    """Child: our side (run with DATABASE_URL set to a fresh database)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from minsheng.accounts.models import ApiToken, User
    from minsheng.demo.load import generate
    from minsheng.petitions.models import Petition

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    generate(args.records)
    load_s = time.perf_counter() - start
    clerk = User.objects.get(username="clerk")
    client = Client()
    client.force_login(clerk)
    times = []
    client.get("/staff/")
    for _ in range(args.repeat):
        t = time.perf_counter()
        assert client.get("/staff/").status_code == 200
        times.append((time.perf_counter() - t) * 1000)
    _token, key = ApiToken.issue(user=clerk, name="peer benchmark")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    region = "990102001001"
    rng = random.Random(5)
    from minsheng.demo import invent

    before = Petition.objects.count()
    t = time.perf_counter()
    for i in range(args.create):
        person = invent.identity(rng, street="东湖街道", place="湖滨社区", area="990102")
        body = {
            "channel": "online",
            "kind": "request",
            "title": f"小区楼道照明长期损坏 {i}",
            "request": "请求尽快修复楼道照明。",
            "facts": "某小区3号楼楼道灯自去年12月起损坏，多次报修无果。",
            "reasons": "老人夜间出行存在安全隐患。",
            "region": region,
            "category": None,
            "petitioner": {
                "name": person.name,
                "id_number": person.id_number,
                "phone": person.phone,
                "address": person.address,
                "is_organization": False,
            },
            "representatives": [],
            "headcount": 1,
            "accused_unit": None,
            "accused_person": "",
            "anonymous": False,
        }
        r = api.post(
            "/api/v1/petitions",
            json.dumps(body, ensure_ascii=False),
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY=f"peer-{i}",
        )
        assert r.status_code in (200, 201), (r.status_code, r.content[:300])
    create_s = time.perf_counter() - t
    created = Petition.objects.count() - before
    from django.db import connection

    print(
        json.dumps(
            {
                "engine": connection.vendor,
                "records": args.records,
                "load_s": round(load_s, 1),
                "list_p50_ms": round(statistics.median(times), 1),
                "list_p95_ms": round(percentile(times, 0.95), 1),
                "create_per_s": round(created / create_s, 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--create", type=int, default=200)
    parser.add_argument("--ours", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ours:
        ours(args)
        return
    if not (PEER / ".venv" / "bin" / "python").exists():
        subprocess.run(["bash", str(PEER / "setup.sh")], check=True)
    base = os.environ.get("DATABASE_URL", "")
    tmp = tempfile.mkdtemp(prefix="peer-bench-")
    opts = [f"--repeat={args.repeat}", f"--create={args.create}"]
    results = {}
    for side in ("ours", "theirs"):
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PEER_DATABASE_URL")}
        db = f"h9_scale_peer_{side}"
        if base.startswith("postgres"):
            pg(_url(base, "postgres"), f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
            pg(_url(base, "postgres"), f"CREATE DATABASE {db}")
        try:
            if side == "ours":
                env.update(MINSHENG_DATA_DIR=tmp, DJANGO_DEBUG="0")
                if base.startswith("postgres"):
                    env["DATABASE_URL"] = _url(base, db)
                cmd = [sys.executable, __file__, "--ours", f"--records={args.records}", *opts]
                cwd = ROOT
            else:
                if base.startswith("postgres"):
                    env["PEER_DATABASE_URL"] = _url(base, db)
                else:
                    Path(tempfile.gettempdir(), "peer-helpdesk.sqlite3").unlink(missing_ok=True)
                cmd = [
                    str(PEER / ".venv" / "bin" / "python"),
                    str(PEER / "run.py"),
                    f"--tickets={args.records}",
                    *opts,
                ]
                cwd = PEER
            out = subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout
            results[side] = json.loads(out.strip().splitlines()[-1])
        finally:
            if base.startswith("postgres"):
                pg(_url(base, "postgres"), f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    o, t = results["ours"], results["theirs"]
    load = os.getloadavg()[0]
    print(
        f"\n{args.records:,} records each on {o['engine']}; load average {load:.1f} on {os.cpu_count()} cores"
    )
    print(f"  {'':32} {'Minsheng':>12} {'django-helpdesk':>16} {'ratio':>8}")
    for label, key, faster in (
        ("list page p50 (ms)", "list_p50_ms", "lower"),
        ("list page p95 (ms)", "list_p95_ms", "lower"),
        ("creation (records/s)", "create_per_s", "higher"),
    ):
        ratio = t[key] / o[key] if faster == "lower" else o[key] / t[key]
        print(f"  {label:32} {o[key]:12.1f} {t[key]:16.1f} {ratio:7.1f}×")
    print(f"  {'load of the records (s)':32} {o['load_s']:12.1f} {t['load_s']:16.1f}")
    print("  (ratio > 1: Minsheng faster)")


if __name__ == "__main__":
    main()
