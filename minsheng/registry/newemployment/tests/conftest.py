"""Records of 青川区 (the registrar's county) and of 白石区 (another county), made through the services."""

from datetime import time

import pytest

from minsheng.orgs.models import Region
from minsheng.registry.newemployment import services


@pytest.fixture
def west_street(world):
    return Region.objects.create(
        code="990102002", name="西山街道", level=Region.Level.STREET, parent=world.regions["county"]
    )


@pytest.fixture
def other_street(world):
    return Region.objects.create(
        code="990103001", name="北塘街道", level=Region.Level.STREET, parent=world.regions["other_county"]
    )


@pytest.fixture
def platform(world, registrar):
    return services.platform_save(
        actor=registrar,
        values={"name": "云州速达外卖", "kind": "delivery", "region": world.regions["county"]},
    )


@pytest.fixture
def other_platform(world, other_registrar):
    return services.platform_save(
        actor=other_registrar,
        values={"name": "白石快运", "kind": "courier", "region": world.regions["other_county"]},
    )


@pytest.fixture
def site(world, registrar, platform):
    return services.site_save(
        actor=registrar,
        values={
            "platform": platform,
            "name": "东湖站",
            "region": world.regions["street"],
            "worker_count": 40,
        },
    )


def station_values(region, **overrides):
    values = {
        "name": "东湖暖新驿站",
        "region": region,
        "address": "东湖路1号",
        "open_days": "1234567",
        "opens_at": time(8, 0),
        "closes_at": time(20, 0),
        "has_water": True,
        "has_charging": True,
        "is_public": True,
    }
    values.update(overrides)
    return values


@pytest.fixture
def make_station(world, registrar):
    def make(actor=None, **overrides):
        region = overrides.pop("region", world.regions["street"])
        return services.station_save(actor=actor or registrar, values=station_values(region, **overrides))

    return make


@pytest.fixture
def station(make_station):
    return make_station()


@pytest.fixture
def other_station(world, other_registrar, other_street):
    return services.station_save(
        actor=other_registrar, values=station_values(other_street, name="北塘驿站", address="北塘路2号")
    )
