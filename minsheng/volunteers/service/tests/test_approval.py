"""The organizer approves (one or many), rejects; totals and stars follow; nobody else may decide."""

import pytest
from django.urls import reverse

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.volunteers.service import services
from minsheng.volunteers.service.models import ServiceRecord, Status
from minsheng.volunteers.service.tests.conftest import at
from minsheng.volunteers.service.tests.helpers import history, served


@pytest.fixture
def pending(shift, volunteer, vol_user):
    return served(shift, volunteer, vol_user, start=at(11, 9), end=at(11, 11, 30))


def test_it_approves_and_moves_total_and_stars_together(pending, volunteer, team, organizer):
    history(volunteer, team, minutes=99 * 60, start=at(1, 9, month=1))
    services.recompute_one(volunteer.pk)
    volunteer.refresh_from_db()
    assert (volunteer.approved_minutes, volunteer.stars) == (99 * 60, 0)
    assert services.records_approve(records=[pending], actor=organizer, now=at(11, 13)) == 1
    volunteer.refresh_from_db()
    assert volunteer.approved_minutes == 99 * 60 + 150 and volunteer.stars == 1
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED and pending.decided_by == organizer


def test_it_refuses_to_approve_an_open_record(shift, volunteer, vol_user, organizer):
    record = services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 9))
    with pytest.raises(DomainError, match="尚未签退"):
        services.records_approve(records=[record], actor=organizer, now=at(11, 13))


def test_it_refuses_to_approve_twice(pending, organizer):
    services.records_approve(records=[pending], actor=organizer, now=at(11, 13))
    with pytest.raises(DomainError, match="已审核"):
        services.records_approve(records=[pending], actor=organizer, now=at(11, 14))


def test_it_rejects_with_a_reason_and_counts_nothing(pending, volunteer, organizer):
    with pytest.raises(InvalidInput):
        services.record_reject(record=pending, reason="", actor=organizer, now=at(11, 13))
    services.record_reject(record=pending, reason="未实际到岗", actor=organizer, now=at(11, 13))
    pending.refresh_from_db()
    volunteer.refresh_from_db()
    assert pending.status == Status.REJECTED and volunteer.approved_minutes == 0


def test_it_moves_the_total_when_an_approved_record_is_corrected(pending, volunteer, organizer):
    services.records_approve(records=[pending], actor=organizer, now=at(11, 13))
    services.record_correct(
        record=pending, check_in_at=at(11, 9), check_out_at=at(11, 12), reason="签退时间录错",
        actor=organizer,
        now=at(11, 14),
    )  # fmt: skip
    volunteer.refresh_from_db()
    assert volunteer.approved_minutes == 180


def test_it_approves_a_page_of_ticked_records(client, organizer, pending, team, volunteer):
    other = history(volunteer, team, minutes=60, start=at(1, 9, month=2), status=Status.PENDING)
    client.force_login(organizer)
    response = client.post(reverse("volunteer_service:approve"), {"records": [pending.pk, other.pk]})
    assert response.status_code == 302
    assert ServiceRecord.objects.filter(status=Status.APPROVED).count() == 2
    volunteer.refresh_from_db()
    assert volunteer.approved_minutes == 210


def test_it_hides_a_record_from_another_teams_manager(client, other_organizer, other_team, pending):
    client.force_login(other_organizer)
    assert client.get(reverse("volunteer_service:record", args=[pending.pk])).status_code == 404
    client.post(reverse("volunteer_service:approve"), {"records": [pending.pk]})
    assert (
        client.post(reverse("volunteer_service:reject", args=[pending.pk]), {"reason": "x"}).status_code
        == 404
    )
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_it_refuses_staff_pages_to_a_citizen_and_sends_strangers_to_log_in(client, citizen, pending):
    client.force_login(citizen)
    for name in ("records", "shifts", "certificates", "dashboard", "import"):
        assert client.get(reverse(f"volunteer_service:{name}")).status_code == 403
    assert client.post(reverse("volunteer_service:approve"), {"records": [pending.pk]}).status_code == 403
    client.logout()
    assert client.get(reverse("volunteer_service:records")).status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_it_lets_the_registrar_read_but_not_approve(client, registrar, other_registrar, pending):
    client.force_login(registrar)
    page = client.get(reverse("volunteer_service:record", args=[pending.pk]))
    assert page.status_code == 200 and "认定</button>" not in page.content.decode()
    client.post(reverse("volunteer_service:approve"), {"records": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    client.force_login(other_registrar)
    assert client.get(reverse("volunteer_service:record", args=[pending.pk])).status_code == 404


def test_it_shows_a_correction_in_the_records_history(client, organizer, pending):
    client.force_login(organizer)
    url = reverse("volunteer_service:correct", args=[pending.pk])
    bad = client.post(
        url, {"check_in_at": "2026-03-11T11:00", "check_out_at": "2026-03-11T10:00", "reason": "x"}
    )
    assert bad.status_code == 400 and "不能早于" in bad.content.decode()
    ok = client.post(
        url, {"check_in_at": "2026-03-11T09:00", "check_out_at": "2026-03-11T12:00", "reason": "补登"}
    )
    assert ok.status_code == 302
    page = client.get(reverse("volunteer_service:record", args=[pending.pk])).content.decode()
    assert "更正前" in page and "补登" in page


def test_it_reminds_the_organizer_once_a_day_of_waiting_records(pending, organizer):
    from minsheng.notices.models import Notice
    from minsheng.volunteers.service.services.reminders import remind_organizers

    assert remind_organizers(now=at(12, 9)) == 0  # checked out only yesterday
    assert remind_organizers(now=at(15, 9)) == 1
    assert remind_organizers(now=at(15, 18)) == 0
    notice = Notice.objects.get(user=organizer)
    assert "1条服务记录待审核" in notice.body
