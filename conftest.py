"""Shared test fixtures: a small jurisdiction, staff personas, and a way to file petitions.

Personas: clerk (county petition bureau), handler and head (the housing bureau), outsider (a
handler of another department), leader (county bureau), city_clerk and province_clerk (the review
and re-review bodies), citizen (a portal account).
"""

import os
from datetime import datetime

import pytest

from minsheng.core.periods import CHINA


def pytest_configure(config):
    # CI must run every test: a missing browser or server there is a failure, not a skip.
    config.minsheng_ci = os.environ.get("CI") == "true"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The production hasher costs ~0.3 s a user; tests create many users and check no hashes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_router_from_another_test():
    # Routers (and the categories and units behind their labels) are cached per process for 30 s;
    # a test's published router is rolled back with it.
    from minsheng.petitions.services.proposals import forget_label_objects
    from minsheng.textmine.router_store import forget_loaded_routers

    forget_loaded_routers()
    forget_label_objects()
    yield
    forget_loaded_routers()
    forget_label_objects()


@pytest.fixture
def now():
    """A fixed working day: Wednesday 2026-03-11 10:00 China time."""
    return datetime(2026, 3, 11, 10, 0, tzinfo=CHINA)


@pytest.fixture
def world(db):
    from minsheng.testing import build_world

    return build_world()


@pytest.fixture
def clerk(world):
    return world.users["clerk"]


@pytest.fixture
def handler(world):
    return world.users["handler"]


@pytest.fixture
def head(world):
    return world.users["head"]


@pytest.fixture
def outsider(world):
    return world.users["outsider"]


@pytest.fixture
def leader(world):
    return world.users["leader"]


@pytest.fixture
def city_clerk(world):
    return world.users["city_clerk"]


@pytest.fixture
def province_clerk(world):
    return world.users["province_clerk"]


@pytest.fixture
def citizen(world):
    return world.users["citizen"]


@pytest.fixture
def registrar(world):
    """Keeps the registries and volunteer records of 青川区 (its social work department)."""
    return world.users["registrar"]


@pytest.fixture
def social_work_leader(world):
    return world.users["social_work_leader"]


@pytest.fixture
def suggestion_clerk(world):
    """Receives and routes people's suggestions (人民建议征集) at 青川区's social work department."""
    return world.users["suggestion_clerk"]


@pytest.fixture
def operator(world):
    """Takes calls and dispatches work orders at 青川区接诉即办中心."""
    return world.users["operator"]


@pytest.fixture
def dispatcher(world):
    """Head of the hotline centre: decides objections to a dispatch."""
    return world.users["dispatcher"]


@pytest.fixture
def street_handler(world):
    """Handler and head of 东湖街道办事处."""
    return world.users["street_handler"]


@pytest.fixture
def other_registrar(world):
    """The registrar of another county (白石区): must see nothing of 青川区's records."""
    return world.users["other_registrar"]


@pytest.fixture
def file_petition(world, clerk, now):
    """``file_petition(**overrides)`` registers a valid petition through the real service."""
    from minsheng.testing import file_petition as _file

    def make(**overrides):
        overrides.setdefault("actor", clerk)
        overrides.setdefault("now", now)
        return _file(world, **overrides)

    return make
