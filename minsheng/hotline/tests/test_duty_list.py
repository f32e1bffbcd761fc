"""职责清单 guards dispatch: a street office leads only the matters on its duty list."""

import pytest

from minsheng.core.errors import InvalidInput
from minsheng.orgs.models import DutyItem


def test_it_dispatches_to_a_street_while_it_has_no_list(world, make_order, cats):
    order = make_order(region=world.regions["street"])  # 路灯 × 东湖街道 → the street office
    assert order.unit == world.units["street_office"]


def test_it_dispatches_a_matter_on_the_streets_list_by_the_category_or_its_parent(world, make_order):
    DutyItem.objects.create(region=world.regions["street"], code="01", name="市政设施巡查报修")
    order = make_order(region=world.regions["street"])  # 路灯 0101 under 市政设施 01
    assert order.unit == world.units["street_office"]


def test_it_refuses_to_make_a_street_lead_a_matter_outside_its_list(world, make_order, cats):
    DutyItem.objects.create(region=world.regions["street"], code="JD05", name="独居老人走访关爱")
    with pytest.raises(InvalidInput) as error:
        make_order(region=world.regions["street"])
    assert error.value.code == "duty_list" and "职责清单" in str(error.value.message)
    order = make_order(region=world.regions["street"], unit=world.units["housing"])
    assert order.unit == world.units["housing"]
