"""Regions, units and who holds which role where."""

import pytest
from django.urls import reverse

from minsheng.accounts.models import User
from minsheng.accounts.roles import Role
from minsheng.orgs.models import Region, Unit
from minsheng.orgs.selectors import bureau_above, bureau_of, bureau_region_paths, roles_in, unit_ids_of
from minsheng.testing import PASSWORD


def test_it_gives_every_region_the_path_of_its_ancestors(world):
    r = world.regions
    assert r["province"].path == f"/{r['province'].pk}/"
    assert r["street"].path == f"/{r['province'].pk}/{r['city'].pk}/{r['county'].pk}/{r['street'].pk}/"
    subtree = Region.objects.filter(path__startswith=r["county"].path)
    assert set(subtree) == {r["county"], r["street"]}
    assert r["other_county"] not in subtree


def test_it_knows_the_roles_of_a_user_in_each_unit(world, head, outsider):
    housing, labour = world.units["housing"], world.units["labour"]
    assert roles_in(head, housing) == {Role.HEAD, Role.HANDLER}
    assert roles_in(head, labour) == frozenset()
    assert roles_in(outsider, housing) == frozenset()
    assert roles_in(head, None) == frozenset()
    assert unit_ids_of(outsider) == {labour.pk}


def test_it_gives_no_roles_to_anonymous_visitors(world):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert roles_in(anonymous, world.units["bureau"]) == frozenset()
    assert unit_ids_of(anonymous) == set()
    assert bureau_region_paths(anonymous) == []


def test_it_gives_petition_bureaus_oversight_of_their_area_only(world, clerk, handler):
    assert bureau_region_paths(clerk) == [world.regions["county"].path]
    assert bureau_region_paths(handler) == []  # a department is not a petition bureau


def test_it_finds_the_bureau_responsible_and_the_one_above(world):
    r, u = world.regions, world.units
    assert bureau_of(r["street"]) == u["bureau"]  # a street has no bureau of its own
    assert bureau_of(r["county"]) == u["bureau"]
    assert bureau_above(r["county"]) == u["city_bureau"]
    assert bureau_above(r["city"]) == u["province_bureau"]
    assert bureau_above(r["province"]) is None


def test_it_skips_an_inactive_bureau(world):
    world.units["city_bureau"].is_active = False
    world.units["city_bureau"].save()
    assert bureau_above(world.regions["county"]) == world.units["province_bureau"]


@pytest.fixture
def root_client(client, db):
    client.force_login(
        User.objects.create_superuser(username="root", password=PASSWORD, email="r@example.org")
    )
    return client


def test_it_derives_a_new_regions_path_in_the_admin(root_client, world):
    county = world.regions["county"]
    response = root_client.post(
        reverse("admin:orgs_region_add"),
        {
            "code": "990102002",
            "name": "西山街道",
            "level": Region.Level.STREET,
            "parent": county.pk,
            "path": "/x/",
        },
    )
    assert response.status_code == 302
    created = Region.objects.get(code="990102002")
    assert created.path == f"{county.path}{created.pk}/"


def test_it_searches_regions_and_filters_units_in_the_admin(root_client, world):
    page = root_client.get(reverse("admin:orgs_region_changelist"), {"q": "东湖"}).content.decode()
    assert "东湖街道" in page and "白石区" not in page
    units = root_client.get(
        reverse("admin:orgs_unit_changelist"), {"kind__exact": Unit.Kind.PETITION_BUREAU}
    ).content.decode()
    assert "青川区信访局" in units and "青川区住房和城乡建设局" not in units
    by_region = root_client.get(
        reverse("admin:orgs_unit_changelist"), {"region__id__exact": world.regions["other_county"].pk}
    ).content.decode()
    assert "白石区信访局" in by_region and "青川区信访局" not in by_region
