"""``once_per_tick``'s two guards, on the test's own database: one run at a time, a finished tick once.

The whole story with real workers and beat is tests/reliability/test_two_of_each.py (PostgreSQL).
"""

import pytest
from django.db import connection

from minsheng.core.models import TaskRun
from minsheng.core.once import _run_tick, exclusive


def _held_elsewhere(name: str) -> bool:
    """Whether another process (a new connection, a new open file) could take the lock now."""
    if connection.vendor == "postgresql":
        import zlib

        import psycopg

        from minsheng.core.once import LOCK_SPACE

        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        with psycopg.connect(**{k: v for k, v in params.items() if v is not None}, autocommit=True) as other:
            key = zlib.crc32(name.encode()) - 2**31
            got = other.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_SPACE, key]).fetchone()[0]
            if got:
                other.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_SPACE, key])
            return not got
    with exclusive(name) as mine:  # a second open file description: flock refuses it like another process
        return not mine


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_lets_one_run_of_a_task_hold_the_lock_at_a_time(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    with exclusive("minsheng.test.scan") as mine:
        assert mine is True
        assert _held_elsewhere("minsheng.test.scan")
        assert not _held_elsewhere("minsheng.test.other")
    assert not _held_elsewhere("minsheng.test.scan")


@pytest.mark.django_db
def test_it_runs_a_tick_once_and_skips_it_when_delivered_again():
    calls = []

    def scan():
        calls.append(1)
        return {"flagged": 1}

    assert _run_tick(scan, "minsheng.test.scan", "tick-1", "w1@host", (), {}) == {"flagged": 1}
    assert _run_tick(scan, "minsheng.test.scan", "tick-1", "w2@host", (), {}) == {"skipped": "done"}
    assert _run_tick(scan, "minsheng.test.scan", "tick-2", "w2@host", (), {}) == {"flagged": 1}
    assert len(calls) == 2
    assert TaskRun.objects.filter(task="minsheng.test.scan").count() == 2


@pytest.mark.django_db
def test_it_runs_the_task_plainly_when_called_directly_or_eagerly():
    from minsheng.petitions.tasks import scan_deadlines

    assert scan_deadlines() == {"closed": 0, "supervised": 0}
    assert scan_deadlines.apply().get() == {"closed": 0, "supervised": 0}
    assert not TaskRun.objects.exists()


def test_it_guards_every_periodic_task_of_the_beat_schedule(settings):
    from config.celery import app

    app.loader.import_default_modules()
    unguarded = [
        entry["task"]
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if not getattr(app.tasks[entry["task"]].run, "once_per_tick", False)
    ]
    assert unguarded == []
    entries = settings.CELERY_BEAT_SCHEDULE.values()
    assert all(entry["options"]["expires"] == entry["schedule"] for entry in entries)
