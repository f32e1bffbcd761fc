"""Import of 10,000 rows with mixed errors: every error reported with its row, no partial import unless
asked, an existing unit of the area updated; and the page flow upload → report → confirm."""

import io

import pytest
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from minsheng.audit.models import AuditEvent
from minsheng.core import sheets
from minsheng.registry.twonew import services
from minsheng.registry.twonew.models import Organization
from minsheng.registry.twonew.synthetic import credit_code

HEADER = ["单位名称", "统一社会信用代码", "类型", "区划代码", "行业", "从业人员数", "正式党员数",
          "预备党员数", "是否在营", "党建联络员"]  # fmt: skip


def row(n, **change):
    values = dict(name=f"导入单位{n}", code=credit_code(100_000 + n), kind="非公有制企业", region="990102001",
                  industry="制造业", employees=20, full=3, prob=0, operating="是", contact="")  # fmt: skip
    values.update(change)
    return list(values.values())


def broken(n):
    """Every 10th row wrong in a different way; returns (row, expected column of the error)."""
    kind = (n // 10) % 6
    if kind == 0:
        code = credit_code(100_000 + n)
        return row(n, code=code[:17] + ("0" if code[17] != "0" else "1")), "统一社会信用代码"
    if kind == 1:
        return row(n, region="990103001"), "区划代码"  # another county's street
    if kind == 2:
        return row(n, employees="二十"), "从业人员数"
    if kind == 3:
        return row(n, kind="个体户"), "类型"
    if kind == 4:
        return row(n, employees=2, full=3), ""  # more members than employees: a whole-row error
    return row(n, code=credit_code(100_000 + n - 1)), ""  # repeats the row above's code


@pytest.fixture
def workbook_rows(area):
    rows, expected = [HEADER], {}
    for n in range(10_000):
        if n % 10 == 9:
            values, column = broken(n)
            expected[n + 2] = column
        else:
            values = row(n)
        rows.append(values)
    return rows, expected


def test_it_reports_every_error_of_a_10000_row_workbook_with_its_row_and_imports_nothing(
    workbook_rows, registrar
):
    rows, expected = workbook_rows
    report = services.units_import(actor=registrar, rows=rows, dry_run=False)
    assert report.rows == 10_000
    assert {e.row: e.column for e in report.errors} == expected
    assert report.valid == 9_000 and report.saved == 0
    assert not Organization.objects.exists()
    assert not AuditEvent.objects.filter(action="twonew.units.imported").exists()


def test_it_imports_only_the_valid_rows_when_asked(workbook_rows, registrar):
    rows, _expected = workbook_rows
    report = services.units_import(actor=registrar, rows=rows, dry_run=False, partial=True)
    assert report.saved == Organization.objects.count() == 9_000
    first = Organization.objects.select_related("region").get(credit_code=credit_code(100_000))
    assert (first.name, first.region.code, first.industry, first.full_members) == (
        "导入单位0",
        "990102001",
        "C",
        3,
    )
    assert first.created_at.tzinfo is not None and first.coverage == "" and first.operating
    assert AuditEvent.objects.get(action="twonew.units.imported").data["saved"] == 9_000


def test_it_writes_nothing_on_a_dry_run(workbook_rows, registrar):
    rows, _expected = workbook_rows
    report = services.units_import(actor=registrar, rows=rows[:100], dry_run=True, partial=True)
    assert report.valid == 90 and report.saved == 0
    assert not Organization.objects.exists()


def test_it_updates_a_unit_of_the_area_and_refuses_one_registered_elsewhere(area, registrar, make_unit):
    ours = make_unit(area["street"], credit_code=credit_code(100_001), full_members=0, employees=5)
    make_unit(area["other"], credit_code=credit_code(100_002))
    rows = [HEADER, row(1, full=3), row(2, region="990102002")]
    report = services.units_import(actor=registrar, rows=rows, dry_run=False, partial=True)
    assert [(e.row, e.message) for e in report.errors] == [(3, "该统一社会信用代码已在其他地区登记。")]
    ours.refresh_from_db()
    assert (ours.full_members, ours.employees, ours.name) == (3, 20, "导入单位1")


def test_it_round_trips_an_export_through_the_import(area, registrar, make_unit):
    make_unit(area["street"], full_members=3, party_contact="赵联络")
    units = Organization.objects.all()
    content = sheets.workbook_bytes(services.importing.export_headers(), services.export_rows(units))
    rows = sheets.read_table(content, "export.xlsx")
    report = services.units_import(actor=registrar, rows=rows, dry_run=True)
    assert report.ok and report.valid == 1


def xlsx(rows) -> bytes:
    book = Workbook()
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def data_dir(tmp_path):
    with override_settings(DATA_DIR=tmp_path):
        yield tmp_path


def test_it_shows_a_dry_run_report_then_imports_the_valid_rows_on_confirmation(
    client, registrar, area, data_dir
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(registrar)
    content = xlsx([HEADER, row(1), row(2, employees="很多"), row(3)])
    upload = SimpleUploadedFile("名录.xlsx", content)
    report = client.post(reverse("registry:twonew:import"), {"file": upload})
    html = report.content.decode()
    assert report.status_code == 200 and "须为整数" in html and "无误 2 行" in html
    assert not Organization.objects.exists()
    token = report.context["token"]
    errors = client.get(reverse("registry:twonew:import_errors") + f"?token={token}")
    assert sheets.read_table(errors.content, "e.xlsx")[1][0] == 3
    refused = client.post(reverse("registry:twonew:import_confirm"), {"token": token})
    assert refused.status_code == 400 and not Organization.objects.exists()
    done = client.post(reverse("registry:twonew:import_confirm"), {"token": token, "partial": "on"})
    assert done.status_code == 302 and Organization.objects.count() == 2
    assert not list(data_dir.glob("imports/twonew/*"))


def test_it_refuses_someone_elses_import_token(client, registrar, world, area, data_dir):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(registrar)
    report = client.post(
        reverse("registry:twonew:import"), {"file": SimpleUploadedFile("a.xlsx", xlsx([HEADER, row(1)]))}
    )
    token = report.context["token"]
    client.logout()
    client.force_login(world.users["registrar"])  # a fresh session: the token is not in it
    assert client.post(reverse("registry:twonew:import_confirm"), {"token": token}).status_code == 404


def test_it_says_what_is_wrong_with_a_file_that_is_not_a_workbook(client, registrar, area, data_dir):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(registrar)
    response = client.post(
        reverse("registry:twonew:import"), {"file": SimpleUploadedFile("a.xlsx", b"not excel")}
    )
    assert response.status_code == 400 and "无法读取该Excel文件" in response.content.decode()
