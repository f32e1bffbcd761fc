"""The official calendar kept in the database, seeded from ``chinese-calendar`` and edited by admins."""

import csv
import io
import re
import threading
import time
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.core import uploads
from minsheng.core.calendar import OfficialCalendar, from_chinese_calendar_package
from minsheng.core.errors import InvalidInput
from minsheng.core.models import CalendarDay, CalendarYear

# Every process keeps its own copy and drops it after a change it makes itself. A change made by
# another process (an admin page on another worker, the calendar_import command) shows in
# CalendarYear (count, newest loaded_at), which each process re-checks every RECHECK_SECONDS.
RECHECK_SECONDS = 30.0


@dataclass
class _Copy:
    calendar: OfficialCalendar
    version: tuple
    checked_at: float


_lock = threading.Lock()
_cached: _Copy | None = None


def _version() -> tuple:
    found = CalendarYear.objects.aggregate(n=Count("year"), at=Max("loaded_at"))
    return found["n"], found["at"]


def official_calendar() -> OfficialCalendar:
    """The calendar in force, read once per process and re-read after any change to it."""
    global _cached
    with _lock:
        now = time.monotonic()
        if _cached is not None and now - _cached.checked_at < RECHECK_SECONDS:
            return _cached.calendar
        # The version is read before the rows, so a change between the two triggers another read.
        version = _version()
        if _cached is None or _cached.version != version:
            _cached = _Copy(_read(), version, now)
        else:
            _cached.checked_at = now
        return _cached.calendar


def forget_cached_calendar() -> None:
    """Drop this process's copy; the next ``official_calendar()`` reads the database again."""
    global _cached
    with _lock:
        _cached = None


def touch_year(year: int) -> None:
    """Mark ``year`` as changed, so that other processes re-read the calendar (see RECHECK_SECONDS)."""
    CalendarYear.objects.filter(year=year).update(loaded_at=timezone.now())


def _read() -> OfficialCalendar:
    holidays, workdays = set(), set()
    for day, kind in CalendarDay.objects.values_list("day", "kind"):
        (holidays if kind == CalendarDay.Kind.HOLIDAY else workdays).add(day)
    years = set(CalendarYear.objects.values_list("year", flat=True))
    return OfficialCalendar(frozenset(holidays), frozenset(workdays), frozenset(years))


@transaction.atomic
def seed_from_package() -> list[int]:
    """Load every year of the ``chinese-calendar`` package that the database does not have yet."""
    package = from_chinese_calendar_package()
    have = set(CalendarYear.objects.values_list("year", flat=True))
    new_years = sorted(package.years - have)
    rows = [
        CalendarDay(day=d, kind=CalendarDay.Kind.HOLIDAY) for d in package.holidays if d.year in new_years
    ]
    rows += [
        CalendarDay(day=d, kind=CalendarDay.Kind.WORKDAY)
        for d in package.makeup_workdays
        if d.year in new_years
    ]
    CalendarDay.objects.bulk_create(rows, ignore_conflicts=True)
    CalendarYear.objects.bulk_create(
        [CalendarYear(year=y, source="chinese-calendar") for y in new_years], ignore_conflicts=True
    )
    transaction.on_commit(forget_cached_calendar)
    return new_years


KIND_WORDS = {
    "holiday": CalendarDay.Kind.HOLIDAY,
    "休": CalendarDay.Kind.HOLIDAY,
    "假": CalendarDay.Kind.HOLIDAY,
    "休息": CalendarDay.Kind.HOLIDAY,
    "节假日": CalendarDay.Kind.HOLIDAY,
    "workday": CalendarDay.Kind.WORKDAY,
    "班": CalendarDay.Kind.WORKDAY,
    "上班": CalendarDay.Kind.WORKDAY,
    "调休上班": CalendarDay.Kind.WORKDAY,
}


