"""Background work survives a worker's death: acknowledged late, run again, its effects once.

A real Celery worker on Redis runs the deadline scans (a petition's overdue step is supervised, an
overdue hotline order is flagged and its unit's head notified), then pauses; the test kill -9s the
worker there — the work is committed, the message not acknowledged. A second worker gets the message
again (Redis's visibility timeout, shortened for the test) and runs it: the supervision, the flag and
the notice still exist exactly once, and the audit chain verifies.
"""

import json

import redis
from celery import Celery

from tests.reliability.stack import Proc, celery_cmd, site, wait_for

APP = "tests.reliability.celery_app"


def _worker(s, name: str) -> Proc:
    cmd = celery_cmd(
        APP, "worker", "-n", f"{name}@%h", "--pool", "prefork", "--concurrency", "1", "-l", "info",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    )  # fmt: skip
    return Proc(s, name, cmd, env={"MINSHENG_PROBE_VISIBILITY": "3"})


def test_it_runs_a_killed_workers_task_again_and_its_effects_exist_once(db_kind, celery, broker, require):
    from tests.reliability.stack import pg_admin

    if db_kind == "postgres":
        require(pg_admin, "SELECT 1")
    url = broker(5)
    r = redis.Redis.from_url(url)
    with site(db_kind, "h3_rel_worker", broker=url) as s:
        s.probe("seed", "--overdue")
        first = _worker(s, "first").start()
        try:
            Celery(broker=url).send_task("probe.scan_then_pause", kwargs={"pause": 60})
            wait_for(lambda: r.llen("probe:scanned"), 60, what="the first worker to run the scans")
            first.kill()
            killed = s.probe("effects")
            second = _worker(s, "second").start()
            try:
                wait_for(lambda: r.llen("probe:runs"), 60, what="a second worker to run the task again")
            finally:
                second.stop()
        finally:
            first.kill()
        after = s.probe("effects")
    scans = [json.loads(x) for x in r.lrange("probe:scanned", 0, -1)]
    r.flushdb()
    # The killed worker had done the work; the task ran again on the other worker and did nothing new.
    assert killed["supervisions"] == 1 and killed["overdue_events"] == 1
    assert [x["worker"].split("@")[0] for x in scans] == ["first", "second"]
    assert scans[0]["id"] == scans[1]["id"]
    assert scans[1]["supervised"] == 0 and scans[1]["overdue"] == 0
    assert after["supervisions"] == 1
    assert after["supervised_events"] == 1
    assert after["overdue_events"] == 1
    assert after["overdue_notices"] == 1
    assert after["audit_ok"] is True
