"""Test-only Celery tasks, loaded only by the reliability tests' workers (tests/reliability/celery_app.py).

Each run is written to Redis (the broker's database) so the test can see what ran where and when:
``probe:runs`` gets one JSON line per run that reached its end, ``probe:started`` one per start.
"""

import json
import os
import time

import redis
from celery import current_task, shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick


def _redis():
    return redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])


def _note(list_name: str, **fields) -> None:
    request = current_task.request
    fields.update(id=request.id, worker=request.hostname, pid=os.getpid(), at=time.time())
    _redis().rpush(list_name, json.dumps(fields))


@shared_task(name="probe.scan_then_pause")
def scan_then_pause(pause: float) -> dict:
    """The real deadline scans (petitions and hotline, which notifies heads), then a pause during
    which the test kills the worker: the work is committed, the message not yet acknowledged."""
    from minsheng.hotline import services as hotline
    from minsheng.petitions import services as petitions

    _note("probe:started")
    first = _redis().llen("probe:started") == 1
    now = timezone.now()
    supervised = petitions.scan_deadlines(now=now).supervised
    overdue = hotline.scan_overdue(now=now).overdue
    _note("probe:scanned", supervised=supervised, overdue=overdue)
    if first:  # only the first delivery pauses: the test kills its worker here
        time.sleep(pause)
    _note("probe:runs")
    return {"supervised": supervised, "overdue": overdue}


@shared_task(name="probe.tick")
def tick(seconds: float = 0.0) -> dict:
    """A periodic probe guarded like the real periodic tasks; a tick that ``once_per_tick`` skips
    is noted in ``probe:skipped`` with the reason."""
    result = _guarded_tick(seconds)
    if isinstance(result, dict) and "skipped" in result:
        _note("probe:skipped", why=result["skipped"], task="tick")
    return result


@once_per_tick
def _guarded_tick(seconds: float) -> dict:
    started = time.time()
    _note("probe:started", task="tick")
    time.sleep(seconds)
    _note("probe:runs", task="tick", started=started)
    return {"ran": True}


@shared_task(name="probe.slow_tick")
def slow_tick(seconds: float = 0.0) -> dict:
    """Like ``tick``, for a run longer than the broker's visibility timeout: Redis hands the message to
    the other worker while the first still runs it."""
    result = _guarded_slow_tick(seconds)
    if isinstance(result, dict) and "skipped" in result:
        _note("probe:skipped", why=result["skipped"], task="slow")
    return result


@once_per_tick
def _guarded_slow_tick(seconds: float) -> dict:
    started = time.time()
    _note("probe:started", task="slow")
    time.sleep(seconds)
    _note("probe:runs", task="slow", started=started)
    return {"ran": True}
