"""Fixtures of the 两新组织 tests: an area with two streets and a community, and unit factories."""

from datetime import date

import pytest

from minsheng.orgs.models import Region
from minsheng.registry.twonew.models import Industry, Organization
from minsheng.registry.twonew.synthetic import credit_code


@pytest.fixture
def area(world):
    """青川区 with 东湖街道 (and its 东湖社区) and 西山街道; 白石区 with one street."""
    county, street = world.regions["county"], world.regions["street"]
    community = Region.objects.create(
        code="990102001001", name="东湖社区", level=Region.Level.COMMUNITY, parent=street
    )
    west = Region.objects.create(code="990102002", name="西山街道", level=Region.Level.STREET, parent=county)
    other = Region.objects.create(
        code="990103001", name="白石街道", level=Region.Level.STREET, parent=world.regions["other_county"]
    )
    return {"county": county, "street": street, "community": community, "west": west, "other": other}


@pytest.fixture
def make_unit():
    counter = iter(range(1, 10_000_000))

    def make(region, **values):
        n = next(counter)
        values.setdefault("name", f"测试单位{n}")
        values.setdefault("credit_code", credit_code(n))
        values.setdefault("kind", Organization.Kind.NON_PUBLIC)
        values.setdefault("industry", Industry.C)
        values.setdefault("employees", 100)
        return Organization.objects.create(region=region, **values)

    return make


@pytest.fixture
def founded():
    return date(2025, 7, 1)
