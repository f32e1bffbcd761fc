"""The demo part seeds a usable world (and leaves past sign-ups for the service records demo)."""

import random

import pytest
from django.utils import timezone

from minsheng.volunteers import demo
from minsheng.volunteers.models import Activity, SignUp, Volunteer

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_teams_volunteers_and_activities():
    from minsheng.demo import world

    w = world.build("demo-pass-2026")
    now = timezone.now()
    lines = demo.seed(w, now=now, rng=random.Random(2026))
    assert lines and Volunteer.objects.count() == 30
    assert Volunteer.objects.get(account__username="volunteer").name_masked == "宋*"
    assert SignUp.objects.filter(status=SignUp.Status.WAITLISTED).exists()
    assert SignUp.objects.filter(status=SignUp.Status.CONFIRMED, shift__ends_at__lt=now).count() >= 10
    blocked = Activity.objects.get(title="山地搜救演练")
    assert blocked.insurance_missing and blocked.status == Activity.Status.PUBLISHED
    assert w.users["organizer"].managed_teams.count() == 1
