"""Properties of the period functions that hold for every start, every N and every calendar.

The table tests in ``test_periods.py`` pin real dates; these check the rules of DESIGN §1.2 over
random inputs: the real calendar (chinese-calendar, 2004–2026 and the years without a calendar after
it) and random calendars of holidays and 调休 make-up days.
"""

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from minsheng.core.calendar import OfficialCalendar, from_chinese_calendar_package
from minsheng.core.periods import CHINA, Period, add_days, add_hours, add_workdays, end_of_day

REAL = from_chinese_calendar_package()
PROPERTIES = settings(max_examples=150, deadline=None, database=None)

starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2028, 12, 31))
ns = st.integers(min_value=0, max_value=400)
moments = st.datetimes(
    min_value=datetime(2004, 1, 2), max_value=datetime(2028, 12, 30), timezones=st.just(CHINA)
)


@st.composite
def calendars(draw):
    """The real calendar, or a random one: holidays and make-up days around the years drawn."""
    if draw(st.booleans()):
        return REAL
    days_ = st.dates(min_value=date(2025, 6, 1), max_value=date(2027, 12, 31))
    holidays = draw(st.frozensets(days_, max_size=60))
    makeup = draw(st.frozensets(days_, max_size=10))
    years = draw(st.frozensets(st.integers(min_value=2024, max_value=2028), max_size=5))
    return OfficialCalendar(holidays=holidays, makeup_workdays=makeup, years=years)


random_starts = st.dates(min_value=date(2025, 6, 1), max_value=date(2027, 12, 31))


def _between(first: date, last: date):
    """The days after ``first`` up to and including ``last``."""
    return (first + timedelta(days=i) for i in range(1, (last - first).days + 1))


@PROPERTIES
@given(calendar=calendars(), start=random_starts, n=ns)
def test_it_never_ends_a_natural_day_period_before_its_start_or_its_nth_day(calendar, start, n):
    deadline = add_days(start, n, calendar)
    assert deadline.due >= start + timedelta(days=n) >= start


@PROPERTIES
@given(calendar=calendars(), start=random_starts, n=ns)
def test_it_ends_a_natural_day_period_on_the_first_working_day_from_its_nth_day(calendar, start, n):
    # Civil Code Art. 203 by analogy: only a last day that is a rest day or holiday moves, and only
    # as far as the next working day.
    deadline = add_days(start, n, calendar)
    nth = start + timedelta(days=n)
    assert calendar.is_workday(deadline.due)
    skipped = [nth + timedelta(days=i) for i in range((deadline.due - nth).days)]
    assert not any(calendar.is_workday(day) for day in skipped)
    if calendar.is_workday(nth):
        assert deadline.due == nth


@PROPERTIES
@given(calendar=calendars(), start=random_starts, n=ns.filter(lambda n: n >= 1))
def test_it_counts_exactly_n_working_days_after_the_start_in_working_day_mode(calendar, start, n):
    deadline = add_workdays(start, n, calendar)
    assert deadline.due > start
    assert calendar.is_workday(deadline.due)
    assert sum(calendar.is_workday(day) for day in _between(start, deadline.due)) == n


@PROPERTIES
@given(calendar=calendars(), start=random_starts)
def test_it_ends_a_zero_working_day_period_on_its_start(calendar, start):
    assert add_workdays(start, 0, calendar).due == start


@PROPERTIES
@given(calendar=calendars(), start=random_starts, a=ns, b=ns)
def test_it_is_monotone_in_n(calendar, start, a, b):
    low, high = sorted((a, b))
    assert add_days(start, low, calendar).due <= add_days(start, high, calendar).due
    assert add_workdays(start, low, calendar).due <= add_workdays(start, high, calendar).due
    if low < high:  # each further working day is a later day
        assert add_workdays(start, low, calendar).due < add_workdays(start, high, calendar).due


@PROPERTIES
@given(calendar=calendars(), start=random_starts, a=ns, b=ns)
def test_it_adds_working_days_period_after_period(calendar, start, a, b):
    # 5 working days after the end of 10 working days are 15 working days after the start.
    first = add_workdays(start, a, calendar).due
    assert add_workdays(first, b, calendar).due == add_workdays(start, a + b, calendar).due


@PROPERTIES
@given(calendar=calendars(), start=random_starts, a=ns, b=ns)
def test_it_is_monotone_in_the_start_day(calendar, start, a, b):
    later = start + timedelta(days=b % 30)
    assert add_days(start, a, calendar).due <= add_days(later, a, calendar).due
    assert add_workdays(start, a, calendar).due <= add_workdays(later, a, calendar).due


@PROPERTIES
@given(start=starts, n=ns)
def test_it_ends_every_day_period_at_midnight_china_time(start, n):
    for deadline in (add_days(start, n, REAL), add_workdays(start, n, REAL)):
        assert deadline.due_at == end_of_day(deadline.due)
        assert deadline.due_at.astimezone(CHINA).date() == deadline.due
        assert deadline.due_at.astimezone(CHINA).time() == time(23, 59, 59)


@PROPERTIES
@given(start=starts, n=ns)
def test_it_warns_exactly_when_the_period_reaches_a_year_without_an_official_calendar(start, n):
    for deadline in (add_days(start, n, REAL), add_workdays(start, n, REAL)):
        crosses = any(y not in REAL.years for y in range(start.year, deadline.due.year + 1))
        assert bool(deadline.warnings) == crosses


@PROPERTIES
@given(
    moment=moments,
    n=st.integers(min_value=0, max_value=24 * 400),
)
def test_it_runs_hour_periods_from_the_exact_moment(moment, n):
    deadline = add_hours(moment, n, REAL)
    assert deadline.due_at - moment == timedelta(hours=n)
    assert deadline.due == deadline.due_at.astimezone(CHINA).date()


@PROPERTIES
@given(
    moment=moments,
    unit=st.sampled_from(["days", "workdays"]),
    n=ns,
)
def test_it_counts_day_periods_from_the_china_date_whatever_the_hour(moment, unit, n):
    # A petition received at 23:59 or at 00:01 starts its clock on that China date, not the UTC one.
    counted = {"days": add_days, "workdays": add_workdays}[unit]
    assert Period(unit, n).due(moment, REAL).due == counted(moment.date(), n, REAL).due


@PROPERTIES
@given(calendar=calendars(), day=random_starts)
def test_it_treats_a_makeup_day_as_working_and_any_other_holiday_as_rest(calendar, day):
    if day in calendar.makeup_workdays:
        assert calendar.is_workday(day)
    elif day in calendar.holidays:
        assert not calendar.is_workday(day)
    else:
        assert calendar.is_workday(day) == (day.weekday() < 5)
