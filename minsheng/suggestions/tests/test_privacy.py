"""The proposer's identity: encrypted, masked for the office, never shown to the study unit, and
published only under the name they allowed."""

import pytest
from django.urls import reverse

from minsheng.audit.models import AuditEvent
from minsheng.suggestions import services
from minsheng.suggestions.tests.conftest import PHONE
from minsheng.suggestions.workflow import S

pytestmark = pytest.mark.django_db


def test_it_never_shows_the_study_unit_who_proposed(client, flow, world):
    s = flow.at(S.STUDYING)
    client.force_login(world.users["handler"])
    page = client.get(reverse("suggestions:suggestion", args=[s.number])).content.decode()
    assert "研究单位不可查看" in page
    assert s.proposer.name_masked not in page and PHONE[-4:] not in page and "李建华" not in page
    response = client.post(reverse("suggestions:identity", args=[s.number]), {"reason": "想知道"})
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="people.person.unmasked").exists()


def test_it_shows_the_office_a_masked_proposer_and_audits_the_clear_view(client, flow, world):
    s = flow.at(S.RECEIVED)
    client.force_login(world.users["suggestion_clerk"])
    page = client.get(reverse("suggestions:suggestion", args=[s.number])).content.decode()
    assert s.proposer.name_masked in page and PHONE not in page and "李建华" not in page
    page = client.post(
        reverse("suggestions:identity", args=[s.number]), {"reason": "电话回访"}
    ).content.decode()
    assert "李建华" in page and PHONE in page
    event = AuditEvent.objects.get(action="people.person.unmasked")
    assert event.actor == world.users["suggestion_clerk"] and event.data["reason"] == "电话回访"


def test_it_publishes_the_name_only_when_the_proposer_allowed_it(client, flow, live_topic):
    flow.topic, flow.now = live_topic, live_topic.published_at
    named = flow.at(S.ADOPTED, publish_name=True, name="王公开", title="署名建议")
    unnamed = flow.at(S.ADOPTED, publish_name=False, name="赵保密", title="不署名建议")
    for s in (named, unnamed):
        services.suggestion_publish(suggestion=s, actor=flow.clerk, now=flow.now)
    page = client.get(reverse("suggestions_public:topic", args=[live_topic.pk])).content.decode()
    assert "署名建议" in page and "不署名建议" in page
    assert "王公开" in page and "赵保密" not in page and PHONE not in page


def test_it_keeps_unpublished_adopted_suggestions_off_the_portal(client, flow, live_topic):
    flow.topic, flow.now = live_topic, live_topic.published_at
    flow.at(S.ADOPTED, title="尚未公开的建议")
    page = client.get(reverse("suggestions_public:topic", args=[live_topic.pk])).content.decode()
    assert "尚未公开的建议" not in page
