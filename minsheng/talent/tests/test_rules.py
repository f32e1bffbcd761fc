"""The registration and continuing-education rules, on real dates."""

from datetime import date
from decimal import Decimal

import pytest

from minsheng.core.errors import DomainError
from minsheng.talent import rules


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 5, 31), -3, date(2026, 2, 28)),
        (date(2026, 3, 11), -3, date(2025, 12, 11)),
    ],
)
def test_it_adds_calendar_months_falling_back_to_the_month_end(day, months, expected):
    assert rules.add_months(day, months) == expected


def test_it_accepts_a_first_registration_on_the_last_day_of_the_year():
    assert rules.registration_deadline(date(2025, 3, 11)) == date(2026, 3, 11)
    assert (
        rules.check_first_registration(passed_on=date(2025, 3, 11), registered_on=date(2026, 3, 11)) is False
    )


def test_it_refuses_a_first_registration_a_day_late_without_an_explanation():
    with pytest.raises(DomainError) as e:
        rules.check_first_registration(passed_on=date(2025, 3, 11), registered_on=date(2026, 3, 12))
    assert e.value.code == "late"
    assert "2026-03-11" in str(e.value.message)


def test_it_keeps_an_explained_late_registration_flagged():
    assert rules.check_first_registration(
        passed_on=date(2025, 3, 11), registered_on=date(2026, 3, 12), late_reason="出国学习"
    )


def test_it_refuses_registering_before_passing():
    with pytest.raises(DomainError):
        rules.check_first_registration(passed_on=date(2025, 3, 11), registered_on=date(2025, 3, 10))


def test_it_keeps_a_registration_valid_three_years_inclusive():
    until = rules.valid_until(date(2023, 3, 11))
    assert until == date(2026, 3, 11)
    assert not rules.is_expired(until, date(2026, 3, 11))
    assert rules.is_expired(until, date(2026, 3, 12))


@pytest.mark.parametrize(
    ("today", "allowed"),
    [
        (date(2025, 12, 10), False),  # a day before the window
        (date(2025, 12, 11), True),  # the window opens 3 months before the end
        (date(2026, 3, 11), True),  # the last day of validity
        (date(2026, 3, 12), False),  # lapsed: re-register instead
    ],
)
def test_it_allows_renewal_only_in_the_last_three_months(today, allowed):
    until = date(2026, 3, 11)
    if allowed:
        assert rules.check_renewal(until=until, today=today) == date(2026, 3, 12)
    else:
        with pytest.raises(DomainError) as e:
            rules.check_renewal(until=until, today=today)
        if today < until:
            assert "2025-12-11" in str(e.value.message)  # says when it opens


def test_it_requires_72_hours_of_an_assistant_and_90_of_the_others():
    assert rules.required_hours("assistant") == 72
    assert rules.required_hours("intermediate") == 90
    assert rules.required_hours("senior") == 90


def test_it_counts_a_degree_once_as_90_hours_whatever_its_hours():
    records = [("degree", Decimal(0)), ("degree", Decimal(300)), ("training", Decimal("12.5"))]
    assert rules.credited_hours(records) == Decimal("102.5")
    assert rules.progress("intermediate", [("degree", Decimal(10))]).met


def test_it_reports_the_shortfall():
    p = rules.progress("assistant", [("training", Decimal(40)), ("online", Decimal(12))])
    assert (p.done, p.required, p.shortfall, p.met) == (Decimal(52), 72, Decimal(20), False)
    assert p.percent == 72


def test_it_computes_per_10000_and_nothing_without_a_population():
    assert rules.per_10k(42, 420_000) == Decimal("1.00")
    assert rules.per_10k(7, 30_000) == Decimal("2.33")
    assert rules.per_10k(5, None) is None
    assert rules.per_10k(5, 0) is None
