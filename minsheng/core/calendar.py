"""The official calendar as a plain value: which days are holidays and which are make-up working days.

Knows nothing of Django. ``minsheng.core.calendar_store`` builds one from the database.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class OfficialCalendar:
    """Statutory holidays and 调休 make-up working days for the years in ``years``.

    For a year outside ``years`` only weekends are rest days, and callers are told so through
    ``missing_years`` rather than receiving a silent guess.
    """

    holidays: frozenset[date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[date] = field(default_factory=frozenset)
    years: frozenset[int] = field(default_factory=frozenset)

    def is_workday(self, day: date) -> bool:
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def missing_years(self, first: date, last: date) -> list[int]:
        """Years between two dates (inclusive) for which no official calendar is loaded."""
        return [y for y in range(first.year, last.year + 1) if y not in self.years]


def from_chinese_calendar_package() -> OfficialCalendar:
    """The calendar shipped in the ``chinese-calendar`` package (the seed of the database)."""
    import chinese_calendar

    holidays = frozenset(chinese_calendar.constants.holidays)
    workdays = frozenset(chinese_calendar.constants.workdays)
    years = frozenset(d.year for d in holidays | workdays)
    return OfficialCalendar(holidays=holidays, makeup_workdays=workdays, years=years)
