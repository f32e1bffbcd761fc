"""The official calendar in the database: seeded from chinese-calendar, extended by notices."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from minsheng.core import calendar_store
from minsheng.core.calendar_store import (
    import_year,
    official_calendar,
    parse_notice_rows,
    read_notice_file,
)
from minsheng.core.errors import InvalidInput
from minsheng.core.models import CalendarDay, CalendarYear
from minsheng.core.periods import add_days, add_workdays
from minsheng.core.tests.factories import NOTICE_2027, notice_csv, notice_xlsx

pytestmark = pytest.mark.django_db


def _import_2027(capture, content=None, name="notice.csv"):
    rows = parse_notice_rows(read_notice_file(name, content or notice_csv()), year=2027)
    with capture(execute=True):
        return import_year(year=2027, rows=rows, source="国务院办公厅关于2027年部分节假日安排的通知")


def test_it_starts_with_every_year_of_the_package():
    cal = official_calendar()
    assert {2004, 2025, 2026} <= cal.years
    assert 2027 not in cal.years
    assert not cal.is_workday(date(2026, 2, 17))
    assert cal.is_workday(date(2026, 2, 28))


def test_it_warns_in_2027_until_the_notice_is_imported_and_then_uses_it(django_capture_on_commit_callbacks):
    before = add_days(date(2026, 12, 20), 12, official_calendar())
    assert before.due == date(2027, 1, 1) and before.warnings

    assert _import_2027(django_capture_on_commit_callbacks) == len(NOTICE_2027)

    after = add_days(date(2026, 12, 20), 12, official_calendar())
    assert after.due == date(2027, 1, 4)  # 元旦 2027-01-01..03 now rolls forward
    assert after.warnings == []
    # 5 working days from Friday 02-05: the make-up Saturday 02-20 counts.
    assert add_workdays(date(2027, 2, 5), 5, official_calendar()).due == date(2027, 2, 19)
    assert add_workdays(date(2027, 2, 5), 6, official_calendar()).due == date(2027, 2, 20)


def test_it_reads_the_same_notice_from_excel(django_capture_on_commit_callbacks):
    assert _import_2027(django_capture_on_commit_callbacks, notice_xlsx(), "通知.xlsx") == len(NOTICE_2027)
    assert CalendarDay.objects.get(day=date(2027, 2, 20)).kind == CalendarDay.Kind.WORKDAY
    assert CalendarDay.objects.get(day=date(2027, 10, 1)).name == "国庆节"


def test_it_reads_excel_dates_typed_as_text_and_csv_saved_as_gbk():
    assert parse_notice_rows(read_notice_file("a.xlsx", notice_xlsx(as_dates=False)))[0][0] == date(
        2027, 1, 1
    )
    rows = parse_notice_rows(read_notice_file("a.CSV", notice_csv(encoding="gb18030")))
    assert rows[0] == (date(2027, 1, 1), "holiday", "元旦")


@pytest.mark.parametrize("text", ["2027/1/1", "2027.1.1", "2027年1月1日", "2027-01-01 00:00:00"])
def test_it_accepts_the_date_formats_notices_use(text):
    assert parse_notice_rows([[text, "休", "元旦"]])[0][0] == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        ([["日期", "类型", "名称"], ["2027-01-01", "休", "元旦"], ["2027-13-01", "休", ""]], "第3行"),
        ([["2027-01-01", "休", "元旦"], ["明年元旦", "休", ""]], "第2行"),
        ([["2027-01-01", "放假吧", "元旦"]], "第1行"),
        ([["2027-01-01", "休"], ["2027-01-02"]], "第2行"),
        ([["2027-01-01", "休"], [], ["2027-01-01", "班"]], "第3行"),
        ([["2027-01-01", "休", "元" * 51]], "第1行"),
    ],
)
def test_it_names_the_bad_row(rows, fragment):
    with pytest.raises(InvalidInput) as caught:
        parse_notice_rows(rows)
    assert fragment in str(caught.value.message)


def test_it_names_the_row_whose_date_belongs_to_another_year():
    with pytest.raises(InvalidInput) as caught:
        parse_notice_rows([["2027-01-01", "休"], ["2028-01-01", "休"]], year=2027)
    assert "第2行" in str(caught.value.message) and "2027" in str(caught.value.message)


def test_it_names_the_bad_row_of_an_excel_file():
    bad = [*NOTICE_2027[:3], ("2027-02-30", "休", "春节")]
    with pytest.raises(InvalidInput) as caught:
        parse_notice_rows(read_notice_file("n.xlsx", notice_xlsx(bad, as_dates=False)))
    assert "第5行" in str(caught.value.message)  # the header is row 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("n.xlsx", b"not a zip"),
        ("n.xls", b"\xd0\xcf\x11\xe0"),
        ("n.csv", b""),
        ("n.txt", "2027-01-01,休".encode()),
    ],
)
def test_it_refuses_files_it_cannot_read(name, content):
    with pytest.raises(InvalidInput):
        parse_notice_rows(read_notice_file(name, content))


def test_it_refuses_to_import_days_of_another_year():
    rows = parse_notice_rows([["2028-01-01", "休"]])
    with pytest.raises(InvalidInput):
        import_year(year=2027, rows=rows, source="x")
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_it_replaces_a_years_arrangement_instead_of_adding_to_it(django_capture_on_commit_callbacks):
    _import_2027(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        import_year(year=2027, rows=parse_notice_rows([["2027-05-03", "休", "劳动节"]]), source="更正通知")
    assert list(CalendarDay.objects.filter(day__year=2027).values_list("day", flat=True)) == [
        date(2027, 5, 3)
    ]
    assert CalendarYear.objects.get(year=2027).source == "更正通知"
    assert official_calendar().is_workday(date(2027, 1, 1))


def test_it_notices_a_change_made_by_another_process(monkeypatch):
    assert 2027 not in official_calendar().years
    # Another worker imports 2027: this process is not told, but the year table changes.
    CalendarYear.objects.create(year=2027, source="另一进程")
    assert 2027 not in official_calendar().years  # within the re-check interval: the old copy
    monkeypatch.setattr(calendar_store, "RECHECK_SECONDS", 0)
    assert 2027 in official_calendar().years


def test_it_seeds_only_the_years_the_database_lacks(capsys):
    CalendarDay.objects.filter(day__year=2026).delete()
    CalendarYear.objects.filter(year=2026).delete()
    call_command("calendar_seed")
    assert "2026" in capsys.readouterr().out
    assert CalendarDay.objects.filter(day__year=2026, kind="workday").count() == 6
    call_command("calendar_seed")
    assert "nothing to load" in capsys.readouterr().out


def test_it_imports_a_notice_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "2027.xlsx"
    path.write_bytes(notice_xlsx())
    call_command("calendar_import", str(path), "--year", "2027", "--source", "国办发明电〔2026〕1号")
    assert "imported 16 days" in capsys.readouterr().out
    assert CalendarYear.objects.get(year=2027).source == "国办发明电〔2026〕1号"


def test_it_stops_the_command_at_the_bad_row(tmp_path):
    path = tmp_path / "2027.csv"
    path.write_bytes(notice_csv([*NOTICE_2027[:2], ("2027-01-03", "?", "")]))
    with pytest.raises(CommandError, match="第4行"):
        call_command("calendar_import", str(path), "--year", "2027")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("calendar_import", str(tmp_path / "missing.csv"), "--year", "2027")
    assert not CalendarYear.objects.filter(year=2027).exists()
