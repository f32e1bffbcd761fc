"""POST /api/v1/petitions: clerks register petitions; retries with one key create one case."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minsheng.api.tests.clients import (
    bearer,
    intake_body,
    post_json,
)
from minsheng.audit.models import AuditEvent
from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.services import query_code_of
from minsheng.petitions.workflow import Clock, S
from minsheng.testing import valid_intake

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions"


def test_it_lets_a_clerk_register_a_petition_at_her_bureau(client, world, clerk):
    response = post_json(client, URL, intake_body(), headers=bearer(clerk))
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {
        "number",
        "query_code",
        "status",
        "due_at",
        "due_clock",
        "created",
        "manual_routing",
        "similar",
    }
    assert body["created"] is True and body["status"] == S.REGISTERED and body["due_clock"] == Clock.ROUTE
    petition = Petition.objects.get(number=body["number"])
    assert petition.intake_unit == world.units["bureau"]
    assert query_code_of(petition) == body["query_code"]
    assert AuditEvent.objects.filter(action="petitions.petition.registered").count() == 1


@pytest.mark.parametrize("persona", ["handler", "head", "outsider", "leader", "citizen"])
def test_it_refuses_registration_to_anyone_but_a_bureau_clerk(client, world, persona):
    response = post_json(client, URL, intake_body(), headers=bearer(world.users[persona]))
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert not Petition.objects.exists()


def test_it_refuses_registration_without_credentials(client, world):
    assert post_json(client, URL, intake_body()).status_code == 401
    assert not Petition.objects.exists()


def test_it_registers_at_the_bureau_nearest_above_the_matters_area(client, world, city_clerk):
    response = post_json(client, URL, intake_body(), headers=bearer(city_clerk))
    assert Petition.objects.get(number=response.json()["number"]).intake_unit == world.units["city_bureau"]


def test_it_creates_one_case_for_retries_with_the_same_idempotency_key(client, world, clerk):
    headers = {**bearer(clerk), "Idempotency-Key": "intake-7f3a"}
    first = post_json(client, URL, intake_body(), headers=headers)
    again = post_json(client, URL, intake_body(), headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["created"] is False
    assert again.json()["number"] == first.json()["number"]
    assert again.json()["query_code"] == first.json()["query_code"]
    assert Petition.objects.count() == 1


def test_it_creates_separate_cases_without_a_key_or_with_another_key(client, world, clerk):
    headers = bearer(clerk)
    post_json(client, URL, intake_body(), headers=headers)
    post_json(client, URL, intake_body(), headers=headers)
    post_json(client, URL, intake_body(), headers={**headers, "Idempotency-Key": "a"})
    post_json(client, URL, intake_body(), headers={**headers, "Idempotency-Key": "b"})
    assert Petition.objects.count() == 4


def test_it_does_not_reveal_another_bureaus_case_through_its_idempotency_key(client, world, clerk):
    post_json(client, URL, intake_body(), headers={**bearer(clerk), "Idempotency-Key": "shared"})
    other = {**bearer(world.users["other_clerk"]), "Idempotency-Key": "shared"}
    response = post_json(client, URL, intake_body(region="990103"), headers=other)
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert "query_code" not in response.json()
    assert Petition.objects.count() == 1


def test_it_refuses_an_idempotency_key_over_100_characters(client, world, clerk):
    response = post_json(client, URL, intake_body(), headers={**bearer(clerk), "Idempotency-Key": "k" * 101})
    assert response.status_code == 400
    assert not Petition.objects.exists()


def test_it_accepts_an_anonymous_report_naming_the_accused_unit(client, world, clerk):
    body = intake_body(kind="report", anonymous=True, petitioner=None, accused_unit=world.units["housing"].pk)
    response = post_json(client, URL, body, headers=bearer(clerk))
    assert response.status_code == 201
    petition = Petition.objects.get(number=response.json()["number"])
    assert petition.is_anonymous and petition.petitioner is None
    assert petition.accused_unit == world.units["housing"]


def test_it_registers_a_collective_visit_with_representatives(client, world, clerk):
    reps = [{"name": f"代表{i}", "address": "东湖街道"} for i in range(3)]
    body = intake_body(channel="visit", headcount=12, representatives=reps)
    response = post_json(client, URL, body, headers=bearer(clerk))
    assert response.status_code == 201
    petition = Petition.objects.get(number=response.json()["number"])
    assert petition.is_collective and petition.representatives.count() == 3


def _bad_bodies():
    huge = "长" * 100_000
    return [
        ("not json", "{", "invalid_json"),
        ("an array", "[]", "invalid"),
        ("null", "null", "invalid"),
        ("a string", '"petition"', "invalid"),
        ("empty object", {}, "invalid"),
        ("unknown channel", intake_body(channel="pigeon"), "invalid"),
        ("unknown kind", intake_body(kind="gossip"), "invalid"),
        ("title too long", intake_body(title="标" * 121), "invalid"),
        ("huge facts", intake_body(facts=huge), "invalid"),
        ("huge name", intake_body(petitioner={"name": huge, "address": "x"}), "invalid"),
        ("huge region", intake_body(region=huge), "invalid"),
        ("unknown region", intake_body(region="000000"), "invalid"),
        ("unknown category", intake_body(category="99"), "invalid"),
        ("unknown accused unit", intake_body(accused_unit=10**12), "invalid"),
        ("accused unit too large", intake_body(accused_unit=10**30), "invalid"),
        ("headcount a string", intake_body(headcount="many"), "invalid"),
        ("headcount zero", intake_body(headcount=0), "invalid"),
        ("headcount overflow", intake_body(headcount=10**20), "invalid"),
        ("title a number", intake_body(title=42), "invalid"),
        ("petitioner a list", intake_body(petitioner=["王小明"]), "invalid"),
        ("representatives an object", intake_body(representatives={"name": "x"}), "invalid"),
        (
            "six representatives",
            intake_body(representatives=[{"name": f"代表{i}"} for i in range(6)]),
            "invalid",
        ),
        ("blank title", intake_body(title="   "), "invalid"),
        ("no petitioner", intake_body(petitioner=None), "invalid"),
        ("anonymous request", intake_body(anonymous=True), "invalid"),
        (
            "bad id number",
            intake_body(petitioner={"name": "王", "address": "x", "id_number": "123"}),
            "invalid",
        ),
        ("bad phone", intake_body(petitioner={"name": "王", "address": "x", "phone": "12"}), "invalid"),
        ("NUL in text", '{"title": "\\u0000"}', "invalid_json"),
        ("lone surrogate", '{"title": "\\udc00"}', "invalid_json"),
        ("deep nesting", "[" * 5000 + "]" * 5000, "invalid_json"),
    ]


@pytest.mark.parametrize(("label", "body", "code"), _bad_bodies(), ids=[b[0] for b in _bad_bodies()])
def test_it_answers_bad_input_with_400_and_a_message(client, world, clerk, label, body, code):
    response = post_json(client, URL, body, headers=bearer(clerk))
    assert response.status_code == 400, response.content
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert not Petition.objects.exists()


def test_it_adds_only_its_own_lookups_to_the_intake_services_queries(client, world, clerk, now):
    headers = bearer(clerk)
    post_json(client, URL, intake_body(), headers=headers)  # the person and the year's counter exist now
    with CaptureQueriesContext(connection) as direct:
        services.petition_submit(
            intake=valid_intake(world), actor=clerk, now=now, intake_unit=world.units["bureau"],
            idempotency_key="direct",
        )  # fmt: skip
    with CaptureQueriesContext(connection) as through_api:
        response = post_json(client, URL, intake_body(), headers={**headers, "Idempotency-Key": "api"})
    assert response.status_code == 201
    # The token with its user, the clerk's bureaus, the region, the category, and the near-duplicate
    # lookup (the index, then the cases the clerk may see): nothing else.
    assert len(through_api) - len(direct) <= 6
