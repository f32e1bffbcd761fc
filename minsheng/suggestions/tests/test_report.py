"""The per-topic report: counts, adoption rate and themes, in Excel and PDF."""

import io
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.core.errors import InvalidInput
from minsheng.suggestions import services
from minsheng.suggestions.report import topic_report
from minsheng.suggestions.services import TopicInput
from minsheng.suggestions.workflow import S

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(flow):
    for state in (S.ADOPTED, S.PARTLY_ADOPTED, S.NOT_ADOPTED, S.NOT_ADOPTED, S.STUDYING, S.REDIRECTED):
        flow.at(state, title="老旧小区加装电梯补贴", reason="加装电梯资金不足，低层住户不同意。")
    return flow.topic


def test_it_counts_states_and_the_adoption_rate(filled):
    report = topic_report(filled)
    counts = {state: n for state, _label, n in report.counts}
    assert report.total == 6 and counts[S.NOT_ADOPTED] == 2 and counts[S.REDIRECTED] == 1
    assert report.decided == 4 and report.adopted == 2 and report.adoption_rate == 0.5
    assert "电梯" in [t.words for t in report.keywords]


def test_it_exports_the_report_to_excel(client, filled, world):
    client.force_login(world.users["suggestion_clerk"])
    response = client.get(reverse("suggestions:report_xlsx", args=[filled.pk]))
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    as_dict = {row[1]: row[2] for row in rows[1:]}
    assert as_dict["建议总数"] == "6" and as_dict["采纳率"] == "50.0%" and as_dict["未采纳"] == "2"
    assert any(row[0] == "关键词" and row[1] == "电梯" for row in rows)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_it_exports_the_report_to_pdf(client, filled, world):
    client.force_login(world.users["suggestion_clerk"])
    response = client.get(reverse("suggestions:report_pdf", args=[filled.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout
    text = text.decode()
    assert "老旧小区加装电梯征集意见" in text and "采纳率" in text and "50.0%" in text


def test_it_keeps_the_report_from_another_office(client, filled, world):
    other = world.users["other_registrar"]
    from minsheng.orgs.models import Membership

    Membership.objects.create(user=other, unit=world.units["other_social_work"], role="clerk")
    client.force_login(other)
    assert client.get(reverse("suggestions:report", args=[filled.pk])).status_code == 404


def test_it_stores_topic_attachments_and_serves_them_on_the_portal(
    client, world, suggestion_clerk, live_topic
):
    pdf = SimpleUploadedFile("方案.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    services.topic_update(
        topic=live_topic,
        actor=suggestion_clerk,
        attachments=(pdf,),
        data=TopicInput(live_topic.title, live_topic.description, live_topic.starts_on, live_topic.ends_on),
    )
    item = live_topic.attachments.get()
    response = client.get(reverse("suggestions_public:topic_attachment", args=[live_topic.pk, item.token]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 test"
    bad = SimpleUploadedFile("病毒.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(InvalidInput):
        services.topic_update(
            topic=live_topic,
            actor=suggestion_clerk,
            attachments=(bad,),
            data=TopicInput(
                live_topic.title, live_topic.description, live_topic.starts_on, live_topic.ends_on
            ),
        )
    assert live_topic.attachments.count() == 1


def test_it_creates_and_publishes_a_topic_through_the_pages(client, world):
    client.force_login(world.users["suggestion_clerk"])
    response = client.post(
        reverse("suggestions:topic_new"), {"title": "", "description": "", "starts_on": "x"}
    )
    assert response.status_code == 400 and "这个字段是必填项。" in response.content.decode()
    response = client.post(
        reverse("suggestions:topic_new"),
        {
            "title": "15分钟便民生活圈建议",
            "description": "请提出建议。",
            "starts_on": "2026-03-01",
            "ends_on": "2026-02-01",
        },
    )
    assert response.status_code == 400 and "截止日期不能早于开始日期。" in response.content.decode()
    response = client.post(
        reverse("suggestions:topic_new"),
        {
            "title": "15分钟便民生活圈建议",
            "description": "请提出建议。",
            "starts_on": "2026-03-01",
            "ends_on": "2026-12-31",
        },
    )
    assert response.status_code == 302
    topic_url = response["Location"]
    pk = int(topic_url.rstrip("/").split("/")[-1])
    assert client.get(reverse("suggestions_public:topic", args=[pk])).status_code == 404
    client.post(reverse("suggestions:topic_publish", args=[pk]))
    client.logout()
    assert client.get(reverse("suggestions_public:topic", args=[pk])).status_code == 200
