"""Excel import: a dry run reports every row's errors writes nothing; confirm imports; export is masked."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.core import sheets
from minsheng.volunteers.ids import invented_id_number
from minsheng.volunteers.models import Volunteer
from minsheng.volunteers.permissions import scope_of
from minsheng.volunteers.services import volunteers_import
from minsheng.volunteers.services.sheets import COLUMNS
from minsheng.volunteers.tests import factories as f

pytestmark = pytest.mark.django_db


def workbook(rows) -> bytes:
    return sheets.workbook_bytes([str(c.header) for c in COLUMNS], rows)


def good(n: int, **kw):
    row = [
        "吴" + "一二三四五六七八九"[n],
        invented_id_number(birth="19880808", serial=100 + n),
        f"1370000{n:04d}",
        "990102001",
        "",
        "普通话",
        "周六全天",
        "",
        "",
        "",
        "",
    ]
    return row


@pytest.fixture
def skills(world):
    return [f.skill("first-aid", "急救证", kind="qualification")]


def test_a_dry_run_reports_every_row_and_writes_nothing(world, registrar, now, skills):
    rows = [good(1), good(2), ["", "123", "abc", "990103001", "飞行", "", "周八", "", "", "", ""], good(1)]
    report = volunteers_import(
        actor=registrar,
        scope=scope_of(registrar),
        content=workbook(rows),
        filename="v.xlsx",
        now=now,
        dry_run=True,
    )
    assert report.rows == 4 and report.valid == 2 and not Volunteer.objects.exists()
    by_row = {}
    for e in report.errors:
        by_row.setdefault(e.row, []).append(e)
    assert set(by_row) == {4, 5}
    assert any(e.column == "可服务时间" for e in by_row[4])
    assert "第2行" in by_row[5][0].message


def test_import_refuses_all_when_a_row_is_wrong_unless_partial(world, registrar, now, skills):
    rows = [good(1), ["张三", "110101199003074478", "13800000000", "990102001", "", "", "", "", "", "", ""]]
    args = dict(
        actor=registrar, scope=scope_of(registrar), content=workbook(rows), filename="v.xlsx", now=now
    )
    assert volunteers_import(dry_run=False, **args).saved == 0 and not Volunteer.objects.exists()
    report = volunteers_import(dry_run=False, partial_ok=True, **args)
    assert report.saved == 1 and Volunteer.objects.get().source == Volunteer.Source.IMPORT


def test_import_refuses_a_region_outside_the_area_and_an_existing_volunteer(world, registrar, now, skills):
    other = world.regions["other_county"]
    existing = f.volunteer(world, now=now)
    from minsheng.people import crypto

    rows = [
        [*good(1)[:3], other.code, *good(1)[4:]],
        [
            "某某",
            crypto.decrypt(existing.id_number_enc),
            "13800000000",
            "990102001",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ]
    report = volunteers_import(
        actor=registrar,
        scope=scope_of(registrar),
        content=workbook(rows),
        filename="v.xlsx",
        now=now,
        dry_run=True,
    )
    messages = " ".join(e.message for e in report.errors)
    assert "不在您的管辖范围内" in messages and "不能重复注册" in messages


def test_the_import_page_checks_then_confirms(client, registrar, world, skills):
    client.force_login(registrar)
    upload = io.BytesIO(workbook([good(1), good(2)]))
    upload.name = "volunteers.xlsx"
    response = client.post(reverse("volunteers:import"), {"file": upload})
    assert response.status_code == 200 and "确认导入" in response.content.decode()
    assert not Volunteer.objects.exists()
    response = client.post(reverse("volunteers:import"), {"confirm": "1"})
    assert response.status_code == 302 and Volunteer.objects.count() == 2


def test_the_import_page_is_for_registrars_only(client, social_work_leader, organizer):
    for user in (social_work_leader, organizer):
        client.force_login(user)
        assert client.get(reverse("volunteers:import")).status_code == 403


def test_export_is_masked(client, registrar, world, now):
    v = f.volunteer(world, now=now)
    client.force_login(registrar)
    response = client.get(reverse("volunteers:export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for c in list(sheet.iter_rows())[1]]
    assert v.name_masked in values and not any("990102" in str(x) for x in values)
