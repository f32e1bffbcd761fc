"""The work queue, a case's detail and its steps through the API, for each persona."""

import pytest

from minsheng.api.tests.clients import (
    bearer,
    intake_body,
    post_json,
)
from minsheng.people.masking import mask_name
from minsheng.petitions import workflow
from minsheng.petitions.apis import STEP_SERVICES
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import Kind, S

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions"


@pytest.fixture
def api(client, world):
    """``api(persona)`` → a small caller holding that persona's bearer token."""

    class Caller:
        def __init__(self, user):
            self.headers = bearer(user)

        def get(self, path, query=None):
            return client.get(URL + path, query or {}, headers=self.headers)

        def post(self, path, body=None):
            return post_json(client, URL + path, body if body is not None else {}, headers=self.headers)

        def step(self, number, step, **body):
            return self.post(f"/{number}/steps/{step}", body)

    return lambda persona: Caller(world.users[persona])


@pytest.fixture
def case(api):
    """A registered case, filed by the county clerk through the API."""
    return api("clerk").post("", intake_body()).json()["number"]


@pytest.fixture
def assigned(api, world, case):
    assert api("clerk").step(case, "assign", unit=world.units["housing"].pk).status_code == 200
    return case


def test_it_lists_the_clerks_open_cases_with_masked_names(api, case):
    body = api("clerk").get("").json()
    assert [item["number"] for item in body["items"]] == [case]
    assert body["items"][0]["petitioner"] == mask_name("王小明")
    assert "王小明" not in str(body)


def test_it_hides_cases_from_units_they_were_not_routed_to(api, case):
    for persona in ("outsider", "handler", "other_clerk"):
        assert api(persona).get("").json()["items"] == []
        assert api(persona).get(f"/{case}").status_code == 404
        assert api(persona).step(case, "assign", unit=1).status_code == 404


def test_it_shows_an_assigned_case_to_the_handling_unit_only(api, assigned):
    assert api("handler").get(f"/{assigned}").status_code == 200
    assert api("outsider").get(f"/{assigned}").status_code == 404


def test_it_shows_a_masked_identity_and_the_allowed_steps(api, case):
    detail = api("clerk").get(f"/{case}").json()
    assert detail["petitioner"]["name"] == mask_name("王小明")
    assert "王小明" not in str(detail)
    assert detail["petitioner"]["id_number"] == "*" * 18
    assert "query_code" not in detail
    assert {"assign", "forward", "decline"} <= set(detail["allowed_steps"])
    assert "accept" not in detail["allowed_steps"]


def test_it_offers_the_handler_the_steps_of_her_role(api, assigned):
    steps = set(api("handler").get(f"/{assigned}").json()["allowed_steps"])
    assert {"accept", "object"} <= steps
    assert "extend" not in steps  # the head's step


def test_it_hides_the_petitioner_from_the_accused_unit(api, world):
    number = api("clerk").post("", intake_body(accused_unit=world.units["housing"].pk)).json()["number"]
    api("clerk").step(number, "assign", unit=world.units["housing"].pk)
    detail = api("handler").get(f"/{number}").json()
    assert detail["petitioner"] is None
    assert api("handler").get("").json()["items"][0]["petitioner"] is None


def test_it_never_shows_a_report_to_the_unit_it_accuses(api, world):
    body = intake_body(kind=Kind.REPORT, accused_unit=world.units["housing"].pk)
    number = api("clerk").post("", body).json()["number"]
    api("clerk").step(number, "assign", unit=world.units["discipline"].pk)
    assert api("handler").get(f"/{number}").status_code == 404
    assert api("discipline_handler").get(f"/{number}").status_code == 200


def test_it_maps_every_workflow_step_but_the_systems_close_to_a_service():
    assert set(STEP_SERVICES) == {s.name for s in workflow.STEPS} - {"close"}


@pytest.mark.parametrize("step", ["close", "fly", "ACCEPT", "../accept"])
def test_it_answers_404_for_a_step_that_is_not_offered(api, case, step):
    response = api("clerk").step(case, step)
    assert response.status_code == 404


