"""Petitioners follow, rate and contest their case with the number and query code: no account needed."""

import pytest
from django.core.cache import cache

from minsheng.api.tests.clients import (
    bearer,
    intake_body,
    post_json,
)
from minsheng.audit.chain import verify
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import S

pytestmark = pytest.mark.django_db

ANSWER = {"outcome": "support", "facts": "查明属实", "reasons": "符合规定", "decision": "三日内修复",
          "basis": "物业管理条例"}  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()  # the lookup throttle counts per address across tests otherwise
    yield
    cache.clear()


@pytest.fixture
def staff(client, world):
    def step(persona, number, name, **body):
        url = f"/api/v1/petitions/{number}/steps/{name}"
        response = post_json(client, url, body, headers=bearer(world.users[persona]))
        assert response.status_code == 200, response.content
        return response.json()

    return step


@pytest.fixture
def receipt(client, clerk):
    return post_json(client, "/api/v1/petitions", intake_body(), headers=bearer(clerk)).json()


@pytest.fixture
def answered(world, staff, receipt):
    number = receipt["number"]
    staff("clerk", number, "assign", unit=world.units["housing"].pk)
    staff("handler", number, "accept")
    staff("handler", number, "answer", **ANSWER)
    return receipt


def track(client, receipt, path="", **extra):
    body = {"number": receipt["number"], "code": receipt["query_code"], **extra}
    return post_json(client, f"/api/v1/track{path}", body)


def test_it_shows_the_petitioner_the_progress_of_a_new_case(client, receipt):
    response = track(client, receipt)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == S.REGISTERED and body["unit"] is None
    assert body["due_at"] and body["answer"] is None and body["actions"] == []


def test_it_accepts_the_code_in_lower_case_and_the_number_with_spaces(client, receipt):
    body = {"number": f" {receipt['number'].lower()} ", "code": receipt["query_code"].lower()}
    assert post_json(client, "/api/v1/track", body).status_code == 200


def test_it_gives_one_answer_for_a_wrong_number_and_a_wrong_code(client, receipt):
    wrong_code = post_json(client, "/api/v1/track", {"number": receipt["number"], "code": "AAAAAAAA"})
    wrong_number = post_json(
        client, "/api/v1/track", {"number": "XF2026-999999", "code": receipt["query_code"]}
    )
    assert wrong_code.status_code == wrong_number.status_code == 404
    assert wrong_code.json() == wrong_number.json()
    assert wrong_code.json()["code"] == "not_found"


def test_it_refuses_rating_and_review_with_a_wrong_code(client, answered):
    wrong = {**answered, "query_code": "AAAAAAAA"}
    assert track(client, wrong, "/rate", rating="satisfied").status_code == 404
    assert track(client, wrong, "/review", reason="不服").status_code == 404
    assert Petition.objects.get(number=answered["number"]).status == S.ANSWERED


def test_it_shows_the_answer_and_lets_the_petitioner_rate_it(client, world, answered):
    body = track(client, answered).json()
    assert body["unit"] == world.units["housing"].name
    assert body["answer"]["outcome"] == "support" and body["answer"]["decision"] == "三日内修复"
    assert set(body["actions"]) == {"rate", "review"}
    rated = track(client, answered, "/rate", rating="basically", comment="基本解决")
    assert rated.status_code == 200
    assert rated.json()["status"] == S.RATED and rated.json()["rating"] == "basically"
    assert rated.json()["actions"] == ["review"]


def test_it_refuses_an_unknown_rating(client, answered):
    response = track(client, answered, "/rate", rating="meh")
    assert response.status_code == 400
    assert "rating" in response.json()["errors"]


def test_it_refuses_rating_before_there_is_an_answer(client, receipt):
    response = track(client, receipt, "/rate", rating="satisfied")
    assert response.status_code == 409


def test_it_takes_review_then_re_review_to_a_final_decision(client, world, staff, answered):
    number = answered["number"]
    reviewing = track(client, answered, "/review", reason="灯仍未修复")
    assert reviewing.status_code == 200 and reviewing.json()["status"] == S.REVIEWING
    assert Petition.objects.get(number=number).review_unit == world.units["city_bureau"]
    staff("city_clerk", number, "decide_review", decision="维持原处理意见")
    re_reviewing = track(client, answered, "/review", reason="不服复查意见")
    assert re_reviewing.json()["status"] == S.RE_REVIEWING
    assert re_reviewing.json()["review_decision"] == "维持原处理意见"
    staff("province_clerk", number, "start_hearing")
    staff("province_clerk", number, "end_hearing")
    final = staff("province_clerk", number, "decide_re_review", decision="维持")
    assert final["status"] == S.FINAL
    body = track(client, answered).json()
    assert body["status"] == S.FINAL and body["re_review_decision"] == "维持" and body["actions"] == []
    assert verify().ok


def test_it_refuses_a_review_without_a_reason(client, answered):
    response = track(client, answered, "/review", reason=" ")
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_it_refuses_a_review_before_there_is_an_answer(client, receipt):
    response = track(client, receipt, "/review", reason="不服")
    assert response.status_code == 409
    assert Petition.objects.get(number=receipt["number"]).status == S.REGISTERED


@pytest.mark.parametrize(
    "body",
    ["{", "[]", {}, {"number": "XF2026-000001"}, {"number": 1, "code": 2}, {"number": "x" * 31, "code": "y"},
     {"number": "XF", "code": "c" * 21}],
)  # fmt: skip
def test_it_answers_bad_lookups_with_400(client, body):
    response = post_json(client, "/api/v1/track", body)
    assert response.status_code == 400
    assert response.json()["detail"]
