"""Fixtures of the reliability tests: which database the servers use, and skip-or-fail on a missing service.

These tests start real processes (gunicorn, Celery worker and beat) on a site of their own (a fresh
data dir and database), never on the test's database: those processes could not see its transaction.
"""

import pytest

from tests.reliability.stack import Missing, need, redis_url


@pytest.fixture
def require(request):
    """``require(fn, *args)``: fn's value; a Missing service skips the test, or fails it under CI=true."""

    def call(fn, *args):
        try:
            return fn(*args)
        except Missing as exc:
            if request.config.minsheng_ci:
                pytest.fail(f"{exc} — CI must run the reliability tests")
            pytest.skip(str(exc))

    return call


@pytest.fixture
def db_kind(settings) -> str:
    """The servers use the same kind of database as the test run (sqlite or postgres)."""
    return "postgres" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"


@pytest.fixture
def gunicorn(require):
    require(need, "gunicorn")


@pytest.fixture
def celery(require):
    require(need, "celery")


@pytest.fixture
def broker(require):
    """``broker(db)``: the URL of Redis database ``db`` (5–7 belong to these tests), emptied first."""

    def make(db: int) -> str:
        url = require(redis_url, db)
        import redis

        redis.Redis.from_url(url).flushdb()
        return url

    return make