def test_it_answers_409_when_the_workflow_refuses_the_step(api, case, assigned):
    wrong_state = api("clerk").step(case, "decline", reason="重复")
    assert wrong_state.status_code == 409
    assert wrong_state.json()["code"] == "wrong_state"
    wrong_role = api("handler").step(assigned, "extend", days=10, reason="需勘查")
    assert wrong_role.status_code == 409
    assert Petition.objects.get(number=assigned).status == S.ASSIGNED


@pytest.mark.parametrize(
    ("step", "body", "field"),
    [
        ("assign", {}, "unit"),
        ("assign", {"unit": 10**12}, "unit"),
        ("assign", {"unit": "housing"}, "unit"),
        ("redirect", {"legal_channel": "court", "note": "x"}, "legal_channel"),
        ("redirect", {"legal_channel": "litigation"}, "note"),
        ("decline", {"reason": " "}, "reason"),
        ("link_repeat", {"original": "XF2026-999999"}, "original"),
        ("assign", {"unit": 1, "note": "长" * 20001}, "note"),
    ],
)
def test_it_answers_400_for_a_step_body_the_step_cannot_use(api, case, step, body, field):
    response = api("clerk").step(case, step, **body)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Petition.objects.get(number=case).status == S.REGISTERED


def test_it_refuses_an_extension_beyond_30_days(api, assigned):
    api("handler").step(assigned, "accept")
    response = api("head").step(assigned, "extend", days=31, reason="需勘查")
    assert response.status_code == 400
    assert response.json()["errors"] == {"days": "延期天数应为1至30日。"}


def test_it_links_a_repeat_of_a_case_in_handling(api, world, assigned):
    repeat = api("clerk").post("", intake_body()).json()["number"]
    response = api("clerk").step(repeat, "link_repeat", original=assigned)
    assert response.status_code == 200
    assert response.json()["status"] == S.NOT_ACCEPTED
    assert response.json()["repeat_of"] == assigned


def test_it_takes_a_case_from_assignment_to_an_answer(api, world, assigned):
    assert api("handler").step(assigned, "accept").json()["status"] == S.ACCEPTED
    extended = api("head").step(assigned, "extend", days=10, reason="需现场勘查")
    assert extended.json()["status"] == S.EXTENDED and extended.json()["extension_days"] == 10
    answer = {"outcome": "support", "facts": "查明属实", "reasons": "符合规定", "decision": "三日内修复",
              "basis": "物业管理条例"}  # fmt: skip
    answered = api("handler").step(assigned, "answer", **answer)
    assert answered.status_code == 200
    assert answered.json()["status"] == S.ANSWERED and answered.json()["outcome"] == "support"


def test_it_filters_and_pages_the_queue(api, world, case):
    second = api("clerk").post("", intake_body(title="另一件")).json()["number"]
    first_page = api("clerk").get("", {"limit": 1}).json()
    assert len(first_page["items"]) == 1 and first_page["next_offset"] == 1
    second_page = api("clerk").get("", {"limit": 1, "offset": 1}).json()
    assert second_page["next_offset"] is None
    assert {first_page["items"][0]["number"], second_page["items"][0]["number"]} == {case, second}
    assert api("clerk").get("", {"state": "accepted"}).json()["items"] == []
    assert [i["number"] for i in api("clerk").get("", {"q": second}).json()["items"]] == [second]
    assert api("clerk").get("", {"state": "", "due": ""}).status_code == 200
    assert api("clerk").get("", {"due": "overdue"}).json()["items"] == []


@pytest.mark.parametrize(
    "query",
    [{"state": "lost"}, {"due": "yesterday"}, {"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "x"},
     {"q": "q" * 101}],
)  # fmt: skip
def test_it_answers_400_for_bad_queue_parameters(api, case, query):
    response = api("clerk").get("", query)
    assert response.status_code == 400
    assert response.json()["detail"]
