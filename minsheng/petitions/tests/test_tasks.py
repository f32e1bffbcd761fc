"""The periodic deadline scan as a Celery task: in-process (eager, the default) and on a real broker."""

import os
import socket
from contextlib import contextmanager

import pytest

from minsheng.petitions.models import Petition, Supervision
from minsheng.petitions.tasks import scan_deadlines
from minsheng.petitions.tests.cases import Cases
from minsheng.petitions.workflow import S

REDIS = ("127.0.0.1", 6379)
# A database of its own, so the test neither reads nor leaves messages where others work.
BROKER_URL = "redis://127.0.0.1:6379/13"


def overdue_case(world, now) -> Petition:
    """A case registered 2026-03-11, routing due 03-26: overdue for the task's real clock."""
    return Cases(world, now).file()


@pytest.mark.django_db
def test_it_runs_the_scan_in_process_and_returns_the_counts(world, now):
    petition = overdue_case(world, now)
    assert scan_deadlines.delay().get(timeout=10) == {"closed": 0, "supervised": 1}
    assert Supervision.objects.filter(petition=petition).count() == 1
    assert scan_deadlines.delay().get(timeout=10) == {"closed": 0, "supervised": 0}


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def real_broker(app):
    """Point the app at Redis and stop running tasks in-process; put everything back afterwards."""
    keys = ("broker_url", "result_backend", "task_always_eager")
    saved = {k: app.conf[k] for k in keys}
    app.conf.update(broker_url=BROKER_URL, result_backend=BROKER_URL, task_always_eager=False)
    _forget_connections(app)
    try:
        yield app
    finally:
        app.conf.update(saved)
        _forget_connections(app)


def _forget_connections(app) -> None:
    # The app caches its connection pool and result backend built from the old URLs.
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app._local.__dict__.pop("backend", None)
    app.__dict__.pop("amqp", None)


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_runs_the_scan_on_a_real_worker_through_redis(world, now):
    if not redis_reachable():
        reason = f"Redis is not reachable at {REDIS[0]}:{REDIS[1]}: the real-broker run of the scan needs it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from celery.contrib.testing.worker import start_worker
    from celery.result import EagerResult

    from config.celery import app

    petition = overdue_case(world, now)
    with real_broker(app):
        app.control.purge()
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            result = scan_deadlines.delay()
            assert not isinstance(result, EagerResult)  # it went through Redis to the worker
            assert result.get(timeout=30) == {"closed": 0, "supervised": 1}
    petition.refresh_from_db()
    assert petition.status == S.REGISTERED and petition.overdue_since is not None
    assert Supervision.objects.filter(petition=petition).count() == 1
