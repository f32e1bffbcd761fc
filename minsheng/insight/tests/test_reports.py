"""The Art. 41 annual report and the monthly briefing: PDF and Excel say the figures; the schedule
makes each report once and tells the leaders."""

import shutil
import subprocess
from datetime import date, datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.core.periods import CHINA
from minsheng.insight import reports, services
from minsheng.insight.models import Report
from minsheng.notices.models import Notice
from minsheng.orgs.models import Unit

TODAY = date(2026, 3, 31)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _pdf_text(content: bytes, request) -> str:
    if not shutil.which("pdftotext"):
        if request.config.minsheng_ci:
            pytest.fail("pdftotext (poppler-utils) is needed to read the PDF")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


def _cells(content: bytes) -> dict[str, list[list]]:
    book = load_workbook(BytesIO(content))
    return {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}


def test_the_annual_report_pdf_states_the_article_41_figures(county_cases, leader, request):
    text = _pdf_text(reports.annual_report(2026, scope=leader, today=TODAY), request)
    assert "2026年度信访工作情况报告" in text
    assert "信访事项总数 5" in text
    assert "交办 3" in text and "转送 1" in text
    assert "被投诉较多的单位" in text and "青川区人力资源和社会保障局 1" in text
    assert "提出的建议及采纳情况" in text


def test_the_annual_report_excel_has_the_same_figures(county_cases, leader):
    sheets = _cells(reports.annual_report(2026, scope=leader, fmt="xlsx", today=TODAY))
    summary = next(rows for title, rows in sheets.items() if title.startswith("一、"))
    assert ["信访事项总数", 5] in summary
    assert ["按期办结率", "100.0%"] in summary
    complained = next(rows for title, rows in sheets.items() if title.startswith("七、"))
    assert ["青川区人力资源和社会保障局", 1] in complained


def test_the_monthly_briefing_compares_with_the_month_before(county_cases, leader, request):
    text = _pdf_text(reports.monthly_briefing(date(2026, 3, 1), scope=leader, today=TODAY), request)
    assert "2026-03 月度信访与民情简报" in text
    assert "信访事项 5 0" in text
    sheets = _cells(reports.monthly_briefing(date(2026, 3, 1), scope=leader, fmt="xlsx", today=TODAY))
    volumes = next(rows for title, rows in sheets.items() if title.startswith("一、"))
    assert ["信访事项", 5, 0, "—"] in volumes


def test_a_report_of_another_county_has_none_of_these_cases(county_cases, world):
    from minsheng.insight.selectors import region_scope

    sheets = _cells(
        reports.annual_report(
            2026, scope=region_scope(world.regions["other_county"]), fmt="xlsx", today=TODAY
        )
    )
    summary = next(rows for title, rows in sheets.items() if title.startswith("一、"))
    assert ["信访事项总数", 1] in summary


def test_the_schedule_makes_each_report_once_and_tells_the_leaders(county_cases, leader):
    april_first = datetime(2026, 4, 1, 2, 0, tzinfo=CHINA)
    first = services.generate_due_reports(now=april_first)
    second = services.generate_due_reports(now=april_first)
    bureaus = Unit.objects.filter(kind=Unit.Kind.PETITION_BUREAU).count()
    assert len(first.created) == bureaus and second.created == []
    assert Report.objects.filter(kind=Report.Kind.MONTHLY, period_start=date(2026, 3, 1)).count() == bureaus
    assert Notice.objects.filter(user=leader, subject__contains="月度民情简报").count() == 1


def test_january_brings_the_annual_report(county_cases, world):
    services.generate_due_reports(now=datetime(2027, 1, 1, 3, 0, tzinfo=CHINA))
    services.generate_due_reports(now=datetime(2027, 1, 2, 3, 0, tzinfo=CHINA))
    annual = Report.objects.filter(kind=Report.Kind.ANNUAL, unit=world.units["bureau"])
    assert [r.period_start for r in annual] == [date(2026, 1, 1)]


def test_leaders_download_reports_and_others_do_not_get_stored_ones(client, county_cases, leader, handler):
    services.generate_due_reports(now=datetime(2026, 4, 1, 2, 0, tzinfo=CHINA))
    stored = Report.objects.get(unit__name="青川区信访局")
    client.force_login(leader)
    now_made = client.get(reverse("insight:report", args=["annual", "pdf"]), {"year": "2026"})
    assert now_made.status_code == 200 and now_made["Content-Type"] == "application/pdf"
    excel = client.get(reverse("insight:report", args=["monthly", "xlsx"]), {"month": "2026-03"})
    assert excel.status_code == 200 and excel.content[:2] == b"PK"
    assert client.get(reverse("insight:stored", args=[stored.pk, "pdf"])).status_code == 200
    client.force_login(handler)
    assert client.get(reverse("insight:stored", args=[stored.pk, "pdf"])).status_code == 404
