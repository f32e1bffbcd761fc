"""Hostile-input tests share the forms a visitor posts: a petition on the portal, a suggestion."""

import pytest
from django.core.cache import cache

from minsheng.petitions.workflow import Kind


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Public forms count posts per address; one test's posts must not spend another's allowance.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def petition_form(world):
    """A complete online petition as the portal's browser form posts it."""

    def make(**overrides):
        data = {
            "idempotency_key": "hostile-" + "a" * 24,
            "kind": Kind.REQUEST,
            "title": "小区楼道照明长期损坏",
            "request": "请求尽快修复楼道照明。",
            "facts": "3号楼楼道灯自去年12月起损坏，多次报修无果。",
            "reasons": "老人夜间出行存在安全隐患。",
            "region": str(world.regions["street"].pk),
            "category": str(world.categories["housing"].pk),
            "name": "王小明",
            "id_number": "110101199003074477",
            "phone": "13812341234",
            "address": "东湖街道某小区3号楼",
            "consent": "on",
        }
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return make


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
