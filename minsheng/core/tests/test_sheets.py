import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from minsheng.core import sheets
from minsheng.core.errors import InvalidInput
from minsheng.core.sheets import Column, import_rows
from minsheng.orgs.models import Region

COLUMNS = (
    Column("code", "区划代码", required=True),
    Column("name", "名称", required=True),
    Column("population", "常住人口", sheets.integer),
)


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(rows, **flags):
    seen = set()

    def prepare(number, values):
        if values["code"] in seen:
            raise sheets.CellError("文件中区划代码重复。")
        seen.add(values["code"])
        return Region(code=values["code"], name=values["name"], level=3, path="/")

    def save(regions):
        return len(Region.objects.bulk_create(regions))

    table = sheets.read_table(xlsx(rows), "regions.xlsx")
    return import_rows(rows=table, columns=COLUMNS, prepare=prepare, save=save, **flags)


GOOD = [("区划代码", "名称", "常住人口"), ("990201", "甲区", 1200), ("990202", "乙区", "3,400")]
MIXED = [*GOOD, ("990203", "", 5), ("990204", "丁区", "很多"), ("990201", "甲区又一次", None)]


@pytest.mark.django_db
def test_it_reports_every_bad_row_on_a_dry_run_and_writes_nothing():
    report = run(MIXED, dry_run=True)
    assert (report.rows, report.valid, report.saved) == (5, 2, 0)
    assert [(e.row, e.column) for e in report.errors] == [(4, "名称"), (5, "常住人口"), (6, "")]
    assert "整数" in report.errors[1].message
    assert not Region.objects.exists()


@pytest.mark.django_db
def test_it_refuses_the_whole_file_when_a_row_is_wrong_unless_asked_for_the_good_rows():
    assert run(MIXED, dry_run=False).saved == 0
    assert not Region.objects.exists()
    report = run(MIXED, dry_run=False, partial=True)
    assert report.saved == 2
    assert sorted(Region.objects.values_list("code", flat=True)) == ["990201", "990202"]


@pytest.mark.django_db
def test_it_imports_a_clean_file():
    assert run(GOOD, dry_run=False).saved == 2


@pytest.mark.django_db
def test_it_names_the_missing_required_columns():
    with pytest.raises(InvalidInput, match="名称"):
        run([("区划代码", "人口"), ("990201", 1)])


def test_it_reads_what_staff_type_into_cells():
    assert sheets.text(13812345678.0) == "13812345678"  # a phone number Excel stored as a number
    assert sheets.decimal("1,000.50") == Decimal("1000.50")
    assert sheets.day("2026/03/01") == date(2026, 3, 1)
    assert sheets.boolean("是") is True and sheets.boolean("") is False
    with pytest.raises(sheets.CellError):
        sheets.boolean("也许")
    with pytest.raises(sheets.CellError, match="YYYY-MM-DD"):
        sheets.day("三月一日")


def test_it_refuses_a_file_that_is_not_a_spreadsheet():
    with pytest.raises(InvalidInput):
        sheets.read_table(b"not a zip", "x.xlsx")
    with pytest.raises(InvalidInput):
        sheets.read_table(b"a,b", "x.doc")


def test_it_reads_a_gbk_csv_as_excel_saves_it():
    table = sheets.read_table("区划代码,名称\n990201,甲区\n".encode("gb18030"), "r.csv")
    assert table == [("区划代码", "名称"), ("990201", "甲区")]


def test_it_writes_an_export_that_reads_back():
    content = sheets.workbook_bytes(["名称", "日期"], [("甲区", date(2026, 3, 1))], title="区域")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "区域"
    assert [c.value for c in sheet[1]] == ["名称", "日期"]
    assert sheet["A2"].value == "甲区"