NAME_MAX = CalendarDay._meta.get_field("name").max_length
SOURCE_MAX = CalendarYear._meta.get_field("source").max_length
_DAY_PATTERN = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _parse_day(text: str) -> date:
    """2027-01-01, 2027/1/1, 2027.1.1 or 2027年1月1日 (notices and spreadsheets use all of them)."""
    # A spreadsheet may hand over a timestamp at midnight.
    match = _DAY_PATTERN.fullmatch(re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", text))
    if not match:
        raise ValueError(text)
    return date(*(int(g) for g in match.groups()))


def parse_notice_rows(rows: list[list[str]], *, year: int | None = None) -> list[tuple[date, str, str]]:
    """Rows of (date, kind, name) from a holiday notice table; the header row is optional.

    Raises InvalidInput naming the first bad row, so an administrator can fix the file. With
    ``year``, a date of another year is such a bad row.
    """
    parsed, seen = [], {}
    for number, row in enumerate(rows, start=1):
        cells = [str(c).strip() if c is not None else "" for c in row]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() in ("date", "日期"):
            continue
        day, kind, name = _parse_row(number, cells, year)
        if day in seen:
            raise InvalidInput(
                _("第%(n)s行：日期%(d)s与第%(m)s行重复。") % {"n": number, "d": day, "m": seen[day]}
            )
        seen[day] = number
        parsed.append((day, kind, name))
    if not parsed:
        raise InvalidInput(_("文件中没有任何日期。"))
    return parsed


def _parse_row(number: int, cells: list[str], year: int | None) -> tuple[date, str, str]:
    if len(cells) < 2 or not cells[1]:
        raise InvalidInput(_("第%(n)s行：需要“日期, 类型[, 名称]”三列。") % {"n": number})
    try:
        day = _parse_day(cells[0])
    except ValueError:
        raise InvalidInput(
            _("第%(n)s行：日期“%(v)s”不是YYYY-MM-DD格式。") % {"n": number, "v": cells[0]}
        ) from None
    if year is not None and day.year != year:
        raise InvalidInput(
            _("第%(n)s行：日期%(d)s不属于%(y)s年。") % {"n": number, "d": day.isoformat(), "y": year}
        )
    kind = KIND_WORDS.get(cells[1].lower())
    if kind is None:
        raise InvalidInput(
            _("第%(n)s行：类型“%(v)s”应为 holiday/休 或 workday/班。") % {"n": number, "v": cells[1]}
        )
    name = cells[2] if len(cells) > 2 else ""
    if len(name) > NAME_MAX:
        raise InvalidInput(_("第%(n)s行：名称不能超过%(max)s个字。") % {"n": number, "max": NAME_MAX})
    return day, kind, name


def read_notice_file(name: str, content: bytes) -> list[list[str]]:
    """Table rows of an uploaded .csv (UTF-8, or GBK as saved by Chinese Excel) or .xlsx file."""
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        # A ZIP: a zip bomb is refused before openpyxl unpacks anything.
        if content.startswith(uploads.ZIP):  # anything else openpyxl refuses at once
            uploads.check_zip(io.BytesIO(content), name=name, field="file")
        return _read_xlsx(content)
    if not lowered.endswith(".csv"):
        raise InvalidInput(_("请上传 .csv 或 .xlsx 文件。"), field="file")
    text = uploads.decode_text(content)
    if text is None or "\x00" in text:
        raise InvalidInput(_("CSV文件须为UTF-8或GBK编码。"), field="file")
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error:
        raise InvalidInput(_("CSV文件格式不正确或单元格过长。"), field="file") from None


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        rows = [
            [c.isoformat()[:10] if isinstance(c, date) else c for c in row]
            for row in book.active.iter_rows(values_only=True)
        ]
        book.close()
    except Exception:
        # openpyxl raises many kinds of errors on a damaged or mislabelled file.
        raise InvalidInput(_("无法读取该Excel文件。"), field="file") from None
    return rows


@transaction.atomic
def import_year(*, year: int, rows: list[tuple[date, str, str]], source: str) -> int:
    """Replace the official arrangement of ``year`` with the days of a State Council notice."""
    outside = [d for d, _k, _n in rows if d.year != year]
    if outside:
        raise InvalidInput(
            _("日期%(d)s不属于%(y)s年。") % {"d": outside[0].isoformat(), "y": year}, field="year"
        )
    source = (source or "").strip()
    if not source or len(source) > SOURCE_MAX:
        raise InvalidInput(_("请填写来源（不超过%(max)s字）。") % {"max": SOURCE_MAX}, field="source")
    CalendarDay.objects.filter(day__year=year).delete()
    CalendarDay.objects.bulk_create([CalendarDay(day=d, kind=k, name=n) for d, k, n in rows])
    CalendarYear.objects.update_or_create(year=year, defaults={"source": source})
    transaction.on_commit(forget_cached_calendar)
    return len(rows)
