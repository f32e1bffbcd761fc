"""Portal fixtures: a clean rate-limit cache, a valid form, and a case brought to its answer."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from minsheng.petitions import services
from minsheng.petitions.workflow import Kind, Outcome


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate-limit counters live in the cache; each test starts with a full allowance.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_data(world):
    """A complete online petition as the browser posts it."""

    def make(**overrides):
        data = {
            "idempotency_key": "tok-" + "a" * 28,
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
def answer(world, clerk, handler, file_petition):
    """``answer(**overrides)``: a petition answered three days ago by the housing bureau, with its
    query code: ``(petition, code)``. Overrides go to ``file_petition`` (e.g. ``account=``).

    Dated from the real clock: the portal's views pass ``timezone.now()``, and the 30-day review
    window must still be open when the test's petitioner acts.
    """

    def make(**overrides):
        start = timezone.now() - timedelta(days=10)
        p = file_petition(now=start, **overrides)
        code = services.query_code_of(p)
        p = services.petition_assign(petition=p, actor=clerk, now=start, unit=world.units["housing"])
        p = services.petition_accept(petition=p, actor=handler, now=start + timedelta(days=1))
        p = services.petition_answer(
            petition=p,
            actor=handler,
            now=start + timedelta(days=7),
            outcome=Outcome.SUPPORT,
            facts="经查，楼道灯线路老化。",
            reasons="属物业维修责任。",
            decision="责成物业三日内修复。",
            basis="《物业管理条例》第五十五条",
        )
        return p, code

    return make


@pytest.fixture
def answered(answer):
    """A petition answered three days ago, filed without an account: ``(petition, code)``."""
    return answer()


def track(client, number, code):
    return client.post("/portal/track/", {"number": number, "code": code})
