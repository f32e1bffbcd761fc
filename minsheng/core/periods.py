"""Statutory periods: N days, N working days, N hours — pure functions over an OfficialCalendar.

The 信访工作条例 says "日" without a counting rule; the Civil Code (Arts. 200–204) applies by
analogy: the trigger day is not counted, and a last day that is a holiday or rest day moves to the
next working day. A day ends at 24:00. "工作日" skip weekends and holidays and count 调休 make-up
days. Hour periods run from the exact moment.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from minsheng.core.calendar import OfficialCalendar

CHINA = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Deadline:
    due: date
    due_at: datetime  # the last instant of the period (aware)
    warnings: list[str] = field(default_factory=list)


def _warnings(calendar: OfficialCalendar, start: date, due: date) -> list[str]:
    missing = calendar.missing_years(start, due)
    if not missing:
        return []
    years = "、".join(str(y) for y in missing)
    return [
        _(
            "期限进入尚未载入官方节假日安排的年份（%(years)s）：本结果仅按周末推算，"
            "请管理员录入国务院节假日通知后重新计算。"
        )
        % {"years": years}
    ]


def end_of_day(day: date) -> datetime:
    """24:00 of ``day`` in China time, as the last representable instant of that day."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=CHINA)


def add_days(start: date, n: int, calendar: OfficialCalendar) -> Deadline:
    """N calendar days after ``start``; a last day that is not a working day rolls forward."""
    if n < 0:
        raise ValueError("n must not be negative")
    due = start + timedelta(days=n)
    while not calendar.is_workday(due):
        due += timedelta(days=1)
    return Deadline(due, end_of_day(due), _warnings(calendar, start, due))


def add_workdays(start: date, n: int, calendar: OfficialCalendar) -> Deadline:
    """N working days after ``start`` (the start day itself is never counted)."""
    if n < 0:
        raise ValueError("n must not be negative")
    due, counted = start, 0
    while counted < n:
        due += timedelta(days=1)
        if calendar.is_workday(due):
            counted += 1
    return Deadline(due, end_of_day(due), _warnings(calendar, start, due))


def add_hours(start: datetime, n: int, calendar: OfficialCalendar) -> Deadline:
    """N hours from the exact moment ``start`` (aware datetime)."""
    if n < 0:
        raise ValueError("n must not be negative")
    due_at = start + timedelta(hours=n)
    return Deadline(due_at.astimezone(CHINA).date(), due_at, [])


@dataclass(frozen=True)
class Period:
    """A period as the law states it: ``Period("days", 60)`` is "60日"."""

    unit: str  # "days" | "workdays" | "hours" | "minutes"
    n: int

    def due(self, start: datetime, calendar: OfficialCalendar) -> Deadline:
        if self.unit == "hours":
            return add_hours(start, self.n, calendar)
        if self.unit == "minutes":  # an emergency's report time (应急哨: 30 minutes)
            due_at = start + timedelta(minutes=self.n)
            return Deadline(due_at.astimezone(CHINA).date(), due_at, [])
        start_day = start.astimezone(CHINA).date()
        if self.unit == "workdays":
            return add_workdays(start_day, self.n, calendar)
        return add_days(start_day, self.n, calendar)

    def __str__(self) -> str:
        labels = {
            "days": _("%(n)s日"),
            "workdays": _("%(n)s个工作日"),
            "hours": _("%(n)s小时"),
            "minutes": _("%(n)s分钟"),
        }
        return labels[self.unit] % {"n": self.n}


def days(n: int) -> Period:
    return Period("days", n)


def workdays(n: int) -> Period:
    return Period("workdays", n)


def hours(n: int) -> Period:
    return Period("hours", n)


def minutes(n: int) -> Period:
    return Period("minutes", n)
