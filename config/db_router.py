"""Read replica routing: dashboards read from the replica when DATABASE_REPLICA_URL is set.

Writes, and every read outside a dashboard, go to ``default``. A dashboard request is a GET or HEAD
whose path starts with one of ``DASHBOARD_PATHS`` (settings; MINSHENG_REPLICA_PATHS, comma-separated),
or code run inside ``replica_reads()``. Even there, who the caller is (sessions, users, roles, tokens,
login lockouts) is read from ``default``: a session created a moment ago on the primary may not have
reached the replica yet. Dashboards tolerate a replica's lag of seconds; work lists do not, so they
are not dashboards. ``select_for_update`` reads count as writes (Django routes them so).
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connections

REPLICA = "replica"
# Who the caller is and what they may do: always read from the primary.
PRIMARY_ONLY_APPS = frozenset(
    {"sessions", "auth", "accounts", "contenttypes", "admin", "axes", "django_otp", "otp_totp", "otp_static"}
)
DEFAULT_DASHBOARD_PATHS = ("/insight/", "/hotline/rates/", "/hotline/monthly/", "/staff/hot/")

_replica_reads = contextvars.ContextVar("minsheng_replica_reads", default=False)


def has_replica() -> bool:
    return REPLICA in connections.settings


@contextmanager
def replica_reads():
    """Reads in this block (of data, not of the caller's identity) go to the replica, if there is one."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def dashboard_request(method: str, path: str) -> bool:
    """Whether a request only reads what dashboards show."""
    prefixes = tuple(getattr(settings, "DASHBOARD_PATHS", DEFAULT_DASHBOARD_PATHS))
    return method in ("GET", "HEAD") and path.startswith(prefixes)


class ReplicaRouter:
    """Django database router (DATABASE_ROUTERS)."""

    def db_for_read(self, model, **hints):
        if _replica_reads.get() and model._meta.app_label not in PRIMARY_ONLY_APPS and has_replica():
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of default: rows read from either belong to one database.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica gets its schema by replication, never by migrate.
        return db == "default"


def _on_request_started(sender, environ=None, **kwargs):
    environ = environ or {}
    _replica_reads.set(dashboard_request(environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")))


def _on_request_finished(sender, **kwargs):
    _replica_reads.set(False)


# The handler sends these in the thread that runs the view, so the flag is the request's own.
request_started.connect(_on_request_started, dispatch_uid="minsheng-replica-reads-start")
request_finished.connect(_on_request_finished, dispatch_uid="minsheng-replica-reads-end")
