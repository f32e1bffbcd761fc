"""Periodic tasks run once per tick, however many workers there are.

Celery beat sends one message per tick; with late acknowledgement a broker may deliver it again: Redis
when a run outlasts the visibility timeout (while the first run still goes on), any broker when a
worker dies before acknowledging. ``once_per_tick`` makes such a second delivery do nothing:

- while a run of the task is in progress anywhere, another one is skipped: a PostgreSQL session
  advisory lock on the task's name (a file lock on SQLite, whose deployments are one machine). Both
  locks die with the process holding them, so a killed worker never leaves the task blocked;
- a tick that ran to the end is recorded (``TaskRun``, by the message's id) and not run again.

A run cut short by a worker's death has no record: its redelivery runs the task again, which is safe
because every periodic task is idempotent (each scan flags, supervises or reminds once per key).
Called directly or eagerly (tests, ``CELERY_TASK_ALWAYS_EAGER``) the task just runs.

    @shared_task(name="minsheng.petitions.tasks.scan_deadlines")
    @once_per_tick
    def scan_deadlines(): ...
"""

import fcntl
import functools
import logging
import os
import zlib
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

logger = logging.getLogger(__name__)

LOCK_SPACE = 0x4D53  # "MS": the first key of our advisory locks, apart from anyone else's
KEEP_RECORDS = timedelta(days=7)


def once_per_tick(fn):
    """Decorator for a periodic task's function (put it under ``@shared_task``)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def run(*args, **kwargs):
        from celery import current_task

        request = getattr(current_task, "request", None)
        tick = getattr(request, "id", None)
        if tick is None or getattr(request, "is_eager", False) or getattr(request, "called_directly", True):
            return fn(*args, **kwargs)
        with exclusive(name) as mine:
            if not mine:
                logger.info("periodic task %s tick %s skipped: another run is in progress", name, tick)
                return {"skipped": "running"}
            return _run_tick(fn, name, tick, getattr(request, "hostname", "") or "", args, kwargs)

    run.once_per_tick = True  # a mark the tests read: every beat entry's task wears this decorator
    return run


def _run_tick(fn, name: str, tick: str, worker: str, args, kwargs):
    from minsheng.core.models import TaskRun

    if TaskRun.objects.filter(task=name, tick=tick).exists():
        logger.info("periodic task %s tick %s skipped: it already ran", name, tick)
        return {"skipped": "done"}
    started = timezone.now()
    result = fn(*args, **kwargs)
    finished = timezone.now()
    done = {"worker": worker[:200], "started_at": started, "finished_at": finished}
    TaskRun.objects.get_or_create(task=name, tick=tick, defaults=done)
    TaskRun.objects.filter(task=name, finished_at__lt=finished - KEEP_RECORDS).delete()
    return result


@contextmanager
def exclusive(name: str):
    """Yields True when this process holds the lock on ``name`` (until the block ends), else False."""
    if connection.vendor == "postgresql":
        with _advisory_lock(name) as mine:
            yield mine
    else:
        with _file_lock(name) as mine:
            yield mine


@contextmanager
def _advisory_lock(name: str):
    # A session lock, not a transaction one: the task's own transactions commit as they go.
    key = zlib.crc32(name.encode()) - 2**31  # PostgreSQL's int4
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_SPACE, key])
        mine = cursor.fetchone()[0]
    try:
        yield mine
    finally:
        if mine:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_SPACE, key])


@contextmanager
def _file_lock(name: str):
    folder = settings.DATA_DIR / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
