"""Intake benchmark: petitions per second and latency of ``POST /api/v1/petitions`` over real HTTP.

For each database (SQLite in a temp dir, PostgreSQL in a dedicated ``minsheng_bench`` database) the
script migrates a fresh database, seeds a bureau and a clerk token (``manage.py bench_world``),
starts gunicorn on 127.0.0.1 in each server configuration, and drives a bounded number of requests
from several client processes over keep-alive connections, each request with its own
Idempotency-Key. It prints one JSON line per database (the best configuration, with every
configuration tried listed under "variants") and a short human line, then stops its servers and
drops the bench database.

    .venv/bin/python bench/intake.py                      # both databases
    .venv/bin/python bench/intake.py --db sqlite --requests 1000
    .venv/bin/python bench/intake.py --textmine           # real message texts, routers published
    .venv/bin/python bench/intake.py --textmine --batch 50   # POST /api/v1/petitions/batch, 50 a request

With ``--textmine`` every petition carries a real citizen message (the 2020 messages file) and the
bench database has published category and unit routers (trained on that file), so each request
pays for what a registration costs in production: the router's proposal, the duplicate index
update inside the transaction and the near-duplicate lookup in the answer.

With ``--batch N`` each request carries N petitions to ``POST /api/v1/petitions/batch`` (how another
system forwards its cases); ``--requests`` and ``--warmup`` still count petitions, and every figure
per petition (``petitions_per_second``, CPU) stays comparable with single requests.
"""

import argparse
import http.client
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # never anything else: the bench loads only its own server
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "minsheng_bench"
SERVER_START_TIMEOUT = 60
MESSAGES = ROOT.parent / "shared" / "data" / "tipdm2020" / "messages_train.csv"
_texts: list[tuple[str, str]] = []  # (subject, text) of real messages, when --textmine
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


# ---------------------------------------------------------------- databases and server


