"""Printable documents (/staff/cases/<number>/documents/<kind>.pdf)."""

import pytest

from minsheng.audit.models import AuditEvent
from minsheng.petitions import services

pytest.importorskip(
    "minsheng.petitions.documents", reason="minsheng.petitions.documents (PDF documents) is not installed"
)

pytestmark = pytest.mark.django_db
PRINTED = "petitions.document.printed"


@pytest.fixture
def assigned(world, clerk, file_petition):
    def make(unit_key="housing", **overrides):
        p = file_petition(**overrides)
        return services.petition_assign(
            petition=p, actor=clerk, now=p.received_at, unit=world.units[unit_key]
        )

    return make


def doc_url(p, kind):
    return f"/staff/cases/{p.number}/documents/{kind}.pdf"


def test_it_prints_a_document_with_the_identity_and_records_it(client, handler, assigned):
    p = assigned()
    client.force_login(handler)
    assert doc_url(p, "transfer") in client.get(f"/staff/cases/{p.number}/").content.decode()
    response = client.get(doc_url(p, "transfer"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    event = AuditEvent.objects.get(action=PRINTED)
    assert event.actor == handler
    assert event.target_id == str(p.pk)
    assert event.data == {"number": p.number, "kind": "transfer", "title": "信访事项交办单"}
    # The timeline says which document was printed with the identity on it.
    assert "文书：信访事项交办单" in client.get(f"/staff/cases/{p.number}/").content.decode()


def test_it_prints_masked_and_records_nothing_for_the_accused_unit(client, handler, assigned):
    p = assigned("housing", accused_unit=handler.memberships.get().unit)
    client.force_login(handler)
    response = client.get(doc_url(p, "transfer"))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert not AuditEvent.objects.filter(action=PRINTED).exists()


def test_it_hides_documents_of_cases_the_user_may_not_see(client, outsider, assigned):
    p = assigned()
    client.force_login(outsider)
    assert client.get(doc_url(p, "transfer")).status_code == 404
    assert not AuditEvent.objects.filter(action=PRINTED).exists()


def test_it_answers_404_for_a_document_the_case_does_not_have(client, handler, assigned):
    p = assigned()
    client.force_login(handler)
    assert client.get(doc_url(p, "opinion")).status_code == 404
    assert client.get(doc_url(p, "nonsense")).status_code == 404
    assert not AuditEvent.objects.filter(action=PRINTED).exists()
