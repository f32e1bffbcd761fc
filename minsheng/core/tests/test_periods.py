"""Statutory periods on the real 2026 calendar (国办发明电〔2025〕7号, as shipped by chinese-calendar).

Every expected date below was read from the notice and checked against the package in
``test_it_uses_the_2026_arrangement_of_the_state_council_notice``.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from minsheng.core.calendar import OfficialCalendar, from_chinese_calendar_package
from minsheng.core.periods import CHINA, Period, add_days, add_hours, add_workdays, days, hours, workdays

CAL = from_chinese_calendar_package()

HOLIDAYS_2026 = {
    "元旦": (date(2026, 1, 1), date(2026, 1, 3)),
    "春节": (date(2026, 2, 15), date(2026, 2, 23)),
    "清明节": (date(2026, 4, 4), date(2026, 4, 6)),
    "劳动节": (date(2026, 5, 1), date(2026, 5, 5)),
    "端午节": (date(2026, 6, 19), date(2026, 6, 21)),
    "中秋节": (date(2026, 9, 25), date(2026, 9, 27)),
    "国庆节": (date(2026, 10, 1), date(2026, 10, 7)),
}
MAKEUP_2026 = [
    date(2026, 1, 4),  # Sunday, 元旦
    date(2026, 2, 14),  # Saturday, 春节
    date(2026, 2, 28),  # Saturday, 春节
    date(2026, 5, 9),  # Saturday, 劳动节
    date(2026, 9, 20),  # Sunday, 国庆节
    date(2026, 10, 10),  # Saturday, 国庆节
]


def _span(first, last):
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


def test_it_uses_the_2026_arrangement_of_the_state_council_notice():
    expected = set().union(*(_span(a, b) for a, b in HOLIDAYS_2026.values()))
    assert {d for d in CAL.holidays if d.year == 2026} == expected
    assert sorted(d for d in CAL.makeup_workdays if d.year == 2026) == MAKEUP_2026
    assert all(d.weekday() >= 5 for d in MAKEUP_2026)


@pytest.mark.parametrize(
    ("start", "n", "due", "why"),
    [
        (date(2026, 3, 11), 1, date(2026, 3, 12), "the trigger day is not counted"),
        (date(2026, 3, 11), 15, date(2026, 3, 26), "an ordinary Thursday"),
        (date(2026, 3, 11), 3, date(2026, 3, 16), "Saturday 03-14 rolls to Monday"),
        (date(2026, 2, 10), 5, date(2026, 2, 24), "02-15 is 春节: rolls past 02-23 to Tuesday 02-24"),
        (date(2026, 2, 1), 15, date(2026, 2, 24), "15 days from 02-01 end on 02-16, inside 春节"),
        (date(2026, 2, 9), 5, date(2026, 2, 14), "Saturday 02-14 is a make-up working day: stays"),
        (date(2026, 2, 13), 15, date(2026, 2, 28), "Saturday 02-28 is a make-up working day: stays"),
        (date(2025, 12, 27), 5, date(2026, 1, 4), "元旦 01-01..03, then make-up Sunday 01-04"),
        (date(2026, 4, 30), 1, date(2026, 5, 6), "劳动节 05-01..05 rolls to Wednesday 05-06"),
        (date(2026, 4, 24), 15, date(2026, 5, 9), "Saturday 05-09 is a make-up working day"),
        (date(2026, 8, 2), 60, date(2026, 10, 8), "60 days end on 10-01, 国庆节: rolls to 10-08"),
        (date(2026, 9, 10), 15, date(2026, 9, 28), "15 days end on 09-25, 中秋节: rolls to Monday 09-28"),
        (date(2026, 9, 5), 14, date(2026, 9, 20), "Saturday 09-19 rolls to make-up Sunday 09-20"),
        (date(2026, 9, 4), 16, date(2026, 9, 20), "Sunday 09-20 as the last day is a working day: stays"),
    ],
)
def test_it_counts_calendar_days_by_the_civil_code(start, n, due, why):
    result = add_days(start, n, CAL)
    assert result.due == due, why
    assert result.due_at == datetime(due.year, due.month, due.day, 23, 59, 59, tzinfo=CHINA)
    assert result.warnings == []


@pytest.mark.parametrize(
    ("start", "n", "due", "why"),
    [
        (date(2026, 3, 11), 5, date(2026, 3, 18), "Wednesday + 5 working days skips one weekend"),
        (date(2026, 3, 13), 1, date(2026, 3, 16), "Friday + 1 working day is Monday"),
        (date(2026, 2, 12), 5, date(2026, 2, 26), "02-13, make-up 02-14, then 02-24, 25, 26"),
        (date(2026, 2, 13), 5, date(2026, 2, 27), "objection period across 春节: 02-14, 24, 25, 26, 27"),
        (date(2026, 2, 25), 3, date(2026, 2, 28), "make-up Saturday 02-28 counts"),
        (date(2025, 12, 31), 1, date(2026, 1, 4), "元旦, then make-up Sunday 01-04"),
        (date(2026, 4, 30), 4, date(2026, 5, 9), "05-06, 07, 08 and make-up Saturday 05-09"),
        (date(2026, 9, 30), 3, date(2026, 10, 10), "国庆节: 10-08, 10-09, make-up Saturday 10-10"),
        (date(2026, 9, 18), 2, date(2026, 9, 21), "make-up Sunday 09-20 counts, then Monday"),
        (date(2026, 9, 24), 1, date(2026, 9, 28), "中秋节 09-25..27 are skipped"),
    ],
)
def test_it_counts_working_days_skipping_holidays_and_counting_makeup_days(start, n, due, why):
    result = add_workdays(start, n, CAL)
    assert result.due == due, why
    assert result.warnings == []


def test_it_gives_five_working_days_to_object_across_the_spring_festival():
    # Assigned on the last working Friday before 春节, in the afternoon.
    assigned = datetime(2026, 2, 13, 16, 30, tzinfo=CHINA)
    deadline = workdays(5).due(assigned, CAL)
    assert deadline.due == date(2026, 2, 27)
    assert deadline.due_at == datetime(2026, 2, 27, 23, 59, 59, tzinfo=CHINA)
    # The same five days as calendar days would already have ended inside the holiday.
    assert days(5).due(assigned, CAL).due == date(2026, 2, 24)


def test_it_counts_hours_from_the_exact_moment_whatever_the_holidays():
    start = datetime(2026, 2, 14, 22, 30, tzinfo=CHINA)
    result = add_hours(start, 24, CAL)
    assert result.due_at == datetime(2026, 2, 15, 22, 30, tzinfo=CHINA)
    assert result.due == date(2026, 2, 15)  # a holiday: hour periods do not roll
    assert hours(2).due(start, CAL).due_at == datetime(2026, 2, 15, 0, 30, tzinfo=CHINA)


def test_it_takes_the_start_day_in_china_time():
    # 17:00 UTC on 02-12 is already 01:00 on 02-13 in China.
    start = datetime(2026, 2, 12, 17, 0, tzinfo=ZoneInfo("UTC"))
    assert workdays(5).due(start, CAL).due == date(2026, 2, 27)
    assert days(1).due(start, CAL).due == date(2026, 2, 14)


@pytest.mark.parametrize(
    ("adder", "start", "n"),
    [
        (add_days, date(2026, 12, 20), 15),
        (add_days, date(2026, 12, 31), 1),
        (add_workdays, date(2026, 12, 28), 5),
        (add_days, date(2027, 3, 1), 10),
    ],
)
def test_it_warns_loudly_when_a_period_reaches_a_year_without_an_official_calendar(adder, start, n):
    result = adder(start, n, CAL)
    assert result.due.year == 2027
    assert len(result.warnings) == 1
    assert "2027" in result.warnings[0]


def test_it_does_not_warn_inside_2026():
    for start in (date(2026, 1, 5), date(2026, 6, 1), date(2026, 11, 20)):
        assert add_days(start, 30, CAL).warnings == []
        assert add_workdays(start, 20, CAL).warnings == []


def test_it_counts_only_weekends_in_a_year_without_a_calendar():
    # Without 2027's notice, 01-01 2027 (a Friday) looks like a working day: hence the warning.
    assert add_days(date(2026, 12, 20), 12, CAL).due == date(2027, 1, 1)
    assert add_days(date(2026, 12, 20), 13, CAL).due == date(2027, 1, 4)


def test_it_refuses_negative_periods():
    for adder, start in ((add_days, date(2026, 3, 1)), (add_workdays, date(2026, 3, 1))):
        with pytest.raises(ValueError):
            adder(start, -1, CAL)
    with pytest.raises(ValueError):
        add_hours(datetime(2026, 3, 1, tzinfo=CHINA), -1, CAL)


def test_it_names_periods_as_the_law_does():
    assert str(days(60)) == "60日"
    assert str(workdays(5)) == "5个工作日"
    assert str(hours(2)) == "2小时"
    assert Period("days", 15) == days(15)


def test_it_treats_an_empty_calendar_as_weekends_only_and_says_so():
    empty = OfficialCalendar()
    result = add_days(date(2026, 2, 10), 5, empty)
    assert result.due == date(2026, 2, 16)  # 02-15 is a Sunday
    assert result.warnings
