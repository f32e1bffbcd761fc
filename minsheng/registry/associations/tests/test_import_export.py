"""Excel in and out: a 10,000-row workbook with mixed errors, all-or-nothing unless asked, every
error reported with its row; an export imports back without a single error."""

from datetime import date

import pytest
from django.urls import reverse

from minsheng.audit.models import AuditEvent
from minsheng.core import sheets
from minsheng.registry.associations import services
from minsheng.registry.associations.models import Association
from minsheng.registry.associations.services.sheets import COLUMNS
from minsheng.registry.associations.tests.factories import credit_code, make_association
from minsheng.registry.associations.workflow import S

pytestmark = pytest.mark.django_db

HEADERS = [str(c.header) for c in COLUMNS]


def row(n: int, **overrides) -> list:
    values = {
        "名称": f"青川区第{n}行业协会",
        "统一社会信用代码": credit_code(n),
        "类型": "行业协会" if n % 3 else "商会",
        "层级": "县级",
        "所属行业": "制造业",
        "登记地区代码": "990102" if n % 2 else "990102001",
        "登记管理机关": "青川区民政局",
        "业务主管单位": "青川区工业和信息化局",
        "个人会员数": 60,
        "单位会员数": 0,
        "活动资金（元）": 50000,
        "法定代表人": "张三",
        "联系人": "李四",
        "联系电话": "13800000000",
        "住所": "",
        "成立登记日期": "2021-03-01",
        "状态": "正常",
        "已完成脱钩事项": "",
        "党组织": "未建立",
        "正式党员数": 0,
    }
    values.update(overrides)
    return [values[h] for h in HEADERS]


# Every 97th row is broken in one of these ways: (what is changed, the column the error names).
BROKEN = [
    ({"统一社会信用代码": "51990102000000001Y"}, "统一社会信用代码"),  # wrong check character
    ({"名称": ""}, "名称"),
    ({"类型": "基金会"}, "类型"),
    ({"登记地区代码": "990103"}, ""),  # another county's region
    ({"个人会员数": 10}, ""),  # too few members
    ({"成立登记日期": "2021/13/45"}, "成立登记日期"),
    ({"统一社会信用代码": "91350100M000100Y43"}, "统一社会信用代码"),  # not a social organization
    ({"状态": "已脱钩", "已完成脱钩事项": "机构分离"}, ""),  # not all five separations
]


