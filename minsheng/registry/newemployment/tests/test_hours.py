from datetime import datetime, time

import pytest

from minsheng.core.periods import CHINA
from minsheng.registry.newemployment.hours import describe_days, is_open, parse_days


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("每天", "1234567"),
        ("", "1234567"),
        ("周一至周五", "12345"),
        ("1-5", "12345"),
        ("周六、周日", "67"),
        ("135", "135"),
        ("星期一到星期六", "123456"),
    ],
)
def test_it_reads_opening_days_as_staff_type_them(typed, days):
    assert parse_days(typed) == days


@pytest.mark.parametrize("typed", ["周五至周一", "工作日吧", "8"])
def test_it_refuses_days_it_cannot_read(typed):
    with pytest.raises(ValueError):
        parse_days(typed)


def test_it_describes_days_in_words():
    assert describe_days("12345") == "周一至周五"
    assert describe_days("67") == "周六、周日"


def at(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=CHINA)  # 2026-03-09 is a Monday


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(11, 7, 59), False),
        (at(11, 8, 0), True),
        (at(11, 19, 59), True),
        (at(11, 20, 0), False),
        (at(14, 10), False),  # Saturday
    ],
)
def test_it_knows_a_weekday_station_is_open(moment, expected):
    assert is_open(at=moment, days="12345", opens=time(8), closes=time(20)) is expected


def test_it_counts_a_window_past_midnight_for_the_day_it_started():
    night = dict(days="5", opens=time(20), closes=time(2))  # Friday evening only
    assert is_open(at=at(13, 23), **night)  # Friday 23:00
    assert is_open(at=at(14, 1, 30), **night)  # Saturday 01:30, still Friday's window
    assert not is_open(at=at(14, 21), **night)  # Saturday evening
    assert not is_open(at=at(13, 1), **night)  # Friday 01:00 belongs to Thursday


def test_it_is_always_open_when_open_round_the_clock_and_closed_without_hours():
    assert is_open(at=at(14, 3), days="", opens=None, closes=None, always=True)
    assert not is_open(at=at(11, 10), days="1234567", opens=None, closes=None)
