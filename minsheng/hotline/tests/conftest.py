"""Hotline fixtures: a small category tree, a dispatch catalogue and ``make_order``.

Catalogue: 路灯 (0101, under 市政设施 01) × 青川区 → housing; 路灯 × 东湖街道 → the street office;
供水 (0201) × 青川区 → labour (an odd choice on purpose: the tests only need two departments).
"""

import pytest

from minsheng.hotline.models import Category, DispatchRule, KnowledgeAnswer


@pytest.fixture
def cats(world):
    municipal = Category.objects.create(code="01", name="市政设施")
    lights = Category.objects.create(code="0101", name="路灯照明", parent=municipal)
    roads = Category.objects.create(code="0102", name="道路破损", parent=municipal)
    water = Category.objects.create(code="0201", name="供水")
    return {"municipal": municipal, "lights": lights, "roads": roads, "water": water}


@pytest.fixture
def rules(world, cats):
    r, u = world.regions, world.units
    DispatchRule.objects.create(category=cats["lights"], region=r["county"], unit=u["housing"])
    DispatchRule.objects.create(category=cats["lights"], region=r["street"], unit=u["street_office"])
    DispatchRule.objects.create(category=cats["water"], region=r["county"], unit=u["labour"])
    DispatchRule.objects.create(category=cats["municipal"], region=r["county"], unit=u["housing"])


@pytest.fixture
def kb(cats):
    return KnowledgeAnswer.objects.create(
        question="居住证怎么办理",
        answer="携带身份证和居住证明到社区服务中心办理，5个工作日内发证。",
        keywords="居住证 办证",
        category=cats["municipal"],
    )


@pytest.fixture
def make_order(world, cats, rules, operator, now):
    """``make_order(**overrides)``: a complaint about a street light in 青川区 (county level), taken by
    the operator; by default dispatched at once by the catalogue (to the housing bureau)."""
    from minsheng.hotline.services import OrderIntake, order_receive
    from minsheng.people.services import Identity

    def make(*, action="dispatch", actor=None, at=None, unit=None, **fields):
        values = dict(
            kind="complaint",
            title="小区门口路灯不亮",
            content="青川区幸福路小区门口路灯已坏一周，夜间出行不便。",
            urgency="ordinary",
            category=cats["lights"],
            region=world.regions["county"],
            address="幸福路12号",
            requester=Identity(name="张三", phone="13800001111"),
        )
        values.update(fields)
        return order_receive(
            intake=OrderIntake(**values), actor=actor or operator, now=at or now, action=action, unit=unit
        )

    return make
