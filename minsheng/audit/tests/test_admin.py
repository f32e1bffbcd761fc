"""Not even a superuser can write to the audit log through the admin."""

import pytest
from django.db import transaction
from django.urls import reverse

from minsheng import audit
from minsheng.accounts.models import User
from minsheng.audit.chain import verify
from minsheng.audit.models import AuditEvent
from minsheng.testing import PASSWORD


@pytest.fixture
def event(db):
    with transaction.atomic():
        return audit.record(actor=None, action="core.test.recorded", data={"n": 1})


@pytest.fixture
def root_client(client, db):
    client.force_login(
        User.objects.create_superuser(username="root", password=PASSWORD, email="r@example.org")
    )
    return client


def test_it_lists_and_shows_events_to_a_superuser(root_client, event):
    assert (
        "core.test.recorded" in root_client.get(reverse("admin:audit_auditevent_changelist")).content.decode()
    )
    assert root_client.get(reverse("admin:audit_auditevent_change", args=[event.pk])).status_code == 200


def test_it_refuses_to_add_change_or_delete_events(root_client, event):
    assert root_client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert root_client.post(reverse("admin:audit_auditevent_add"), {"action": "forged"}).status_code == 403
    change = reverse("admin:audit_auditevent_change", args=[event.pk])
    assert root_client.post(change, {"action": "forged", "data": "{}"}).status_code == 403
    delete = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert root_client.get(delete).status_code == 403
    assert root_client.post(delete, {"post": "yes"}).status_code == 403
    bulk = root_client.post(
        reverse("admin:audit_auditevent_changelist"),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)

    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["core.test.recorded"]
    assert verify().ok
