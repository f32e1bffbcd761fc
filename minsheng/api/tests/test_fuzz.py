"""Property: whatever a caller sends, the API answers below 500 (malformed input is the caller's 4xx)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minsheng.api.tests.clients import bearer, intake_body, post_json
from minsheng.petitions.workflow import STEPS

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=50,
    deadline=None,
    database=None,  # no .hypothesis/ directory in the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from(["", " ", "online", "report", "990102001", "03", "2026-02-30", "\x00", "长" * 200])
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = [*intake_body(), "name", "id_number", "phone", "address", "is_organization"]


@st.composite
def petition_bodies(draw):
    """Random objects, and valid bodies with a few fields (or the petitioner's) replaced at random."""
    if draw(st.booleans()):
        return draw(st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), json_values, max_size=8))
    body = intake_body()
    for field in draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3)):
        target = body if field in body else body.setdefault("petitioner", {}) or body
        if isinstance(target, dict):
            target[field] = draw(json_values)
    return body


@FUZZ
@given(body=petition_bodies())
def test_it_never_answers_500_to_a_petition_body(client, world, clerk, body):
    headers = {**bearer(clerk), "Idempotency-Key": "fuzz"} if body.get("headcount") == 7 else bearer(clerk)
    response = post_json(client, "/api/v1/petitions", json.dumps(body), headers=headers)
    assert response.status_code < 500, response.content


@FUZZ
@given(raw=st.binary(max_size=200))
def test_it_never_answers_500_to_raw_bytes(client, world, clerk, raw):
    response = client.post("/api/v1/petitions", raw, content_type="application/json", headers=bearer(clerk))
    assert response.status_code < 500, response.content


calendar_params = st.dictionaries(
    st.sampled_from(["start", "days", "mode"]) | st.text(max_size=6),
    st.text(max_size=30)
    | st.dates().map(str)
    | st.integers(min_value=-(10**6), max_value=10**12).map(str)
    | st.sampled_from(["calendar", "workdays", "hours", "", "2026-12-31", "3650", "3651", "-0"]),
    max_size=4,
)


@FUZZ
@given(params=calendar_params)
def test_it_never_answers_500_to_a_calendar_query(client, params):
    response = client.get("/api/v1/calendar/deadline", params)
    assert response.status_code < 500, response.content


@FUZZ
@given(raw=st.text(alphabet=st.characters(max_codepoint=255), max_size=80))
def test_it_never_answers_500_to_a_raw_calendar_query_string(client, raw):
    response = client.get("/api/v1/calendar/deadline", QUERY_STRING=raw)
    assert response.status_code < 500, response.content


@FUZZ
@given(
    step=st.sampled_from([s.name for s in STEPS]) | st.text(alphabet="abcdefg_", max_size=9),
    body=st.dictionaries(
        st.sampled_from(["unit", "note", "legal_channel", "reason", "original", "days", "outcome", "facts",
                         "reasons", "decision", "basis", "agreement", "rating", "comment"]),
        json_values, max_size=5,
    ),
)  # fmt: skip
def test_it_never_answers_500_to_a_step(client, world, clerk, handler, file_petition, step, body):
    petition = file_petition()
    for user in (clerk, handler):
        url = f"/api/v1/petitions/{petition.number}/steps/{step}"
        response = post_json(client, url, json.dumps(body), headers=bearer(user))
        assert response.status_code < 500, response.content


@FUZZ
@given(body=st.dictionaries(st.sampled_from(["number", "code", "rating", "comment", "reason"]), json_values))
def test_it_never_answers_500_to_a_lookup(client, world, body):
    from django.core.cache import cache

    cache.clear()  # the lookup throttle would answer 429 after a few dozen examples
    for path in ("", "/rate", "/review"):
        response = post_json(client, f"/api/v1/track{path}", json.dumps(body))
        assert response.status_code < 500, response.content
