"""Near-duplicate index benchmark: build speed, size on disk, lookup latency, recall and precision.

For each database and record count, a fresh database (SQLite file under /tmp, or the PostgreSQL
database ``minsheng_bench_neardup``) is migrated and filled through ``neardup.rebuild`` with synthetic
petitions: 100–600 characters recombined from clauses of the 2020 messages (place numbers and
house numbers varied), deterministic per record id. Then ~1,000 lookups with ``neardup.similar``:

* copies of random indexed records with 2% of their characters edited (substituted, deleted or
  inserted): **recall** = share of copies whose original is returned at or above the threshold;
* unrelated texts (fresh records never indexed): **false-hit rate** = share returning anything;
* **precision** = share of all returned matches whose exact similarity (the overlap coefficient of
  the two texts' real shingle sets, not the estimate) is at or above the threshold — i.e. matches
  that really are near-duplicates, whether or not they were the planted one.

Latency is per ``similar`` call, wall clock, single-threaded, including text clean-up. Bytes per
record = both index tables with their indexes (PostgreSQL: pg_total_relation_size; SQLite: dbstat)
divided by the records. Build rate includes generating the synthetic text (shown separately).

    .venv/bin/python bench/neardup.py                                  # 100k on SQLite
    .venv/bin/python bench/neardup.py --records 100000,1000000 --db both
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "tipdm2020" / "messages_train.csv"
PG_URL = "postgres://postgres@127.0.0.1:5432/minsheng_bench_neardup"
DOMAIN = "bench"
FILLERS = (
    "的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
)


def clauses(path: Path) -> list[str]:
    import csv

    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    pieces = {p.strip() for t in texts for p in re.split(r"[，。！？；,.!?;\n]+", t)}
    return sorted(p for p in pieces if 4 <= len(p) <= 60)


class Corpus:
    """Synthetic records, each a pure function of its id."""

    def __init__(self, pool: list[str]):
        self.pool = pool

    def text(self, record_id: int) -> str:
        rng = random.Random(record_id)
        target, parts, length = rng.randint(100, 600), [], 0
        while length < target:
            clause = rng.choice(self.pool)
            if rng.random() < 0.3:
                clause = f"{rng.choice('ABCDEFGHJK')}{rng.randint(1, 99)}区{clause}"
            if rng.random() < 0.3:
                clause += f"{rng.randint(1, 999)}号"
            parts.append(clause + rng.choice("，，，。"))
            length += len(clause) + 1
        return "".join(parts)

    def records(self, n: int):
        return ((i, self.text(i)) for i in range(1, n + 1))


def edited(text: str, share: float, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(max(1, round(len(chars) * share))):
        i = rng.randrange(len(chars))
        kind = rng.random()
        if kind < 1 / 3:
            chars[i] = rng.choice(FILLERS)
        elif kind < 2 / 3 and len(chars) > 1:
            del chars[i]
        else:
            chars.insert(i, rng.choice(FILLERS))
    return "".join(chars)


def fresh_database(db: str, n: int) -> str:
    if db == "sqlite":
        path = Path(f"/tmp/minsheng_bench_neardup_{n}.sqlite3")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    url = os.environ.get("BENCH_PG_URL", PG_URL)
    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def run_one(db: str, n: int, queries: int, share: float, seed: int) -> dict:
    """One database, one size: runs in its own process (Django is configured once per process)."""
    os.environ["DATABASE_URL"] = fresh_database(db, n)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from minsheng.textmine import minhash, neardup

    call_command("migrate", verbosity=0)
    corpus = Corpus(clauses(DATA))

    started = time.perf_counter()
    for _ in corpus.records(20_000):
        pass
    generate_us = (time.perf_counter() - started) / 20_000 * 1e6

    started = time.perf_counter()
    count = neardup.rebuild(DOMAIN, corpus.records(n))
    build_s = time.perf_counter() - started
    print(f"{db} {n}: built in {build_s:.0f} s", file=sys.stderr, flush=True)
    size = neardup.stats()["bytes"]

    def exact(a: str, b: str) -> float:
        sa, sb = (set(minhash.shingles(minhash.normalize(t)).tolist()) for t in (a, b))
        return len(sa & sb) / max(1, min(len(sa), len(sb)))

    rng = random.Random(seed)
    copies = int(queries * 0.8)
    plan = [("copy", rng.randint(1, n)) for _ in range(copies)]
    plan += [("unrelated", n + 1 + i) for i in range(queries - copies)]
    rng.shuffle(plan)
    for _kind, rid in plan[:20]:  # warm caches and the connection
        neardup.similar(DOMAIN, corpus.text(rid))
    latencies, found, false_hits, returned, true_returned, true_sims = [], 0, 0, 0, 0, []
    for kind, rid in plan:
        text = edited(corpus.text(rid), share, rng) if kind == "copy" else corpus.text(rid)
        t0 = time.perf_counter()
        matches = neardup.similar(DOMAIN, text)
        latencies.append(time.perf_counter() - t0)
        if kind == "copy":
            found += any(m.record_id == rid for m in matches)
            true_sims.append(exact(text, corpus.text(rid)))
        else:
            false_hits += bool(matches)
        for m in matches:
            returned += 1
            true_returned += exact(text, corpus.text(m.record_id)) >= neardup.DEFAULT_THRESHOLD
    latencies.sort()
    return {
        "db": db,
        "records": count,
        "build_s": round(build_s, 1),
        "build_rate": round(count / build_s),
        "generate_us": round(generate_us, 1),
        "bytes_per_record": round(size / count) if size else None,
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2),
        "recall": round(found / copies, 4),
        "precision": round(true_returned / returned, 4) if returned else None,
        "returned": returned,
        "false_hit_rate": round(false_hits / (queries - copies), 4),
        "copy_true_similarity_mean": round(sum(true_sims) / len(true_sims), 3),
        "copy_true_similarity_min": round(min(true_sims), 3),
        "threshold": neardup.DEFAULT_THRESHOLD,
        "queries": queries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--records", default="100000", help="comma-separated record counts")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--edits", type=float, default=0.02, help="share of characters edited in copies")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: db:n run in a child process
    args = parser.parse_args()
    if args.one:
        db, n = args.one.split(":")
        print(json.dumps(run_one(db, int(n), args.queries, args.edits, args.seed)), flush=True)
        return
    if not DATA.is_file():
        sys.exit(f"{DATA} not found")
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results = []
    for n in (int(x) for x in args.records.split(",")):
        for db in dbs:
            command = [sys.executable, __file__, "--one", f"{db}:{n}", "--queries", str(args.queries),
                       "--edits", str(args.edits), "--seed", str(args.seed)]  # fmt: skip
            proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
            if proc.returncode:
                sys.exit(proc.stderr.strip() or f"{db} {n} failed with exit code {proc.returncode}")
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            print(json.dumps(result), flush=True)
            results.append(result)
    header = (
        f"{'db':9}{'records':>10}{'build s':>9}{'rec/s':>8}{'B/rec':>7}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'recall':>8}{'precision':>10}{'false hits':>11}{'copy sim':>9}"
    )
    print(f"\nthreshold {results[0]['threshold']}, {args.queries} queries (80% copies with "
          f"{args.edits:.0%} edits, 20% unrelated)")  # fmt: skip
    print(header)
    for r in results:
        precision = "—" if r["precision"] is None else f"{r['precision']:.4f}"
        print(
            f"{r['db']:9}{r['records']:>10,}{r['build_s']:>9.1f}{r['build_rate']:>8,}"
            f"{r['bytes_per_record'] or 0:>7}{r['p50_ms']:>8.2f}{r['p99_ms']:>8.2f}{r['recall']:>8.4f}"
            f"{precision:>10}{r['false_hit_rate']:>11.4f}{r['copy_true_similarity_mean']:>9.3f}"
        )


if __name__ == "__main__":
    main()
