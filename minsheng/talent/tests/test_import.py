"""Excel import: a dry run reports every row's errors; nothing is written unless confirmed and clean."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse

from minsheng.core import sheets
from minsheng.talent import imports
from minsheng.talent.models import Certificate, ContinuingEducation, Registration, SocialWorker
from minsheng.talent.tests.conftest import id_number

pytestmark = pytest.mark.django_db

HEADER = [
    "姓名",
    "身份证号码",
    "联系电话",
    "执业区域",
    "工作单位",
    "统一社会信用代码",
    "服务领域",
    "状态",
    "证书等级",
    "证书编号",
    "考试通过日期",
    "登记日期",
]


def xlsx(header, rows) -> bytes:
    return sheets.workbook_bytes(header, rows)


def good_rows(today):
    passed, registered = today - timedelta(days=300), today - timedelta(days=200)
    return [
        [
            "陈一",
            id_number(11),
            "13800000011",
            "990102001",
            "东湖社工站",
            "",
            "老年",
            "",
            "社会工作师",
            "C-11",
            passed,
            registered,
        ],
        ["陈二", id_number(12), "", "东湖街道", "", "", "儿童", "在岗", "助理社会工作师", "C-12", passed, ""],
        ["陈三", id_number(13), "", "990102", "", "", "社区", "", "", "", "", ""],
    ]


def run(registrar, rows, *, today, dry_run=True, partial=False):
    return imports.import_workers(
        rows=[HEADER, *rows], actor=registrar, today=today, dry_run=dry_run, partial=partial
    )


def test_it_imports_workers_with_certificates_and_registrations(registrar, world, real_today):
    report = run(registrar, good_rows(real_today), today=real_today, dry_run=False)
    assert (report.rows, report.valid, report.saved, report.errors) == (3, 3, 3, [])
    assert SocialWorker.objects.count() == 3
    assert Certificate.objects.count() == 2 and Registration.objects.count() == 1


def test_it_reports_every_bad_row_and_writes_nothing(registrar, world, real_today, make_worker):
    make_worker()  # holds ZS000001 and id_number(1)
    rows = [
        *good_rows(real_today),
        ["", "123", "", "990102", "", "", "老年", "", "", "", "", ""],  # row 5: no name, bad ID
        ["重复", id_number(11), "", "990102", "", "", "老年", "", "", "", "", ""],  # 6: ID repeats row 2
        ["外区", id_number(14), "", "990103", "", "", "老年", "", "", "", "", ""],  # 7: not our area
        ["错领域", id_number(15), "", "990102", "", "", "航天", "", "", "", "", ""],  # 8: bad choice
        [
            "证号重",
            id_number(16),
            "",
            "990102",
            "",
            "",
            "老年",
            "",
            "社会工作师",
            "ZS000001",
            "2025-01-01",
            "",
        ],
        [
            "逾期",
            id_number(17),
            "",
            "990102",
            "",
            "",
            "老年",
            "",
            "社会工作师",
            "L-1",
            "2020-01-01",
            "2024-01-01",
        ],
        ["已在册", id_number(1), "", "990102", "", "", "老年", "", "", "", "", ""],  # 11
        ["坏日期", id_number(18), "", "990102", "", "", "老年", "", "社会工作师", "D-1", "2025/13/45", ""],
    ]
    report = run(registrar, rows, today=real_today, dry_run=False)
    by_row = {}
    for e in report.errors:
        by_row.setdefault(e.row, []).append((e.column, e.message))
    assert sorted(by_row) == [5, 6, 7, 8, 9, 10, 11, 12]
    assert ("姓名", "必填。") in by_row[5]
    assert "重复" in by_row[6][0][1]
    assert "管辖范围" in by_row[7][0][1]
    assert by_row[8][0][0] == "服务领域"
    assert "已登记过" in by_row[9][0][1]
    assert "逾期登记" in by_row[10][0][1]
    assert "已在社会工作者名册中" in by_row[11][0][1]
    assert by_row[12][0][0] == "考试通过日期"
    assert report.saved == 0 and SocialWorker.objects.count() == 1


def test_it_imports_only_valid_rows_when_asked(registrar, world, real_today):
    rows = [*good_rows(real_today), ["", "123", "", "990102", "", "", "老年", "", "", "", "", ""]]
    report = run(registrar, rows, today=real_today, dry_run=False, partial=True)
    assert (report.saved, len(report.errors)) == (3, 1)
    assert SocialWorker.objects.count() == 3


def test_it_writes_nothing_on_a_dry_run(registrar, world, real_today):
    assert run(registrar, good_rows(real_today), today=real_today).valid == 3
    assert not SocialWorker.objects.exists()


def test_it_refuses_a_file_without_the_required_columns(client, registrar, world):
    client.force_login(registrar)
    upload = io.BytesIO(xlsx(["姓名"], [["张三"]]))
    upload.name = "w.xlsx"
    response = client.post(reverse("talent:import", args=["workers"]), {"file": upload})
    assert response.status_code == 400
    assert "表头缺少必填列" in response.content.decode()


def test_it_checks_then_imports_on_confirmation(client, registrar, world, real_today):
    client.force_login(registrar)
    upload = io.BytesIO(xlsx(HEADER, good_rows(real_today)))
    upload.name = "w.xlsx"
    url = reverse("talent:import", args=["workers"])
    response = client.post(url, {"file": upload})
    assert response.status_code == 200 and response.context["report"].valid == 3
    assert not SocialWorker.objects.exists()
    token = response.context["token"]
    assert client.post(url, {"token": token, "confirm": "1"}).status_code == 302
    assert SocialWorker.objects.count() == 3
    # The kept upload is gone: confirming twice imports nothing more.
    assert client.post(url, {"token": token, "confirm": "1"}).status_code == 400
    assert SocialWorker.objects.count() == 3


def test_it_refuses_a_file_that_is_not_excel(client, registrar, world):
    client.force_login(registrar)
    upload = io.BytesIO(b"not a workbook")
    upload.name = "w.xlsx"
    response = client.post(reverse("talent:import", args=["workers"]), {"file": upload})
    assert response.status_code == 400 and "无法读取" in response.content.decode()


def test_it_imports_education_by_certificate_number_or_id(registrar, world, make_worker, real_today):
    w = make_worker(
        passed_on=real_today - timedelta(days=900),
        registered_on=real_today - timedelta(days=800),
        today=real_today,
    )
    on = real_today - timedelta(days=30)
    header = ["身份证号码", "证书编号", "类型", "名称", "举办机构", "日期", "学时"]
    rows = [
        ["", "ZS000001", "培训", "个案管理", "市社工协会", on, 12],
        [id_number(1), "", "学历教育", "MSW", "云州大学", on, 0],
        ["", "NOPE", "培训", "x", "", on, 3],  # unknown certificate
        ["", "ZS000001", "培训", "x", "", real_today - timedelta(days=900), 3],  # before any period
        ["", "", "培训", "x", "", on, 3],  # nobody named
    ]
    report = imports.import_education(
        rows=[header, *rows], actor=registrar, today=real_today, dry_run=False, partial=True
    )
    assert [e.row for e in report.errors] == [4, 5, 6]
    assert report.saved == 2
    assert w.education.count() == 2 and ContinuingEducation.objects.filter(kind="degree").exists()


def test_it_does_not_let_another_county_import_education_for_our_workers(
    other_registrar, make_worker, real_today
):
    make_worker(
        passed_on=real_today - timedelta(days=900),
        registered_on=real_today - timedelta(days=800),
        today=real_today,
    )
    header = ["证书编号", "类型", "名称", "日期", "学时"]
    report = imports.import_education(
        rows=[header, ["ZS000001", "培训", "x", real_today, 3]],
        actor=other_registrar,
        today=real_today,
        dry_run=False,
        partial=False,
    )
    assert report.saved == 0 and "未找到" in report.errors[0].message


def test_it_links_a_person_already_on_record_and_audits_the_import(registrar, world, real_today):
    from django.db import transaction

    from minsheng.audit.models import AuditEvent
    from minsheng.people.models import Person
    from minsheng.people.services import Identity, person_record

    with transaction.atomic():
        known = person_record(identity=Identity(name="旧名", id_number=id_number(11)), actor=registrar)
    report = run(registrar, good_rows(real_today), today=real_today, dry_run=False)
    assert report.saved == 3
    assert Person.objects.count() == 3
    worker = SocialWorker.objects.get(person=known)
    known.refresh_from_db()
    assert known.name_masked != "旧*"  # brought up to date: 陈一
    event = AuditEvent.objects.get(action="talent.workers.imported")
    assert worker.pk in event.data["workers"] and event.data["rows"] == 3
    reg = Registration.objects.get()
    assert reg.hours_required == 90 and reg.valid_until > reg.registered_on
