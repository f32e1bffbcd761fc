"""A registrar checks an Excel file of associations, imports the valid rows, and reads the dashboard."""

import re

import pytest
from playwright.sync_api import expect

from minsheng.core import sheets
from minsheng.registry.associations.models import Association
from minsheng.registry.associations.services.sheets import COLUMNS
from minsheng.registry.associations.tests.factories import credit_code
from minsheng.testing import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _row(n, members=60):
    values = {
        "名称": f"青川区第{n}行业协会",
        "统一社会信用代码": credit_code(n),
        "类型": "行业协会",
        "层级": "县级",
        "登记地区代码": "990102",
        "登记管理机关": "青川区民政局",
        "个人会员数": members,
        "活动资金（元）": 50000,
        "成立登记日期": "2021-03-01",
    }
    return [values.get(str(c.header), "") for c in COLUMNS]


def test_a_registrar_imports_the_valid_rows_and_drills_down_from_the_dashboard(
    page, live_server, tmp_path, settings
):
    settings.DATA_DIR = tmp_path
    build_world()
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "registrar")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")

    upload = tmp_path / "associations.xlsx"
    upload.write_bytes(
        sheets.workbook_bytes([c.header for c in COLUMNS], [_row(1), _row(2, members=5), _row(3)])
    )
    page.goto(f"{base}/registry/associations/import/")
    page.set_input_files("#id_file", str(upload))
    page.click("main form button[type=submit]")
    expect(page.locator("main table")).to_contain_text("会员数量不足")
    expect(page.locator("main table")).to_contain_text("3")  # the row number as Excel shows it
    page.check("#id_partial")
    page.click("text=确认导入")
    expect(page.locator("main")).to_contain_text("已写入：2 行")
    assert Association.objects.count() == 2

    page.goto(f"{base}/registry/associations/dashboard/")
    expect(page.locator("[data-chart=chart-area] svg")).to_be_visible()
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    page.click("main table a:has-text('青川区')")
    expect(page).to_have_url(re.compile(r"area=990102"))
    expect(page.locator("main table")).to_contain_text("青川区第3行业协会")