def big_table(n_rows=10_000):
    rows, bad = [HEADERS], {}
    for i in range(n_rows):
        sheet_row = i + 2
        if i % 97 == 50:
            change, column = BROKEN[(i // 97) % len(BROKEN)]
            rows.append(row(i, **change))
            bad[sheet_row] = column
        else:
            rows.append(row(i))
    # A duplicate code within the file: the second copy is refused, naming the first row.
    rows.append(row(1, 名称="重复协会"))
    bad[len(rows)] = ""
    return rows, bad


@pytest.fixture(scope="module")
def workbook():
    rows, bad = big_table()
    return sheets.workbook_bytes(rows[0], rows[1:]), bad


def test_a_dry_run_reports_every_bad_row_and_writes_nothing(world, registrar, workbook):
    content, bad = workbook
    report = services.association_import(actor=registrar, content=content, filename="a.xlsx", dry_run=True)
    assert report.rows == 10_001
    assert {e.row for e in report.errors} == set(bad)
    by_row = {e.row: e for e in report.errors}
    for number, column in bad.items():
        assert by_row[number].column == column
    assert "与第3行重复" in by_row[10_002].message
    assert report.valid == 10_001 - len(bad) and report.saved == 0
    assert not Association.objects.exists()


def test_a_real_import_with_errors_writes_nothing_unless_partial(world, registrar, workbook):
    content, bad = workbook
    refused = services.association_import(actor=registrar, content=content, filename="a.xlsx", dry_run=False)
    assert refused.saved == 0 and len({e.row for e in refused.errors}) == len(bad)
    assert not Association.objects.exists()

    report = services.association_import(
        actor=registrar, content=content, filename="a.xlsx", dry_run=False, partial=True
    )
    assert report.saved == 10_001 - len(bad)
    assert Association.objects.count() == report.saved
    assert Association.objects.filter(region=world.regions["street"]).exists()
    # Saved as typed (PostgreSQL takes a large import by COPY, SQLite by bulk_create).
    sample = Association.objects.get(credit_code=credit_code(10))
    assert (sample.name, sample.funds, sample.registered_on, sample.decoupling) == (
        "青川区第10行业协会",
        50000,
        date(2021, 3, 1),
        {},
    )
    assert sample.status == S.ACTIVE and sample.created_at is not None and sample.kind == "association"
    event = AuditEvent.objects.get(action="associations.association.imported")
    assert event.data["created"] == report.saved


def test_an_export_imports_back_without_errors_and_changes_nothing(world, registrar, now):
    make_association(world, registrar, now, n=1)
    make_association(
        world, registrar, now, n=2, name="筹备中的商会", status=S.PREPARING, credit_code="", kind="chamber"
    )
    d = make_association(world, registrar, now, n=3, name="脱钩中的协会")
    services.association_step(association=d, actor=registrar, name="start_decoupling", now=now)
    services.association_record_decoupling(
        association=d, actor=registrar, step="institution", done_on=date(2026, 1, 2), now=now
    )
    client_content = services.export_workbook(Association.objects.select_related("region"))
    report = services.association_import(
        actor=registrar, content=client_content, filename="e.xlsx", dry_run=True
    )
    assert report.errors == [] and report.rows == 3
    before = list(Association.objects.order_by("pk").values())
    report = services.association_import(
        actor=registrar, content=client_content, filename="e.xlsx", dry_run=False
    )
    assert report.ok and report.saved == 0  # nothing differed
    assert list(Association.objects.order_by("pk").values()) == before


def test_an_import_updates_a_known_code_but_not_its_state(world, registrar, now):
    a = make_association(world, registrar, now, n=1)
    rows = [HEADERS, row(1, 个人会员数=120)]
    report = services.import_table(actor=registrar, rows=rows, dry_run=False)
    assert report.saved == 1
    a.refresh_from_db()
    assert a.individual_members == 120
    report = services.import_table(actor=registrar, rows=[HEADERS, row(1, 状态="已注销登记")], dry_run=True)
    assert "状态变更请在详情页逐一办理" in report.errors[0].message


def test_another_countys_record_is_not_overwritten(world, registrar, other_registrar, now):
    make_association(world, registrar, now, n=1)
    rows = [HEADERS, row(1, 登记地区代码="990103")]
    report = services.import_table(actor=other_registrar, rows=rows, dry_run=True)
    assert "已由其他地区登记" in report.errors[0].message


def test_the_import_pages_check_then_confirm(client, world, registrar):
    client.force_login(registrar)
    content = sheets.workbook_bytes(HEADERS, [row(1), row(2, 个人会员数=3), row(3)])
    upload = sheets_file(content)
    response = client.post(reverse("registry:associations:import"), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 200 and "会员数量不足" in page and ">3<" in page
    token = response.context["confirm"].initial["token"]
    confirm = reverse("registry:associations:import_confirm")
    response = client.post(confirm, {"token": token})
    assert response.status_code == 400 and not Association.objects.exists()
    assert client.get(reverse("registry:associations:import_errors")).status_code == 200
    response = client.post(confirm, {"token": token, "partial": "on"})
    assert response.status_code == 200 and Association.objects.count() == 2
    # The file is gone once imported: the same token cannot be replayed.
    assert client.post(confirm, {"token": token, "partial": "on"}).status_code == 403


def test_a_leader_may_not_import_and_a_bad_file_is_a_clear_400(client, world, registrar, social_work_leader):
    client.force_login(social_work_leader)
    assert (
        client.post(reverse("registry:associations:import"), {"file": sheets_file(b"x")}).status_code == 403
    )
    client.force_login(registrar)
    response = client.post(reverse("registry:associations:import"), {"file": sheets_file(b"not excel")})
    assert response.status_code == 400 and "无法读取该Excel文件" in response.content.decode()
    bad_header = sheets.workbook_bytes(["名字"], [["x"]])
    response = client.post(reverse("registry:associations:import"), {"file": sheets_file(bad_header)})
    assert response.status_code == 400 and "表头缺少必填列" in response.content.decode()


def sheets_file(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("associations.xlsx", content, content_type=sheets.XLSX_TYPE)


def test_blank_state_and_decoupling_cells_keep_the_register(world, registrar, now):
    a = make_association(world, registrar, now, n=1)
    services.association_step(association=a, actor=registrar, name="start_decoupling", now=now)
    services.association_record_decoupling(
        association=a, actor=registrar, step="functions", done_on=date(2026, 1, 2), now=now
    )
    report = services.import_table(
        actor=registrar, rows=[HEADERS, row(1, 状态="", 已完成脱钩事项="", 法定代表人="赵六")], dry_run=False
    )
    assert report.ok and report.saved == 1
    a.refresh_from_db()
    assert (a.status, a.decoupling, a.legal_representative) == (
        S.DECOUPLING,
        {"functions": "2026-01-02"},
        "赵六",
    )
