"""The arithmetic of service time and star levels (pure functions)."""

from datetime import datetime

import pytest

from minsheng.core.periods import CHINA
from minsheng.volunteers.service import codes, hours

STARS = (100, 300, 600, 1000, 1500)


def t(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=CHINA)


def test_it_counts_a_night_shift_across_midnight():
    assert hours.served_minutes(t(11, 22), t(12, 2), window_start=t(11, 22), window_end=t(12, 2)) == 240


def test_it_does_not_count_early_arrival_or_late_leaving():
    assert (
        hours.served_minutes(t(11, 8, 30), t(11, 12, 40), window_start=t(11, 9), window_end=t(11, 12)) == 180
    )


def test_it_counts_only_the_part_served_when_leaving_early():
    assert (
        hours.served_minutes(t(11, 9, 15), t(11, 10, 45), window_start=t(11, 9), window_end=t(11, 12)) == 90
    )


def test_it_counts_nothing_outside_the_window():
    assert hours.served_minutes(t(11, 13), t(11, 14), window_start=t(11, 9), window_end=t(11, 12)) == 0


def test_it_rounds_started_minutes_down():
    assert hours.served_minutes(t(11, 9), datetime(2026, 3, 11, 9, 1, 59, tzinfo=CHINA)) == 1


def test_it_counts_without_a_window_from_check_in_to_check_out():
    assert hours.served_minutes(t(11, 23, 30), t(12, 1, 0)) == 90


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((9, 12), (11, 13), True),
        ((9, 12), (12, 14), False),  # back to back is not an overlap
        ((9, None), (13, 14), True),  # still checked in
        ((13, 14), (9, 10), False),
    ],
)
def test_it_tells_overlapping_intervals(a, b, expected):
    def span(x):
        return t(11, x[0]), t(11, x[1]) if x[1] is not None else None

    assert hours.overlaps(*span(a), *span(b)) is expected


@pytest.mark.parametrize(
    ("h", "stars"),
    [(0, 0), (99.98, 0), (100, 1), (299, 1), (300, 2), (600, 3), (999, 3), (1000, 4), (1500, 5), (9000, 5)],
)
def test_it_gives_stars_by_cumulative_hours(h, stars):
    assert hours.stars_for(round(h * 60), STARS) == stars


def test_it_tells_how_far_the_next_star_is():
    assert hours.next_star(0, STARS) == (1, 100)
    assert hours.next_star(100 * 60, STARS) == (2, 200)
    assert hours.next_star(299 * 60 + 1, STARS) == (2, 1)
    assert hours.next_star(1500 * 60, STARS) is None


def test_it_makes_unguessable_codes_without_look_alike_letters():
    made = {codes.new_code() for _ in range(200)}
    assert len(made) == 200
    assert all(len(c) == 12 and not set(c) & set("0O1IL2Z5S") for c in made)
    assert codes.normalize(" abcd-efgh jkmn ") == "ABCDEFGHJKMN"
    assert codes.grouped("ABCDEFGHJKMN") == "ABCD-EFGH-JKMN"
