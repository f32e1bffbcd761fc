"""An administrator enters a new year's State Council notice through the admin."""

import html
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from minsheng.accounts.models import User
from minsheng.core.calendar_store import official_calendar
from minsheng.core.models import CalendarDay, CalendarYear
from minsheng.core.periods import add_days
from minsheng.core.tests.factories import NOTICE_2027, notice_csv, notice_xlsx
from minsheng.testing import PASSWORD

IMPORT = reverse("admin:core_calendaryear_import")


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser(username="root", password=PASSWORD, email="root@example.org")
    client.force_login(user)
    return client


def _upload(client, content, name="notice.csv", year=2027, source=""):
    return client.post(
        IMPORT,
        {"year": year, "source": source, "file": SimpleUploadedFile(name, content), "preview": "1"},
    )


def test_it_offers_the_import_on_the_calendar_years_list(admin_client):
    page = admin_client.get(reverse("admin:core_calendaryear_changelist"))
    assert page.status_code == 200
    assert IMPORT in page.content.decode()
    assert "导入国务院节假日通知" in page.content.decode()
    assert admin_client.get(IMPORT).status_code == 200


def test_it_previews_before_it_writes_and_imports_on_confirm(
    admin_client, django_capture_on_commit_callbacks
):
    assert add_days(date(2026, 12, 20), 12, official_calendar()).warnings

    preview = _upload(admin_client, notice_xlsx(), "2027年节假日.xlsx")
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "2027-02-20" in page and "调休上班日" in page
    assert "放假 14 天，调休上班 2 天" in page
    assert not CalendarYear.objects.filter(year=2027).exists()  # nothing written yet

    # Confirm with what the page carries, as the browser would.
    confirm = {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="(year|source|rows)" value="([^"]*)"', page)
    }
    assert set(confirm) == {"year", "source", "rows"}
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(IMPORT, {**confirm, "confirm": "1"}, follow=True)
    assert done.redirect_chain[-1][0] == reverse("admin:core_calendaryear_changelist")
    assert "2027年官方日历已更新" in done.content.decode()
    assert CalendarYear.objects.get(year=2027).source == "国务院办公厅关于2027年部分节假日安排的通知"
    assert CalendarDay.objects.filter(day__year=2027).count() == len(NOTICE_2027)
    after = add_days(date(2026, 12, 20), 12, official_calendar())
    assert (after.due, after.warnings) == (date(2027, 1, 4), [])


def test_it_names_the_bad_row_and_writes_nothing(admin_client):
    page = _upload(admin_client, notice_csv([*NOTICE_2027[:4], ("2027-02-07", "半天", "春节")]))
    assert page.status_code == 200
    assert "第6行" in page.content.decode()
    assert "confirm_form" not in page.context or page.context["confirm_form"] is None
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_it_refuses_a_notice_of_another_year(admin_client):
    page = _upload(admin_client, notice_csv(), year=2028)
    assert "第2行" in page.content.decode() and "2028" in page.content.decode()
    assert not CalendarYear.objects.filter(year__in=(2027, 2028)).exists()


def test_it_refuses_a_tampered_confirmation(admin_client):
    page = admin_client.post(
        IMPORT, {"year": 2027, "source": "x", "rows": '[["2027-01-01", "nonsense", ""]]', "confirm": "1"}
    )
    assert page.status_code == 200
    assert "第1行" in page.content.decode()
    page = admin_client.post(IMPORT, {"year": 2027, "source": "x", "rows": "{not json", "confirm": "1"})
    assert page.status_code == 200
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_it_warns_before_replacing_a_loaded_year(admin_client):
    page = _upload(admin_client, notice_csv([("2026-10-08", "休", "国庆节")]), year=2026)
    assert "确认后将替换该年度现有的" in page.content.decode()


def test_it_serves_a_template_to_fill_in(admin_client):
    response = admin_client.get(reverse("admin:core_calendaryear_template"))
    assert response.status_code == 200
    assert "日期,类型,名称" in response.content.decode("utf-8-sig")


def test_it_recomputes_after_an_admin_edits_a_single_day(admin_client, django_capture_on_commit_callbacks):
    # An extra holiday, as when a notice is amended: 2026-03-12 becomes a rest day.
    assert add_days(date(2026, 3, 11), 1, official_calendar()).due == date(2026, 3, 12)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:core_calendarday_add"), {"day": "2026-03-12", "kind": "holiday", "name": "调整"}
        )
    assert response.status_code == 302
    assert add_days(date(2026, 3, 11), 1, official_calendar()).due == date(2026, 3, 13)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("admin:core_calendarday_delete", args=["2026-03-12"]), {"post": "yes"})
    assert add_days(date(2026, 3, 11), 1, official_calendar()).due == date(2026, 3, 12)


def test_it_removes_a_years_days_with_the_year(admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("admin:core_calendaryear_delete", args=[2026]), {"post": "yes"})
    assert not CalendarDay.objects.filter(day__year=2026).exists()
    assert add_days(date(2026, 3, 11), 30, official_calendar()).warnings


def test_it_keeps_staff_without_calendar_rights_out_of_the_import(client, db):
    staff = User.objects.create_user(username="staff", password=PASSWORD, is_staff=True)
    client.force_login(staff)
    assert client.get(IMPORT).status_code == 403
    response = client.post(
        IMPORT, {"year": 2027, "source": "x", "rows": '[["2027-01-01", "休", ""]]', "confirm": "1"}
    )
    assert response.status_code == 403
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get(IMPORT)
    assert response.status_code == 302
    assert "login" in response["Location"]
