"""The read-replica router: dashboards' reads go to the replica when one is configured; writes, and
who the caller is, always to default; without a replica everything goes to default."""

import pytest
from django.contrib.sessions.models import Session
from django.core.signals import request_finished, request_started
from django.db import connections

from config.db_router import (
    ReplicaRouter,
    _on_request_finished,
    _on_request_started,
    dashboard_request,
    replica_reads,
)
from minsheng.accounts.models import User
from minsheng.hotline.models import Order
from minsheng.petitions.models import Petition

router = ReplicaRouter()


@pytest.fixture
def with_replica(settings):
    """A ``replica`` alias (pointing at the same database, as a test mirror would)."""
    connections.settings["replica"] = {**connections.settings["default"]}
    yield
    del connections.settings["replica"]


def test_it_sends_everything_to_default_without_a_replica():
    assert "replica" not in connections.settings
    with replica_reads():
        assert router.db_for_read(Petition) == "default"
        assert router.db_for_write(Petition) == "default"
    assert router.db_for_read(Order) == "default"


def test_it_reads_dashboard_data_from_the_replica_and_writes_to_default(with_replica):
    assert router.db_for_read(Petition) == "default"  # outside a dashboard
    with replica_reads():
        assert router.db_for_read(Petition) == "replica"
        assert router.db_for_read(Order) == "replica"
        assert router.db_for_write(Petition) == "default"
        # Who the caller is comes from the primary: a new session may not be on the replica yet.
        assert router.db_for_read(User) == "default"
        assert router.db_for_read(Session) == "default"
    assert router.db_for_read(Petition) == "default"


def test_it_never_migrates_the_replica():
    assert router.allow_migrate("default", "petitions") is True
    assert router.allow_migrate("replica", "petitions") is False


def test_it_treats_gets_of_the_dashboards_as_replica_reads_and_nothing_else():
    assert dashboard_request("GET", "/insight/")
    assert dashboard_request("HEAD", "/hotline/rates/")
    assert not dashboard_request("POST", "/insight/")
    assert not dashboard_request("GET", "/staff/")
    assert not dashboard_request("GET", "/api/v1/petitions")


def test_it_marks_a_dashboard_request_from_its_start_to_its_end(with_replica):
    # The handlers themselves: sending the signals would also run Django's close_old_connections.
    _on_request_started(sender=None, environ={"REQUEST_METHOD": "GET", "PATH_INFO": "/insight/"})
    try:
        assert router.db_for_read(Petition) == "replica"
    finally:
        _on_request_finished(sender=None)
    assert router.db_for_read(Petition) == "default"
    _on_request_started(sender=None, environ={"REQUEST_METHOD": "POST", "PATH_INFO": "/insight/"})
    try:
        assert router.db_for_read(Petition) == "default"
    finally:
        _on_request_finished(sender=None)
    uids = {key[0] for key, *_rest in request_started.receivers + request_finished.receivers}
    assert {"minsheng-replica-reads-start", "minsheng-replica-reads-end"} <= uids


def test_it_is_the_router_django_uses(settings):
    assert settings.DATABASE_ROUTERS == ["config.db_router.ReplicaRouter"]
