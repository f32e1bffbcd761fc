"""The official calendar kept in the database, seeded from ``chinese-calendar`` and edited by admins."""

import csv
import io
import threading
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.core.calendar import OfficialCalendar, from_chinese_calendar_package
from minsheng.core.errors import InvalidInput
from minsheng.core.models import CalendarDay, CalendarYear

_lock = threading.Lock()
_cached: OfficialCalendar | None = None


def official_calendar() -> OfficialCalendar:
    """The calendar in force, read once per process and re-read after any change made here."""
    global _cached
    with _lock:
        if _cached is None:
            _cached = _read()
        return _cached


def forget_cached_calendar() -> None:
    global _cached
    with _lock:
        _cached = None


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


def parse_notice_rows(rows: list[list[str]]) -> list[tuple[date, str, str]]:
    """Rows of (date, kind, name) from a holiday notice table; the header row is optional.

    Raises InvalidInput naming the first bad row, so an administrator can fix the file.
    """
    parsed = []
    for number, row in enumerate(rows, start=1):
        cells = [str(c).strip() if c is not None else "" for c in row]
        if not any(cells):
            continue
        if number == 1 and cells[0] in ("date", "日期"):
            continue
        if len(cells) < 2:
            raise InvalidInput(_("第%(n)s行：需要“日期, 类型[, 名称]”三列。") % {"n": number})
        try:
            day = date.fromisoformat(cells[0][:10])
        except ValueError:
            raise InvalidInput(
                _("第%(n)s行：日期“%(v)s”不是YYYY-MM-DD格式。") % {"n": number, "v": cells[0]}
            ) from None
        kind = KIND_WORDS.get(cells[1].lower())
        if kind is None:
            raise InvalidInput(
                _("第%(n)s行：类型“%(v)s”应为 holiday/休 或 workday/班。") % {"n": number, "v": cells[1]}
            )
        parsed.append((day, kind, cells[2] if len(cells) > 2 else ""))
    if not parsed:
        raise InvalidInput(_("文件中没有任何日期。"))
    return parsed


def read_notice_file(name: str, content: bytes) -> list[list[str]]:
    """Table rows of an uploaded .csv (UTF-8) or .xlsx file."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception:
            raise InvalidInput(_("无法读取该Excel文件。")) from None
        return [
            [c.isoformat()[:10] if isinstance(c, date) else c for c in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("CSV文件须为UTF-8编码。")) from None
    return list(csv.reader(io.StringIO(text)))


@transaction.atomic
def import_year(*, year: int, rows: list[tuple[date, str, str]], source: str) -> int:
    """Replace the official arrangement of ``year`` with the days of a State Council notice."""
    outside = [d for d, _k, _n in rows if d.year != year]
    if outside:
        raise InvalidInput(
            _("日期%(d)s不属于%(y)s年。") % {"d": outside[0].isoformat(), "y": year}, field="year"
        )
    CalendarDay.objects.filter(day__year=year).delete()
    CalendarDay.objects.bulk_create([CalendarDay(day=d, kind=k, name=n) for d, k, n in rows])
    CalendarYear.objects.update_or_create(year=year, defaults={"source": source})
    transaction.on_commit(forget_cached_calendar)
    return len(rows)
