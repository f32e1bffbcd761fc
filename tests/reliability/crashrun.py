"""The crash run shared by tests/reliability/test_crash.py (small) and bench/crash.py (large).

Client threads submit petitions (POST /api/v1/petitions) and hotline orders (POST
/api/v1/hotline/orders) to gunicorn, each submission with its own Idempotency-Key. A killer thread
kill -9s the whole server (master and workers) at random moments spread over the run, optionally
restarts PostgreSQL, and starts the server again. A client whose request failed in any way
(refused connection, reset, timeout, 5xx) retries the same body with the same key until it is
acknowledged (201 created, or 200 for a retry that found the first). At the end ``probe check``
compares what was acknowledged with what is stored.
"""

import http.client
import json
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.stack import HOST, Site, Web, restart_postgres

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_number(rng: random.Random) -> str:
    """A valid 18-digit ID number (checksum right) in the test region's fictional prefix."""
    first17 = f"999901{rng.randint(1950, 2003)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 += f"{rng.randrange(1000):03d}"
    return first17 + _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


@dataclass
class Submission:
    kind: str  # "petitions" or "orders"
    key: str
    path: str
    body: bytes
    token: str
    expect: dict  # what the check needs to know beyond the number (representatives, dispatch)
    attempts: int = 0
    number: str = ""


def submissions(world: dict, count: int, run_id: str) -> list[Submission]:
    """``count`` submissions, petitions and orders alternating; every 5th petition is collective."""
    rng = random.Random(run_id)
    out = []
    for n in range(count):
        key = f"crash-{run_id}-{n}"
        title = f"崩溃测试 {key}"  # the title carries the key: a duplicate row shows even without one
        if n % 2 == 0:
            reps = 1 if n % 5 == 0 else 0
            person = lambda: {  # noqa: E731
                "name": "王小明", "id_number": id_number(rng), "phone": f"138{rng.randrange(10**8):08d}",
                "address": "东湖街道某小区3号楼", "is_organization": False,
            }  # fmt: skip
            body = {
                "channel": "online", "kind": "request", "title": title,
                "request": "请求尽快修复楼道照明。",
                "facts": f"3号楼楼道灯自去年12月起损坏，多次报修无果。（{n}）",
                "reasons": "老人夜间出行存在安全隐患。", "region": world["petition_region"], "category": "03",
                "petitioner": person(), "representatives": [person() for _ in range(reps)],
                "headcount": 1 + reps,
            }  # fmt: skip
            path, token, expect = "/api/v1/petitions", world["clerk_token"], {"reps": reps}
            out.append(Submission("petitions", key, path, _json(body), token, expect))
        else:
            dispatch = n % 4 == 1
            body = {
                "kind": "complaint", "title": title, "content": f"幸福路小区门口路灯已坏一周。（{n}）",
                "category": world["category"], "region": world["order_region"], "address": "幸福路12号",
                "requester": {"name": "张三", "phone": f"139{rng.randrange(10**8):08d}"},
                "dispatch": dispatch,
            }  # fmt: skip
            path, token, expect = "/api/v1/hotline/orders", world["operator_token"], {"dispatch": dispatch}
            out.append(Submission("orders", key, path, _json(body), token, expect))
    return out


