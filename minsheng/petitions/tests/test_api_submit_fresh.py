"""POST /api/v1/petitions reads who may register afresh every time; reference data follows changes."""

import pytest

from minsheng.accounts.models import ApiToken
from minsheng.api.tests.clients import bearer, intake_body, post_json
from minsheng.orgs.models import Membership, Region
from minsheng.petitions.models import Petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions"


def test_it_refuses_a_token_revoked_after_it_was_used(client, world, clerk):
    headers = bearer(clerk)
    assert post_json(client, URL, intake_body(), headers=headers).status_code == 201
    ApiToken.objects.filter(user=clerk).update(revoked=True)
    assert post_json(client, URL, intake_body(), headers=headers).status_code == 401
    assert Petition.objects.count() == 1


def test_it_refuses_a_clerk_taken_off_her_bureau_at_once(client, world, clerk):
    headers = bearer(clerk)
    assert post_json(client, URL, intake_body(), headers=headers).status_code == 201
    Membership.objects.filter(user=clerk).delete()
    assert post_json(client, URL, intake_body(), headers=headers).status_code == 403
    assert Petition.objects.count() == 1


def test_it_follows_a_change_of_region_code_at_once(client, world, clerk):
    headers = bearer(clerk)
    old = intake_body()["region"]
    assert post_json(client, URL, intake_body(), headers=headers).status_code == 201
    region = Region.objects.get(code=old)
    region.code = "990102099"
    region.save()
    refused = post_json(client, URL, intake_body(), headers=headers)
    assert refused.status_code == 400 and "region" in refused.json()["errors"]
    response = post_json(client, URL, intake_body(region="990102099"), headers=headers)
    assert response.status_code == 201
    assert Petition.objects.get(number=response.json()["number"]).region == region


def test_it_registers_with_a_region_created_after_an_unknown_code_was_tried(client, world, clerk):
    headers = bearer(clerk)
    street = Region.objects.get(code=intake_body()["region"])
    assert post_json(client, URL, intake_body(region="990102002"), headers=headers).status_code == 400
    Region.objects.create(code="990102002", name="西湖街道", level=street.level, parent=street.parent)
    assert post_json(client, URL, intake_body(region="990102002"), headers=headers).status_code == 201
