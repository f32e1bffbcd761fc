"""Check-in and check-out: idempotent scans, clear refusals, no double counting."""

from datetime import timedelta

import pytest

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.volunteers.service import services
from minsheng.volunteers.service.models import ServiceRecord, Source, Status
from minsheng.volunteers.service.tests.conftest import at, make_shift, sign_up


def test_it_checks_in_and_out_and_counts_only_the_shift_window(volunteer, shift, vol_user):
    services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 8, 40))
    record = services.check_out(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 12, 25))
    assert record.minutes == 180  # 09:00–12:00: arriving early and leaving late do not count
    assert record.status == Status.PENDING and record.source == Source.QR
    assert record.team_id == shift.activity.team_id
    assert AuditEvent.objects.filter(action="volunteer_service.record.checked_out").count() == 1


def test_it_keeps_one_record_when_checking_in_twice(volunteer, shift, vol_user):
    first = services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 9, 0))
    again = services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 9, 5))
    assert again.pk == first.pk and again.check_in_at == at(11, 9, 0)
    assert ServiceRecord.objects.count() == 1
    assert AuditEvent.objects.filter(action="volunteer_service.record.checked_in").count() == 1


def test_it_refuses_check_out_without_check_in_with_a_clear_message(volunteer, shift, vol_user):
    with pytest.raises(DomainError, match="还没有签到") as caught:
        services.check_out(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 12))
    assert caught.value.code == "not_checked_in"
    assert not ServiceRecord.objects.exists()


def test_it_ignores_a_second_check_out(volunteer, shift, vol_user):
    services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 9))
    first = services.check_out(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 11))
    again = services.check_out(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 11, 30))
    assert again.check_out_at == first.check_out_at and again.minutes == 120


def test_it_refuses_checking_in_to_an_overlapping_shift(volunteer, shift, activity, vol_user):
    other = make_shift(activity, at(11, 10), at(11, 13))
    sign_up(other, volunteer)
    services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 9))
    with pytest.raises(DomainError, match="时间重叠") as caught:
        services.check_in(shift=other, volunteer=volunteer, actor=vol_user, now=at(11, 10))
    assert caught.value.code == "overlap"
    assert ServiceRecord.objects.count() == 1


def test_it_lets_the_next_shift_start_when_the_first_one_ended(volunteer, shift, activity, vol_user):
    later = make_shift(activity, at(11, 12), at(11, 14))
    sign_up(later, volunteer)
    services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 9))
    services.check_out(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 12, 10))
    # Leaving at 12:10 counts until 12:00 only, so the 12:00 shift does not overlap.
    record = services.check_in(shift=later, volunteer=volunteer, actor=vol_user, now=at(11, 12, 5))
    assert record.shift == later


def test_it_counts_a_night_shift_across_midnight(volunteer, activity, vol_user):
    night = make_shift(activity, at(11, 22), at(12, 2))
    sign_up(night, volunteer)
    services.check_in(shift=night, volunteer=volunteer, actor=vol_user, now=at(11, 21, 50))
    record = services.check_out(shift=night, volunteer=volunteer, actor=vol_user, now=at(12, 2, 5))
    assert record.minutes == 240


def test_it_refuses_a_volunteer_who_did_not_sign_up(world, now, shift, vol_user):
    from minsheng.volunteers.tests import factories as f

    stranger = f.volunteer(world, now=now)
    with pytest.raises(DomainError, match="没有报名"):
        services.check_in(shift=shift, volunteer=stranger, actor=vol_user, now=at(11, 9))


def test_it_opens_check_in_only_around_the_shift(volunteer, shift, vol_user):
    with pytest.raises(DomainError, match="签到将于"):
        services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(10, 9))
    with pytest.raises(DomainError, match="已截止"):
        services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(12, 9))


def test_it_lets_the_organizer_enter_times_and_refuses_overlaps(volunteer, shift, activity, organizer):
    record = services.record_enter(
        shift=shift, volunteer=volunteer, check_in_at=at(11, 9, 10), check_out_at=at(11, 11, 40),
        actor=organizer, now=at(11, 13),
    )  # fmt: skip
    assert record.minutes == 150 and record.source == Source.ORGANIZER
    other = make_shift(activity, at(11, 11), at(11, 12, 30))
    sign_up(other, volunteer)
    with pytest.raises(DomainError, match="时间重叠"):
        services.record_enter(
            shift=other, volunteer=volunteer, check_in_at=at(11, 11), check_out_at=at(11, 12, 30),
            actor=organizer, now=at(11, 13),
        )  # fmt: skip


def test_it_refuses_check_out_before_check_in_when_entered(volunteer, shift, organizer):
    with pytest.raises(InvalidInput, match="不能早于"):
        services.record_enter(
            shift=shift, volunteer=volunteer, check_in_at=at(11, 11), check_out_at=at(11, 10),
            actor=organizer, now=at(11, 13),
        )  # fmt: skip
    assert not ServiceRecord.objects.exists()


def test_it_completes_a_missing_check_out_through_the_organizer(volunteer, shift, vol_user, organizer):
    services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 9))
    record = services.record_enter(
        shift=shift, volunteer=volunteer, check_in_at=at(11, 9), check_out_at=at(11, 11),
        actor=organizer, now=at(12, 9), notes="志愿者忘记签退",
    )  # fmt: skip
    assert record.minutes == 120
    assert AuditEvent.objects.filter(action="volunteer_service.record.corrected").exists()


def test_it_audits_a_correction_with_before_and_after(volunteer, shift, vol_user, organizer):
    services.check_in(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 9))
    record = services.check_out(shift=shift, volunteer=volunteer, actor=vol_user, now=at(11, 10))
    with pytest.raises(InvalidInput, match="原因"):
        services.record_correct(
            record=record,
            check_in_at=at(11, 9),
            check_out_at=at(11, 12),
            reason=" ",
            actor=organizer,
            now=at(11, 13),
        )
    services.record_correct(
        record=record, check_in_at=at(11, 9), check_out_at=at(11, 12), reason="签退时手机没电",
        actor=organizer,
        now=at(11, 13),
    )  # fmt: skip
    record.refresh_from_db()
    assert record.minutes == 180
    event = AuditEvent.objects.get(action="volunteer_service.record.corrected")
    assert event.data["before"]["minutes"] == 60 and event.data["after"]["minutes"] == 180
    assert event.data["reason"] == "签退时手机没电"


def test_it_refuses_a_record_longer_than_a_day(volunteer, organizer):
    record = ServiceRecord.objects.create(
        volunteer=volunteer, team_id=volunteer.signups.first().shift.activity.team_id,
        region=volunteer.region,
        title="历史", check_in_at=at(1, 9), check_out_at=at(1, 10), minutes=60, source=Source.IMPORT,
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="24小时"):
        services.record_correct(
            record=record, check_in_at=at(1, 9), check_out_at=at(1, 9) + timedelta(hours=25), reason="x",
            actor=organizer, now=at(11, 9),
        )  # fmt: skip
