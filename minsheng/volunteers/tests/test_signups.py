from datetime import timedelta

import pytest

from minsheng.core.errors import DomainError
from minsheng.notices.models import Notice
from minsheng.volunteers.models import Activity, SignUp
from minsheng.volunteers.services import (
    activity_cancel,
    insurance_record,
    send_shift_reminders,
    shift_set_capacity,
    signup_cancel,
    signup_create,
)
from minsheng.volunteers.tests import factories as f

pytestmark = pytest.mark.django_db
St = SignUp.Status


def shift_of(activity):
    return activity.shifts.get()


def test_it_confirms_until_full_then_waitlists_in_order(world, team, now):
    a = f.activity(world, team, now=now, capacity=1)
    v1, v2, v3 = (f.volunteer(world, now=now) for _ in range(3))
    s = shift_of(a)
    assert signup_create(shift=s, volunteer=v1, actor=None, now=now).status == St.CONFIRMED
    w2 = signup_create(shift=s, volunteer=v2, actor=None, now=now)
    w3 = signup_create(shift=s, volunteer=v3, actor=None, now=now)
    assert (w2.status, w2.waitlist_position, w3.waitlist_position) == (St.WAITLISTED, 1, 2)


def test_cancelling_promotes_the_first_waitlisted_and_tells_them(world, team, now, citizen):
    a = f.activity(world, team, now=now, capacity=1)
    s = shift_of(a)
    v1, v2 = f.volunteer(world, now=now), f.volunteer(world, now=now, account=citizen)
    first = signup_create(shift=s, volunteer=v1, actor=None, now=now)
    second = signup_create(shift=s, volunteer=v2, actor=citizen, now=now)
    signup_cancel(signup=first, actor=None, now=now)
    second.refresh_from_db()
    assert second.status == St.CONFIRMED and second.waitlist_position is None
    assert Notice.objects.filter(user=citizen, key=f"signup-promoted:{second.pk}").exists()


def test_raising_capacity_promotes_the_waiting_list(world, team, now):
    a = f.activity(world, team, now=now, capacity=1)
    s = shift_of(a)
    signup_create(shift=s, volunteer=f.volunteer(world, now=now), actor=None, now=now)
    waiting = signup_create(shift=s, volunteer=f.volunteer(world, now=now), actor=None, now=now)
    shift_set_capacity(actor=None, shift=s, capacity=2, now=now)
    waiting.refresh_from_db()
    assert waiting.status == St.CONFIRMED


def test_required_skills_and_qualifications_gate_sign_up(world, team, now):
    first_aid = f.skill("first-aid", "急救证", kind="qualification")
    nursing = f.skill("nursing", "医疗护理")
    a = f.activity(world, team, now=now, skills=[nursing], qualifications=[first_aid])
    v = f.volunteer(world, now=now, skills=[nursing])
    with pytest.raises(DomainError) as e:
        signup_create(shift=shift_of(a), volunteer=v, actor=None, now=now)
    assert (
        e.value.code == "requirements"
        and "急救证" in str(e.value.message)
        and "医疗护理" not in str(e.value.message)
    )
    v.skills.add(first_aid)
    assert signup_create(shift=shift_of(a), volunteer=v, actor=None, now=now).status == St.CONFIRMED


def test_a_risky_activity_is_blocked_until_insurance_is_recorded(world, team, now):
    a = f.activity(world, team, now=now, risky=True)
    v = f.volunteer(world, now=now)
    with pytest.raises(DomainError) as e:
        signup_create(shift=shift_of(a), volunteer=v, actor=None, now=now)
    assert e.value.code == "insurance_missing" and not SignUp.objects.exists()
    insurance_record(actor=None, activity=a, policy_number="PA2026-001", insurer="某保险公司", now=now)
    assert signup_create(shift=shift_of(a), volunteer=v, actor=None, now=now).status == St.CONFIRMED


def test_an_overlapping_shift_of_the_same_volunteer_is_refused(world, team, now):
    a = f.activity(world, team, now=now, hours=3)
    b = f.activity(world, team, now=now, starts_in=timedelta(days=2, hours=2), title="社区清扫")
    v = f.volunteer(world, now=now)
    signup_create(shift=shift_of(a), volunteer=v, actor=None, now=now)
    with pytest.raises(DomainError) as e:
        signup_create(shift=shift_of(b), volunteer=v, actor=None, now=now)
    assert e.value.code == "overlap" and "敬老院探访" in str(e.value.message)


def test_signing_up_twice_or_for_a_draft_or_past_shift_is_refused(world, team, now):
    v = f.volunteer(world, now=now)
    a = f.activity(world, team, now=now)
    signup_create(shift=shift_of(a), volunteer=v, actor=None, now=now)
    with pytest.raises(DomainError) as e:
        signup_create(shift=shift_of(a), volunteer=v, actor=None, now=now)
    assert e.value.code == "duplicate"
    draft = f.activity(world, team, now=now, status=Activity.Status.DRAFT, starts_in=timedelta(days=5))
    with pytest.raises(DomainError):
        signup_create(shift=shift_of(draft), volunteer=v, actor=None, now=now)
    with pytest.raises(DomainError) as e:
        signup_create(
            shift=shift_of(a), volunteer=f.volunteer(world, now=now), actor=None, now=now + timedelta(days=3)
        )
    assert e.value.code == "started"


def test_cancelling_the_activity_cancels_sign_ups_and_tells_volunteers(world, team, now, citizen):
    a = f.activity(world, team, now=now)
    s = signup_create(
        shift=shift_of(a), volunteer=f.volunteer(world, now=now, account=citizen), actor=None, now=now
    )
    activity_cancel(actor=None, activity=a, now=now, reason="天气原因")
    s.refresh_from_db()
    assert s.status == St.CANCELLED and s.cancel_reason == "天气原因"
    assert Notice.objects.filter(user=citizen, key=f"activity-cancelled:{s.pk}").exists()


def test_reminders_go_out_the_day_before_once(world, team, now, citizen):
    a = f.activity(world, team, now=now, starts_in=timedelta(hours=20))
    s = signup_create(
        shift=shift_of(a), volunteer=f.volunteer(world, now=now, account=citizen), actor=None, now=now
    )
    later = f.activity(world, team, now=now, starts_in=timedelta(days=3), title="远期活动")
    signup_create(shift=shift_of(later), volunteer=s.volunteer, actor=None, now=now)
    assert send_shift_reminders(now=now) == 1
    assert send_shift_reminders(now=now) == 0
    assert Notice.objects.filter(user=citizen, key=f"shift-reminder:{s.pk}").count() == 1
