"""Hostile-input tests share the forms a visitor posts: a petition on the portal, a suggestion."""

import pytest

# The portal's own fixtures: a fresh rate-limit allowance per test, and its complete petition form.
from minsheng.portal.tests.conftest import _clean_cache, form_data  # noqa: F401


@pytest.fixture
def suggestion_form(world):
    """A free suggestion as the portal's form posts it."""

    def make(**overrides):
        data = {
            "idempotency_key": "s" * 32,
            "title": "小区增设电动自行车充电桩",
            "reason": "楼道充电有火灾隐患。",
            "proposal": "建议在小区空地集中建设充电棚。",
            "region": str(world.regions["street"].pk),
            "name": "陈晓梅",
            "phone": "13800001111",
            "address": "",
            "consent": "on",
        }
        data.update(overrides)
        return data

    return make
