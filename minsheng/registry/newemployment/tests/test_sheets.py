"""Excel import (dry run reporting every row's error → confirm, partial on request) and export."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from minsheng.audit.models import AuditEvent
from minsheng.core.sheets import workbook_bytes
from minsheng.registry.newemployment.models import Platform, ServiceStation, Site

pytestmark = pytest.mark.django_db

STATION_HEADERS = [
    "驿站名称",
    "所在区域",
    "地址",
    "开放日",
    "开门时间",
    "关门时间",
    "24小时开放",
    "饮水",
    "充电",
    "对外公开",
]
STATION_ROWS = [
    ["东湖驿站", "东湖街道", "东湖路1号", "每天", "08:00", "20:00", "否", "是", "是", "是"],  # 2 ok
    ["", "东湖街道", "东湖路2号", "每天", "08:00", "20:00", "否", "是", "是", "是"],  # 3 no name
    ["北塘驿站", "白石区", "北塘路", "每天", "08:00", "20:00", "否", "是", "否", "是"],  # 4 other county
    ["夜班驿站", "青川区", "青川大道", "周八", "25:00", "06:00", "否", "也许", "是", "是"],  # 5 three errors
    ["东湖驿站", "东湖街道", "东湖路9号", "每天", "", "", "是", "是", "否", "否"],  # 6 duplicate of row 2
    ["青川区驿站", "990102", "青川大道1号", "1-5", "09:00", "17:30", "否", "否", "是", "否"],  # 7 ok
]


def upload(client, headers, rows, name="stations.xlsx", kind="stations"):
    content = workbook_bytes(headers, rows)
    return client.post(f"/registry/newemployment/{kind}/import/", {"file": SimpleUploadedFile(name, content)})


def test_it_reports_every_rows_errors_on_a_dry_run_and_writes_nothing(client, registrar, world):
    client.force_login(registrar)
    response = upload(client, STATION_HEADERS, STATION_ROWS)
    assert response.status_code == 200
    report = response.context["report"]
    assert (report.rows, report.valid, report.dry_run) == (6, 2, True)
    errors = {(e.row, e.column) for e in report.errors}
    assert errors == {
        (3, "驿站名称"),
        (4, "所在区域"),
        (5, "开放日"),
        (5, "开门时间"),
        (5, "饮水"),
        (6, ""),
    }
    messages = {e.row: e.message for e in report.errors}
    assert "不是本辖区的区域" in messages[4] and "与第2行重复" in messages[6]
    page = response.content.decode()
    assert "与第2行重复" in page and "确认导入" in page
    assert not ServiceStation.objects.exists()


def test_it_imports_nothing_when_any_row_is_wrong_unless_asked_for_the_valid_rows(client, registrar):
    client.force_login(registrar)
    token = upload(client, STATION_HEADERS, STATION_ROWS).context["token"]
    refused = client.post("/registry/newemployment/stations/import/confirm/", {"token": token})
    assert refused.status_code == 400 and not ServiceStation.objects.exists()
    done = client.post("/registry/newemployment/stations/import/confirm/", {"token": token, "partial": "on"})
    assert done.status_code == 302
    stations = {s.name: s for s in ServiceStation.objects.all()}
    assert set(stations) == {"东湖驿站", "青川区驿站"}
    assert stations["青川区驿站"].open_days == "12345" and not stations["青川区驿站"].is_public
    event = AuditEvent.objects.get(action="newemployment.servicestation.imported")
    assert event.data == {"created": 2, "updated": 0}


def test_it_offers_the_errors_as_a_sheet(client, registrar):
    client.force_login(registrar)
    token = upload(client, STATION_HEADERS, STATION_ROWS).context["token"]
    response = client.get(f"/registry/newemployment/stations/import/errors/?token={token}")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("行号", "列", "问题") and len(rows) == 7


def test_it_refuses_a_sheet_without_the_required_columns(client, registrar):
    client.force_login(registrar)
    response = upload(client, ["名称", "地址"], [["a", "b"]])
    assert response.status_code == 400 and "表头缺少必填列" in response.content.decode()
    response = client.post(
        "/registry/newemployment/stations/import/", {"file": SimpleUploadedFile("a.txt", b"x")}
    )
    assert response.status_code == 400 and "请上传 .xlsx 或 .csv 文件。" in response.content.decode()


def test_it_imports_platforms_then_sites_and_updates_existing_rows(client, registrar, platform):
    client.force_login(registrar)
    platforms = [
        ["平台名称", "平台类型", "统一社会信用代码", "登记区域"],
        ["江南快运", "快递物流", "", "青川区"],
        ["云州速达外卖", "外卖配送", "", "青川区"],  # existing: updated, not duplicated
        ["坏类型", "飞艇", "", "青川区"],
        ["坏代码", "货运", "91330100MA2XXXXX1Y", "青川区"],
    ]
    report = upload(client, platforms[0], platforms[1:], kind="platforms").context["report"]
    assert {(e.row, e.column) for e in report.errors} == {(4, "平台类型"), (5, "统一社会信用代码")}
    token = upload(client, platforms[0], platforms[1:], kind="platforms").context["token"]
    client.post("/registry/newemployment/platforms/import/confirm/", {"token": token, "partial": "on"})
    assert sorted(Platform.objects.values_list("name", flat=True)) == ["云州速达外卖", "江南快运"]
    sites = [
        ["平台名称", "站点名称", "所在区域", "从业人数"],
        ["江南快运", "东湖网点", "东湖街道", "12"],
        ["没有的平台", "某站", "东湖街道", "3"],
        ["江南快运", "西站", "东湖街道", "-1"],
    ]
    report = upload(client, sites[0], sites[1:], kind="sites").context["report"]
    assert {(e.row, e.column) for e in report.errors} == {(3, ""), (4, "从业人数")}
    assert "未登记" in report.errors[0].message


def test_it_exports_what_it_imports(client, registrar, station, site):
    client.force_login(registrar)
    for kind, expected in (("stations", "东湖暖新驿站"), ("sites", "东湖站"), ("platforms", "云州速达外卖")):
        response = client.get(f"/registry/newemployment/{kind}/export/")
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
        rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
        assert expected in rows[1]
    # The station export imports back unchanged (an update, no new row).
    content = client.get("/registry/newemployment/stations/export/").content
    response = client.post(
        "/registry/newemployment/stations/import/", {"file": SimpleUploadedFile("back.xlsx", content)}
    )
    report = response.context["report"]
    assert report.ok and report.valid == 1
    client.post("/registry/newemployment/stations/import/confirm/", {"token": response.context["token"]})
    assert ServiceStation.objects.count() == 1 and Site.objects.count() == 1


def test_it_lets_no_one_else_use_an_uploaded_file(client, registrar, social_work_leader):
    client.force_login(registrar)
    token = upload(client, STATION_HEADERS, STATION_ROWS[:1]).context["token"]
    client.force_login(social_work_leader)
    assert (
        client.post("/registry/newemployment/stations/import/confirm/", {"token": token}).status_code == 403
    )
    assert not ServiceStation.objects.exists()


def test_it_saves_imported_sites_under_their_platform_with_an_audit_entry(client, registrar, platform, world):
    client.force_login(registrar)
    rows = [["云州速达外卖", "西湖站", "东湖街道", "12", "陈站长", "13800001111"]]
    response = upload(
        client, ["平台名称", "站点名称", "所在区域", "从业人数", "联系人", "联系电话"], rows, kind="sites"
    )
    client.post("/registry/newemployment/sites/import/confirm/", {"token": response.context["token"]})
    site = Site.objects.get()
    assert (site.platform, site.region, site.worker_count, site.contact) == (
        platform,
        world.regions["street"],
        12,
        "陈站长",
    )
    assert site.created_at is not None
    assert AuditEvent.objects.filter(action="newemployment.site.imported").exists()
