"""Two of each (issue 7): two gunicorn processes, two Celery workers and one beat on one PostgreSQL
and one Redis. Submissions through both web processes get unique case numbers and none is lost;
every periodic tick runs once, never twice and never two runs at a time, although Redis hands a
long tick to the second worker while the first still runs it (visibility timeout shortened).

Always on PostgreSQL (a database of its own), whatever database the test run uses: several machines
share one database only there.
"""

import itertools
import json
import re
import threading
import time
from pathlib import Path

import redis

from tests.reliability.crashrun import Tally, _client, submissions
from tests.reliability.stack import Proc, Web, celery_cmd, free_port, pg_admin, site, wait_for

APP = "tests.reliability.celery_app"
SCAN = "minsheng.petitions.tasks.scan_deadlines"
BEAT = {
    "tick": ["probe.tick", 1, {"seconds": 0.1}],
    "slow": ["probe.slow_tick", 2, {"seconds": 5}],  # runs longer than its period and than visibility
    "scan": [SCAN, 2, {}],
}
SUBMISSIONS = 80


def _worker(s, name: str) -> Proc:
    cmd = celery_cmd(
        APP, "worker", "-n", f"{name}@%h", "--pool", "prefork", "--concurrency", "2", "-l", "info",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    )  # fmt: skip
    return Proc(s, name, cmd, env={"MINSHENG_PROBE_VISIBILITY": "2"})


def _sent(s) -> dict[str, int]:
    """How many messages beat sent, per schedule entry (its log line for each)."""
    found = re.findall(r"Sending due task (\w+) ", s.log_text("beat"))
    return {name: found.count(name) for name in BEAT}


def _notes(r, name: str) -> list[dict]:
    return [json.loads(x) for x in r.lrange(name, 0, -1)]


def test_it_runs_two_web_processes_two_workers_and_a_beat_without_loss_or_double_work(
    celery, gunicorn, broker, require
):
    require(pg_admin, "SELECT 1")
    url = broker(6)
    r = redis.Redis.from_url(url)
    with site("postgres", "h3_rel_two", broker=url) as s:
        # With an overdue petition: every scan tick finds it, one supervision is due.
        world = s.probe("seed", "--overdue")
        procs: list[Proc] = []
        try:
            ports = [free_port(18320, 18329), free_port(18330, 18339)]
            webs = [Web(s, port, workers=2, threads=4, name=f"web{i}") for i, port in enumerate(ports)]
            procs += webs
            procs += [_worker(s, "w1").start(), _worker(s, "w2").start()]
            for w in webs:
                w.launch()  # both start at once
            for w in webs:
                w.wait_ready()
            schedule = str(Path(s.data_dir) / "beat-schedule")
            beat = Proc(
                s, "beat", celery_cmd(APP, "beat", "-l", "info", "-s", schedule),
                env={"MINSHENG_PROBE_BEAT": json.dumps(BEAT)},
            ).start()  # fmt: skip
            procs.append(beat)

            # Submissions through both web processes at once, three client threads each.
            subs, tally = submissions(world, SUBMISSIONS, f"two-{time.time_ns()}"), Tally()
            stop, deadline = threading.Event(), time.monotonic() + 60
            clients = [
                threading.Thread(target=_client, args=(ports[i % 2], subs[i::6], tally, deadline, stop))
                for i in range(6)
            ]
            for c in clients:
                c.start()
            for c in clients:
                c.join(70)
            wait_for(lambda: _sent(s)["slow"] >= 3 and _sent(s)["tick"] >= 8, 40, what="beat's ticks")
            beat.kill()
            sent = _sent(s)
            # Drain: every tick beat sent has run or been skipped.
            wait_for(
                lambda: (
                    len({n["id"] for n in _notes(r, "probe:runs") + _notes(r, "probe:skipped")})
                    >= sent["tick"] + sent["slow"]
                ),
                40,
                what="the workers to finish the ticks",
            )
            time.sleep(3)  # a redelivered copy still on its way would show now
        finally:
            for p in procs:
                p.kill()
        acked = {"petitions": {}, "orders": {}}
        for sub in subs:
            if sub.number:
                acked[sub.kind][sub.key] = {"number": sub.number, **sub.expect}
        path = Path(s.data_dir) / "acknowledged.json"
        path.write_text(json.dumps(acked, ensure_ascii=False))
        check = s.probe("check", str(path))
        effects = check["effects"]

    runs, skipped = _notes(r, "probe:runs"), _notes(r, "probe:skipped")
    r.flushdb()
    # Web: every submission acknowledged, stored once, with a number of its own.
    assert tally.refused == [] and tally.acknowledged == SUBMISSIONS
    assert check["stored"] == SUBMISSIONS and check["lost"] == 0 and check["duplicates"] == 0
    assert check["half_written"] == 0 and check["audit_ok"] is True
    assert effects["petitions"] == effects["petition_numbers"]
    # Periodic tasks: a tick runs at most once; the quick one runs once per tick sent, on both workers.
    ids = [n["id"] for n in runs]
    assert len(ids) == len(set(ids)), "a tick ran twice"
    quick = [n for n in runs if n["task"] == "tick"]
    assert len(quick) == sent["tick"]
    assert {n["worker"].split("@")[0] for n in runs} == {"w1", "w2"}
    # The slow one: never two runs at a time; the ticks that came while one ran (and the copies Redis
    # handed out again) were skipped, not run a second time.
    slow = sorted((n["started"], n["at"]) for n in runs if n["task"] == "slow")
    assert slow and all(end <= nxt for (_s, end), (nxt, _e) in itertools.pairwise(slow))
    assert {n["why"] for n in skipped} <= {"running", "done"}
    # The real deadline scan ran on several ticks; its supervision exists once.
    assert effects["task_runs"].get(SCAN, 0) >= 2
    assert effects["supervisions"] == 1 and effects["supervised_events"] == 1
    print({"sent": sent, "runs": len(runs), "skipped": len(skipped), "task_runs": effects["task_runs"]})
