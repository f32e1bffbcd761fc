import csv
import io

import pytest
from django.core.management import call_command

from minsheng.accounts.models import User
from minsheng.audit.models import AuditEvent
from minsheng.core import exports
from minsheng.people import crypto
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import TERMINAL

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("generate_load", cases=400, stdout=io.StringIO())


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def test_it_exports_the_handlers_queue_as_csv_with_masked_names_and_audits_it(loaded, client):
    handler = User.objects.get(username="handler")
    client.force_login(handler)
    response = client.get("/exports/petitions.queue.csv")
    assert response.status_code == 200 and response.streaming
    assert "attachment" in response["Content-Disposition"]
    text = body(response)
    assert text.startswith("\ufeff编号,标题,信访人")  # a BOM: Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1:]
    mine = Petition.objects.filter(unit__memberships__user=handler).exclude(status__in=TERMINAL)
    assert {r[0] for r in rows} == set(mine.values_list("number", flat=True))
    clear_names = {crypto.decrypt(p.petitioner.name_enc) for p in mine if p.petitioner_id}
    assert not clear_names & {r[2] for r in rows}  # masked only
    event = AuditEvent.objects.get(action="core.export.created")
    assert event.actor_id == handler.pk and event.data["rows"] == len(rows)


def test_it_keeps_the_pages_filters_and_access(loaded, client):
    client.force_login(User.objects.get(username="handler"))
    case = Petition.objects.filter(unit__short_name="区住建局").exclude(status__in=TERMINAL).first()
    rows = body(client.get(f"/exports/petitions.queue.csv?q={case.number}")).splitlines()
    assert len(rows) == 2 and rows[1].startswith(case.number)
    client.force_login(User.objects.get(username="citizen"))
    assert len(body(client.get("/exports/petitions.queue.csv")).splitlines()) == 1  # nothing to see
    assert client.get("/exports/nothing.csv").status_code == 404


def test_it_hides_the_petitioner_from_the_unit_complained_about(loaded, client):
    handler = User.objects.get(username="handler")
    case = (
        Petition.objects.filter(unit__short_name="区住建局", petitioner__isnull=False)
        .exclude(status__in=TERMINAL)
        .first()
    )
    Petition.objects.filter(pk=case.pk).update(accused_unit=case.unit, kind="request")
    client.force_login(handler)
    row = next(
        r
        for r in csv.reader(io.StringIO(body(client.get("/exports/petitions.queue.csv"))))
        if r[0] == case.number
    )
    assert row[2] == ""


def test_it_writes_an_excel_file(loaded, client):
    from openpyxl import load_workbook

    client.force_login(User.objects.get(username="handler"))
    response = client.get("/exports/petitions.queue.xlsx?state=accepted")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "编号" and all(r[5] == "已受理·办理中" for r in rows[1:])


def test_it_turns_a_big_export_into_a_job_with_progress_and_a_download_for_its_owner_only(
    loaded, client, monkeypatch
):
    monkeypatch.setattr(exports, "DIRECT_LIMIT", 0)
    client.force_login(User.objects.get(username="handler"))
    response = client.get("/exports/petitions.queue.csv")
    assert response.status_code == 302 and "/exports/jobs/" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "已完成" in page and "下载" in page  # eager Celery: done before the page shows
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert 'id="export-progress"' in partial and "<html" not in partial
    download = client.get(f"/exports/jobs/{token}/download/")
    assert body(download).startswith("\ufeff编号")
    assert AuditEvent.objects.filter(action="core.export.downloaded").count() == 1
    client.force_login(User.objects.get(username="head"))
    assert client.get(response["Location"]).status_code == 404
    assert client.get(f"/exports/jobs/{token}/download/").status_code == 404


def test_it_shows_export_links_on_the_list_pages(loaded, client):
    client.force_login(User.objects.get(username="handler"))
    assert "/exports/petitions.queue.csv" in client.get("/staff/").content.decode()
    client.force_login(User.objects.get(username="jianyi"))
    assert "/exports/suggestions.list.xlsx" in client.get("/suggestions/").content.decode()
    assert client.get("/exports/suggestions.list.csv").status_code == 200
