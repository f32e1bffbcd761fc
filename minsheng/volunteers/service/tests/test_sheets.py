"""Hours in from Excel (dry run first, all or nothing) and out to Excel."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.audit.models import AuditEvent
from minsheng.core.sheets import workbook_bytes
from minsheng.people import crypto
from minsheng.volunteers.service.models import ServiceRecord, Source, Status
from minsheng.volunteers.service.tests.conftest import at
from minsheng.volunteers.service.tests.helpers import history

HEADERS = ["身份证号", "服务内容", "服务日期", "开始时间", "服务时长（小时）", "服务领域", "备注"]


def upload(rows, name="hours.xlsx"):
    return SimpleUploadedFile(name, workbook_bytes(HEADERS, rows))


def test_it_checks_then_imports_history_as_approved(client, organizer, team, volunteer):
    idn = crypto.decrypt(volunteer.id_number_enc)
    rows = [[idn, "社区义诊", "2025-05-01", "09:00", 6, "医疗健康", ""],
            [idn, "敬老院探访", "2025-06-01", "", 5.5, "", "纸质台账"]]  # fmt: skip
    client.force_login(organizer)
    url = reverse("volunteer_service:import")
    dry = client.post(url, {"file": upload(rows), "team": team.pk})
    assert dry.status_code == 200 and "检查通过" in dry.content.decode()
    assert not ServiceRecord.objects.exists()
    done = client.post(url, {"file": upload(rows), "team": team.pk, "commit": "on"})
    assert done.status_code == 200
    assert ServiceRecord.objects.filter(status=Status.APPROVED, source=Source.IMPORT).count() == 2
    volunteer.refresh_from_db()
    assert volunteer.approved_minutes == 690 and volunteer.stars == 0
    assert AuditEvent.objects.filter(action="volunteer_service.records.imported").count() == 1


def test_it_imports_nothing_when_a_row_is_wrong(client, organizer, team, volunteer):
    idn = crypto.decrypt(volunteer.id_number_enc)
    history(volunteer, team, minutes=120, start=at(1, 9, month=3))
    rows = [[idn, "社区义诊", "2025-05-01", "09:00", 2, "", ""],
            ["110101199003074477", "探访", "2025-05-02", "09:00", 2, "", ""],  # not a volunteer
            [idn, "探访", "2025-05-01", "10:00", 2, "", ""],  # overlaps row 2
            [idn, "探访", "2026-03-01", "10:00", 1, "", ""],  # overlaps a kept record
            [idn, "探访", "2025-05-03", "09:00", 30, "", ""]]  # fmt: skip
    client.force_login(organizer)
    response = client.post(
        reverse("volunteer_service:import"), {"file": upload(rows), "team": team.pk, "commit": "on"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert (
        "未注册为志愿者" in body
        and "文件中同一志愿者" in body
        and "已有的服务记录" in body
        and "24小时" in body
    )
    assert ServiceRecord.objects.count() == 1


def test_it_refuses_another_teams_file_target(client, other_organizer, other_team, team):
    client.force_login(other_organizer)
    response = client.post(reverse("volunteer_service:import"), {"file": upload([]), "team": team.pk})
    assert response.status_code == 400 and not ServiceRecord.objects.exists()


def test_it_exports_the_records_the_user_sees_with_masked_names(
    client, organizer, team, volunteer, volunteer_name
):
    history(volunteer, team, minutes=90, start=at(1, 9, month=3))
    client.force_login(organizer)
    response = client.get(reverse("volunteer_service:export"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "志愿者" and rows[1][0] == volunteer.name_masked and rows[1][5] == 1.5
    assert volunteer_name not in str(rows)