def _json(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    acknowledged: int = 0
    retries: int = 0  # requests sent again after a failure
    found_first: int = 0  # retries answered 200: the first attempt had been stored, its answer was lost
    refused: list = field(default_factory=list)  # 4xx answers: a bug in the run or the server
    errors: dict = field(default_factory=dict)  # kind of failure -> count


def _post(port: int, sub: Submission, timeout: float) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {
            "Authorization": f"Bearer {sub.token}",
            "Content-Type": "application/json",
            "Idempotency-Key": sub.key,
        }
        conn.request("POST", sub.path, body=sub.body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def _client(port: int, queue: list[Submission], tally: Tally, deadline: float, stop: threading.Event):
    for sub in queue:
        while not stop.is_set():
            if time.monotonic() > deadline:
                return
            sub.attempts += 1
            try:
                status, data = _post(port, sub, timeout=20)
            except (OSError, http.client.HTTPException) as exc:
                status, data = 0, type(exc).__name__.encode()
            if status in (200, 201):
                sub.number = json.loads(data)["number"]
                with tally.lock:
                    tally.acknowledged += 1
                    tally.retries += sub.attempts - 1
                    tally.found_first += status == 200
                break
            with tally.lock:
                label = str(status) if status else data.decode()
                tally.errors[label] = tally.errors.get(label, 0) + 1
            if 400 <= status < 500 and status not in (408, 429):
                with tally.lock:
                    tally.refused.append(f"{status} {data[:200].decode(errors='replace')}")
                break
            time.sleep(0.05 + random.random() * 0.2)  # the server is down or restarting


def _killer(web: Web, plan: list[int], tally: Tally, restart_db: str, done, stats: dict, rng: random.Random):
    """Kill the server once the acknowledgements reach each count of ``plan``, a random moment later."""
    for at in plan:
        while tally.acknowledged < at:
            if done.wait(0.02):
                return
        if done.wait(rng.uniform(0, 0.3)):  # mid-request rather than right after an answer
            return
        web.kill()
        stats["kills"] += 1
        if restart_db:
            stats["db_restart_seconds"].append(round(restart_postgres(restart_db), 2))
        started = time.monotonic()
        web.start()
        stats["restart_seconds"].append(round(time.monotonic() - started, 2))


def crash_run(
    site: Site,
    *,
    port: int,
    count: int,
    threads: int,
    kills: int,
    restart_db: str = "",
    time_limit: float = 600,
    run_id: str = "",
    workers: int = 2,
) -> dict:
    """Submit ``count`` submissions while killing the server ``kills`` times; return figures + check.

    ``restart_db``: the name of the local PostgreSQL cluster to restart at each kill ("" for none).
    """
    run_id = run_id or f"{int(time.time())}"
    t0 = time.monotonic()
    world = site.probe("seed")
    phases = {"seed": round(time.monotonic() - t0, 1)}
    subs = submissions(world, count, run_id)
    tally, stats = Tally(), {"kills": 0, "restart_seconds": [], "db_restart_seconds": []}
    t0 = time.monotonic()
    web = Web(site, port, workers=workers, threads=4, name="web").start()
    phases["first_start"] = round(time.monotonic() - t0, 1)
    done, stop = threading.Event(), threading.Event()
    deadline = time.monotonic() + time_limit
    started = time.monotonic()
    rng = random.Random(run_id)
    # Kill points spread over the run (by acknowledged count), each at a random place in its stretch.
    plan = [int(count * (k + rng.uniform(0.2, 0.8)) / (kills + 1)) for k in range(kills)]
    killer = threading.Thread(target=_killer, args=(web, plan, tally, restart_db, done, stats, rng))
    clients = [
        threading.Thread(target=_client, args=(port, subs[i::threads], tally, deadline, stop))
        for i in range(threads)
    ]
    killer.start()
    for c in clients:
        c.start()
    try:
        for c in clients:
            c.join(max(deadline - time.monotonic(), 0) + 30)
    finally:
        stop.set()
        done.set()
        killer.join(120)
        seconds = time.monotonic() - started
        web.kill()
    acked = {"petitions": {}, "orders": {}}
    for s in subs:
        if s.number:
            acked[s.kind][s.key] = {"number": s.number, **s.expect}
    path = Path(site.data_dir) / "acknowledged.json"
    path.write_text(json.dumps(acked, ensure_ascii=False))
    t0 = time.monotonic()
    report = site.probe("check", str(path), timeout=300)
    phases["check"] = round(time.monotonic() - t0, 1)
    return {
        "database": site.kind,
        "submissions": count,
        "client_threads": threads,
        "kills": stats["kills"],
        "db_restarts": len(stats["db_restart_seconds"]),
        "seconds": round(seconds, 1),
        "unacknowledged": count - tally.acknowledged,
        "retried_requests": tally.retries,
        "retries_found_first": tally.found_first,
        "failures_seen": tally.errors,
        "refused": tally.refused[:5],
        "server_restart_s_max": max(stats["restart_seconds"], default=0),
        "phase_seconds": phases,
        **report,
    }
