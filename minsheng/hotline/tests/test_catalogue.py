"""The dispatch catalogue: Excel import with a dry run, confirmation, valid rows only; export."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from minsheng.core import sheets
from minsheng.hotline.models import DispatchRule
from minsheng.testing import PASSWORD, password_login


def workbook(rows) -> io.BytesIO:
    content = sheets.workbook_bytes(("分类代码", "区划代码", "承办单位", "备注"), rows)
    f = io.BytesIO(content)
    f.name = "rules.xlsx"
    return f


def test_an_import_with_errors_reports_rows_and_saves_nothing_until_asked(client, world, cats, dispatcher):
    assert password_login(client, "dispatcher", PASSWORD)
    rows = [
        ("0102", "990102", "青川区住房和城乡建设局", ""),
        ("9999", "990102", "青川区住房和城乡建设局", ""),  # unknown category
        ("0102", "990102001", "青川区信访局", ""),  # not a handling unit
    ]
    page = client.post(reverse("hotline:catalogue"), {"file": workbook(rows)})
    body = page.content.decode()
    assert page.status_code == 200
    assert "分类代码“9999”不存在" in body and "承办单位“青川区信访局”不存在或不能承办工单" in body
    assert not DispatchRule.objects.exists()
    refused = client.post(reverse("hotline:catalogue_confirm"))
    assert refused.status_code == 400 and not DispatchRule.objects.exists()
    done = client.post(reverse("hotline:catalogue_confirm"), {"partial": "1"})
    assert done.status_code == 302
    assert list(DispatchRule.objects.values_list("category__code", "region__code")) == [("0102", "990102")]


def test_an_operator_may_not_import(client, world, cats, operator):
    assert password_login(client, "operator", PASSWORD)
    response = client.post(reverse("hotline:catalogue"), {"file": workbook([("0102", "990102", "x", "")])})
    assert response.status_code == 403


def test_a_wrong_file_answers_400_in_chinese(client, world, cats, dispatcher):
    assert password_login(client, "dispatcher", PASSWORD)
    f = io.BytesIO(b"not a spreadsheet")
    f.name = "rules.txt"
    response = client.post(reverse("hotline:catalogue"), {"file": f})
    assert response.status_code == 400 and "请上传 .xlsx 或 .csv 文件" in response.content.decode()


def test_the_export_lists_the_rules(client, rules, operator):
    assert password_login(client, "operator", PASSWORD)
    response = client.get(reverse("hotline:catalogue_export"))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "分类代码" and len(values) == 1 + DispatchRule.objects.count()