def _manage(env: dict, *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def _base_env(data_dir: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    # Production-like request handling: no query log, no debug pages.
    env.update(MINSHENG_DATA_DIR=data_dir, DJANGO_DEBUG="0", DJANGO_SETTINGS_MODULE="config.settings")
    return env


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=10) as conn:
        conn.execute(sql)


@contextmanager
def database(kind: str):
    """A migrated, empty database for ``kind``; yields the environment the server and tools use."""
    data_dir = tempfile.mkdtemp(prefix=f"minsheng-bench-{kind}-")
    env = _base_env(data_dir)
    try:
        if kind == "postgres":
            _pg_admin(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
            _pg_admin(f"CREATE DATABASE {PG_BENCH_DB}")
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}"
        _manage(env, "migrate", "--noinput")
        yield env
    finally:
        if kind == "postgres":
            _pg_admin(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
        shutil.rmtree(data_dir, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _wait_ready(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/api/v1/openapi.json")
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


@contextmanager
def server(env: dict, workers: int, threads: int):
    """gunicorn on a free port of 127.0.0.1, logging to the temp dir; stopped (its process group) on exit."""
    port = _free_port()
    log = open(Path(env["MINSHENG_DATA_DIR"]) / f"gunicorn-{workers}x{threads}.log", "w")
    cmd = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"{HOST}:{port}", "--workers", str(workers), "--threads", str(threads),
        "--worker-class", "gthread" if threads > 1 else "sync",
        "--keep-alive", "30", "--backlog", "2048", "--log-level", "warning",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log)
    try:
        _wait_ready(port, proc)
        yield port, proc.pid
    finally:
        _stop(proc)
        log.close()


def _server_errors(env: dict, workers: int, threads: int) -> str:
    """The last exception line the server logged (e.g. "database is locked"), if any."""
    path = Path(env["MINSHENG_DATA_DIR"]) / f"gunicorn-{workers}x{threads}.log"
    exception = re.compile(r"^[\w.]+(Error|Exception): ")
    lines = [ln for ln in path.read_text(errors="replace").splitlines() if exception.match(ln)]
    return lines[-1][:300] if lines else ""


def _cpu_seconds(match) -> float:
    """CPU (user+system) used so far by the live processes ``match(pid, stat_fields, cmdline)`` selects."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if match(int(entry.name), fields, cmdline):
            total += int(fields[11]) + int(fields[12])
    return total / tick


def server_cpu(server_pid: int) -> float:
    """CPU of gunicorn: every process in the group it leads."""
    return _cpu_seconds(lambda pid, fields, cmd: int(fields[2]) == server_pid)


def database_cpu() -> float:
    """CPU of the PostgreSQL backends serving the bench database (0 for SQLite: it runs in gunicorn)."""
    return _cpu_seconds(lambda pid, fields, cmd: PG_BENCH_DB.encode() in cmd)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


# ---------------------------------------------------------------- client side


def _id_number(rng: random.Random) -> str:
    first17 = f"999901{rng.randint(1950, 2003)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 += f"{rng.randrange(1000):03d}"
    return first17 + _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def _load_texts() -> None:
    import csv

    csv.field_size_limit(2**31 - 1)
    with MESSAGES.open(encoding="utf-8", newline="") as f:
        _texts.extend((row["subject"], row["text"]) for row in csv.DictReader(f) if row["text"].strip())


def _words(rng: random.Random, n: int) -> dict:
    if not _texts:
        return {
            "title": f"小区楼道照明长期损坏（基准{n}）",
            "request": "请求尽快修复楼道照明。",
            "facts": "某小区3号楼楼道灯自去年12月起损坏，多次报修无果。",
            "reasons": "老人夜间出行存在安全隐患。",
        }
    subject, text = rng.choice(_texts)
    subject = subject or "留言"
    return {"title": subject[:100], "request": subject, "facts": text, "reasons": subject}


def _body(rng: random.Random, region: str, n: int) -> bytes:
    return json.dumps(
        {
            "channel": "online",
            "kind": "request",
            **_words(rng, n),
            "region": region,
            "category": None,
            "petitioner": {
                "name": "王小明",
                "id_number": _id_number(rng),
                "phone": f"138{rng.randrange(10**8):08d}",
                "address": "基准测试县某小区3号楼",
                "is_organization": False,
            },
            "representatives": [],
            "headcount": 1,
            "accused_unit": None,
            "accused_person": "",
            "anonymous": False,
        },
        ensure_ascii=False,
    ).encode()


class _Conn:
    """One keep-alive connection; reconnects when the server closes it (sync workers always do)."""

    def __init__(self, port: int):
        self.port = port
        self.conn = None

    def post(self, path: str, body: bytes, headers: dict) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
            try:
                self.conn.request("POST", path, body=body, headers=headers)
                resp = self.conn.getresponse()
                data = resp.read()
                if resp.will_close:
                    self.conn.close()
                    self.conn = None
                return resp.status, data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A kept-alive connection the server closed between requests: retry once, same key.
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def _batch_body(rng: random.Random, region: str, n: int, key: str, batch: int) -> bytes:
    items = [
        {"idempotency_key": f"{key}-{j}", "petition": json.loads(_body(rng, region, n))} for j in range(batch)
    ]
    return json.dumps({"items": items}, ensure_ascii=False).encode()


def _refused_items(status: int, data: bytes, batch: int) -> int:
    """Petitions of one request that were not registered (a whole batch when the request failed)."""
    if batch == 1:
        return 0 if status == 201 else 1
    if status != 200:
        return batch
    return sum(1 for r in json.loads(data)["results"] if r["status"] != 201)


def _client_thread(args, barrier, out, index):
    port, token, region, warmup, measured, run_id, batch = args
    rng = random.Random(f"{run_id}-{index}")
    conn = _Conn(port)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    errors, samples, first_error = 0, [], ""

    def one(n: int) -> tuple[int, bytes]:
        key = f"bench-{run_id}-{index}-{n}"
        try:
            if batch > 1:
                return conn.post("/api/v1/petitions/batch", _batch_body(rng, region, n, key, batch), headers)
            return conn.post("/api/v1/petitions", _body(rng, region, n), {**headers, "Idempotency-Key": key})
        except OSError as exc:
            return 0, repr(exc).encode()

    for n in range(warmup):
        one(-n - 1)
    barrier.wait()
    started = time.monotonic()
    for n in range(measured):
        t0 = time.perf_counter()
        status, data = one(n)
        samples.append(time.perf_counter() - t0)
        refused = _refused_items(status, data, batch) if status else batch
        if refused:
            errors += refused
            first_error = first_error or f"{status} {data[:300].decode(errors='replace')}"
    out.append((started, time.monotonic(), samples, errors, first_error))


def _client_process(args, threads: int, first_index: int, barrier, queue) -> None:
    import threading

    out: list = []
    port, token, region, warmup, measured, run_id, batch = args
    connection = (port, token, region)
    pool = [
        threading.Thread(
            target=_client_thread,
            args=((*connection, warmup[i], measured[i], run_id, batch), barrier, out, first_index + i),
        )
        for i in range(threads)
    ]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    cpu = os.times()
    queue.put((out, cpu.user + cpu.system))


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def drive(
    port: int,
    token: str,
    region: str,
    *,
    requests: int,
    warmup: int,
    procs: int,
    threads: int,
    timeout: float,
    batch: int = 1,
):
    """Send ``warmup`` then ``requests`` petitions from procs × threads keep-alive connections,
    ``batch`` petitions a POST."""
    ctx = mp.get_context("fork")
    conns = procs * threads
    barrier = ctx.Barrier(conns, timeout=120)
    queue = ctx.Queue()
    warm, meas = _split(warmup // batch, conns), _split(requests // batch, conns)
    run_id = f"{os.getpid()}-{time.time_ns()}"
    children = []
    for p in range(procs):
        sl = slice(p * threads, (p + 1) * threads)
        args = (port, token, region, warm[sl], meas[sl], run_id, batch)
        children.append(
            ctx.Process(target=_client_process, args=(args, threads, p * threads, barrier, queue))
        )
    for c in children:
        c.start()
    results, client_cpu = [], 0.0
    deadline = time.monotonic() + timeout
    try:
        for _ in children:
            out, cpu = queue.get(timeout=max(deadline - time.monotonic(), 1))
            results.extend(out)
            client_cpu += cpu
    finally:
        for c in children:
            c.join(timeout=10)
            if c.is_alive():
                c.kill()
    starts, ends = [r[0] for r in results], [r[1] for r in results]
    samples = sorted(s for r in results for s in r[2])
    seconds = max(ends) - min(starts)
    first_error = next((r[4] for r in results if r[4]), "")
    return {
        "requests": len(samples),
        "seconds": round(seconds, 3),
        "per_second": round(len(samples) / seconds, 1),
        "batch": batch,
        "petitions_per_second": round(len(samples) * batch / seconds, 1),
        "p50_ms": round(statistics.median(samples) * 1000, 2),
        "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))] * 1000, 2),
        "errors": sum(r[3] for r in results),
        "first_error": first_error,
        # CPU the clients used (warm-up included) against the CPU the run had: shows whether the
        # load generator competed with the server for the machine's cores.
        "client_cpu_share": round(client_cpu / (seconds * (os.cpu_count() or 1)), 3),
    }


# ---------------------------------------------------------------- main


_CPU = ("server_cpu_ms", "db_cpu_ms", "client_cpu_share")


def run_database(kind: str, opts) -> dict:
    variants = []
    load_before = round(os.getloadavg()[0], 2)
    with database(kind) as env:
        world = json.loads(_manage(env, "bench_world").strip().splitlines()[-1])
        if opts.textmine:
            for target in ("category", "unit"):
                _manage(env, "router", "train", "--target", target, "--from-csv", str(MESSAGES),
                        "--text-column", "text", "--label-column", "label", timeout=900)  # fmt: skip
        for spec in opts.servers:
            workers, threads = (int(x) for x in spec.split("x"))
            with server(env, workers, threads) as (port, pid):
                cpu_before = server_cpu(pid), database_cpu()
                figures = drive(
                    port, world["token"], world["region"], requests=opts.requests, warmup=opts.warmup,
                    procs=opts.client_procs, threads=opts.client_threads, timeout=opts.run_timeout,
                    batch=opts.batch,
                )  # fmt: skip
                sent = (opts.requests // opts.batch + opts.warmup // opts.batch) * opts.batch  # petitions
                # CPU per petition does not depend on what else runs on the machine; req/s does.
                figures["server_cpu_ms"] = round((server_cpu(pid) - cpu_before[0]) / sent * 1000, 2)
                figures["db_cpu_ms"] = round((database_cpu() - cpu_before[1]) / sent * 1000, 2)
            figures["server"] = f"gunicorn workers={workers} threads={threads}"
            if figures["errors"]:
                figures["server_error"] = _server_errors(env, workers, threads)
            print(f"  {kind:<8} {figures['server']:<32} {_human(figures)}", file=sys.stderr, flush=True)
            variants.append(figures)
    ok = [v for v in variants if not v["errors"]] or variants
    best = max(ok, key=lambda v: v["petitions_per_second"])
    line = {
        "db": kind,
        **{k: best[k] for k in ("requests", "seconds", "per_second", "batch", "petitions_per_second")},
        **{k: best[k] for k in ("p50_ms", "p99_ms", "errors")},
    }
    line["server"] = best["server"]
    line.update({k: best[k] for k in _CPU})
    line["cpus"] = os.cpu_count()
    line["textmine"] = opts.textmine
    line["clients"] = f"{opts.client_procs} processes x {opts.client_threads} connections"
    line["variants"] = [
        {k: v[k] for k in ("server", "per_second", "petitions_per_second", "p50_ms", "p99_ms", "errors")}
        | {k: v[k] for k in _CPU}
        | ({"server_error": v["server_error"]} if v.get("server_error") else {})
        for v in variants
    ]
    for key in ("first_error", "server_error"):
        if best.get(key):
            line[key] = best[key]
    # Other work on the machine skews every figure: say how busy it was.
    line["load_average_1m_before"] = load_before
    return line


def _human(f: dict) -> str:
    per_batch = f" ({f['per_second']:.1f} req/s of {f['batch']})" if f["batch"] > 1 else ""
    return (
        f"{f['petitions_per_second']:>8.1f} petitions/s{per_batch}  p50 {f['p50_ms']:.1f} ms  "
        f"p99 {f['p99_ms']:.1f} ms  errors {f['errors']}/{f['requests'] * f['batch']}  "
        f"CPU/petition: server {f['server_cpu_ms']:.1f} ms, db {f['db_cpu_ms']:.1f} ms"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--requests", type=int, default=3000, help="measured requests per run")
    parser.add_argument("--warmup", type=int, default=200, help="requests before measuring")
    parser.add_argument(
        "--servers", nargs="+", default=["2x1", "2x4", "4x1"], metavar="WORKERSxTHREADS",
        help="gunicorn configurations to try (threads>1 uses gthread workers)",
    )  # fmt: skip
    parser.add_argument("--client-procs", type=int, default=2, help="client processes")
    parser.add_argument("--client-threads", type=int, default=4, help="keep-alive connections per process")
    parser.add_argument(
        "--batch", type=int, default=1, help="petitions per request (>1: POST /api/v1/petitions/batch)"
    )
    parser.add_argument("--run-timeout", type=float, default=600, help="seconds before a run is abandoned")
    parser.add_argument(
        "--textmine", action="store_true", help="real message texts and published routers (see above)"
    )
    opts = parser.parse_args(argv)
    if opts.textmine:
        _load_texts()  # before the client processes fork, so each has them
    kinds = ("sqlite", "postgres") if opts.db == "both" else (opts.db,)
    failed = False
    for kind in kinds:
        try:
            line = run_database(kind, opts)
        except Exception as exc:  # one database failing must not hide the other's figures
            print(json.dumps({"db": kind, "error": str(exc)[-1000:]}, ensure_ascii=False), flush=True)
            failed = True
            continue
        print(json.dumps(line, ensure_ascii=False), flush=True)
        print(f"{kind}: {_human(line)} ({line['server']}, {line['clients']})", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
