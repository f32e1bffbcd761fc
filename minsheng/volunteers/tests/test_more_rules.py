from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from minsheng.core.errors import DomainError
from minsheng.volunteers import tasks
from minsheng.volunteers.models import SignUp
from minsheng.volunteers.services import activity_close, signup_cancel, signup_create
from minsheng.volunteers.tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_sign_up_cannot_be_cancelled_once_the_shift_has_started(world, team, now):
    a = f.activity(world, team, now=now)
    s = signup_create(shift=a.shifts.get(), volunteer=f.volunteer(world, now=now), actor=None, now=now)
    with pytest.raises(DomainError) as e:
        signup_cancel(signup=s, actor=None, now=now + timedelta(days=2, minutes=1))
    assert e.value.code == "started"


def test_closing_an_activity_ends_the_waiting_list(world, team, now):
    a = f.activity(world, team, now=now, capacity=1)
    shift = a.shifts.get()
    signup_create(shift=shift, volunteer=f.volunteer(world, now=now), actor=None, now=now)
    waiting = signup_create(shift=shift, volunteer=f.volunteer(world, now=now), actor=None, now=now)
    activity_close(actor=None, activity=a, now=now)
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.CANCELLED
    assert shift.signups.filter(status=SignUp.Status.CONFIRMED).count() == 1


def test_a_minimum_age_is_enforced(world, team, now, settings):
    a = f.activity(world, team, now=now)
    a.min_age = 18
    a.save()
    minor = f.volunteer(
        world,
        now=now,
        birth="20120101",
        guardian_name="王芳",
        guardian_phone="13700001234",
        guardian_consent=True,
    )
    with pytest.raises(DomainError) as e:
        signup_create(shift=a.shifts.get(), volunteer=minor, actor=None, now=now)
    assert e.value.code == "age"


def test_the_periodic_task_reminds_once(world, team, citizen):
    rnow = timezone.now()
    a = f.activity(world, team, now=rnow, starts_in=timedelta(hours=5))
    signup_create(
        shift=a.shifts.get(), volunteer=f.volunteer(world, now=rnow, account=citizen), actor=None, now=rnow
    )
    assert tasks.send_shift_reminders() == 1
    assert tasks.send_shift_reminders() == 0


def test_the_volunteer_list_costs_the_same_queries_for_more_rows(client, registrar, world, now):
    skill = f.skill("tutoring", "课业辅导")
    client.force_login(registrar)

    def count():
        with CaptureQueriesContext(connection) as c:
            assert client.get(reverse("volunteers:volunteers")).status_code == 200
        return len(c.captured_queries)

    f.volunteer(world, now=now, skills=[skill])
    few = count()
    for _ in range(5):
        f.volunteer(world, now=now, skills=[skill])
    assert count() == few
