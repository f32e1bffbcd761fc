"""GET /api/v1/calendar/deadline: the statutory counting rule on the official calendar, for anyone."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/calendar/deadline"


@pytest.mark.parametrize(
    ("start", "days", "mode", "due"),
    [
        # Mid-Autumn/National Day 2026: Oct 1–7 off, so a last day inside the holiday rolls to Oct 8.
        ("2026-09-30", 1, "calendar", "2026-10-08"),
        # Saturday 2026-02-14 is a 调休 make-up working day: the period ends on it.
        ("2026-02-13", 1, "calendar", "2026-02-14"),
        # Spring Festival 2026 (Feb 15–23 off): Feb 14 counts, the holiday does not.
        ("2026-02-13", 3, "workdays", "2026-02-25"),
        ("2026-02-12", 5, "workdays", "2026-02-26"),
        # Saturday 2026-10-10 is a make-up working day too.
        ("2026-10-09", 1, "workdays", "2026-10-10"),
        # A plain weekend: Saturday's deadline moves to Monday.
        ("2026-03-13", 1, "calendar", "2026-03-16"),
        ("2026-03-11", 0, "calendar", "2026-03-11"),
    ],
)
def test_it_counts_periods_on_the_official_calendar(client, start, days, mode, due):
    response = client.get(URL, {"start": start, "days": days, "mode": mode})
    assert response.status_code == 200
    assert response.json() == {"start": start, "days": days, "mode": mode, "due": due, "warnings": []}


def test_it_counts_calendar_days_when_no_mode_is_given(client):
    response = client.get(URL, {"start": "2026-09-30", "days": 1})
    assert response.json()["mode"] == "calendar"
    assert response.json()["due"] == "2026-10-08"


def test_it_warns_when_the_period_reaches_a_year_without_an_official_calendar(client):
    body = client.get(URL, {"start": "2026-12-20", "days": 30}).json()
    assert body["due"] == "2027-01-19"
    assert len(body["warnings"]) == 1
    assert "2027" in body["warnings"][0] and "周末" in body["warnings"][0]


def test_it_needs_no_login(client):
    assert client.get(URL, {"start": "2026-03-11", "days": 15}).status_code == 200


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"days": 1}, "start"),
        ({"start": "2026-03-11"}, "days"),
        ({"start": "2026-02-30", "days": 1}, "start"),
        ({"start": "tomorrow", "days": 1}, "start"),
        ({"start": "2026-03-11", "days": -1}, "days"),
        ({"start": "2026-03-11", "days": 3651}, "days"),
        ({"start": "2026-03-11", "days": "ten"}, "days"),
        ({"start": "2026-03-11", "days": "9" * 40}, "days"),
        ({"start": "2026-03-11", "days": 1, "mode": "hours"}, "mode"),
        ({"start": "0001-01-01", "days": 1}, "start"),
        ({"start": "9999-12-31", "days": 3650}, "start"),
    ],
)
def test_it_answers_bad_parameters_with_400_and_a_message(client, query, field):
    response = client.get(URL, query)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["errors"]
    assert body["detail"]
