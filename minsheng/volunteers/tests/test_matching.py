from datetime import datetime

import pytest

from minsheng.core.periods import CHINA
from minsheng.orgs.models import Region
from minsheng.volunteers import availability
from minsheng.volunteers.matching import steps_between, suggest
from minsheng.volunteers.tests import factories as f

pytestmark = pytest.mark.django_db


def test_availability_slots_of_a_shift():
    sat_morning = datetime(2026, 3, 14, 9, 0, tzinfo=CHINA)
    mask = availability.shift_mask(sat_morning, sat_morning.replace(hour=14))
    assert mask == availability.bit(5, 0) | availability.bit(5, 1)
    assert availability.parse("周六全天、工作日晚上") == (0b111 << 15) | sum(
        availability.bit(d, 2) for d in range(5)
    )
    assert availability.describe(availability.parse("周六全天")) == "周六全天"


def test_steps_between_regions():
    assert steps_between("/1/2/3/", "/1/2/3/") == 0
    assert steps_between("/1/2/3/", "/1/2/") == 1
    assert steps_between("/1/2/3/", "/1/2/4/") == 2


def test_it_ranks_by_skills_then_time_then_distance(world, team, now):
    nursing = f.skill("nursing", "医疗护理")
    county, street = world.regions["county"], world.regions["street"]
    other_street = Region.objects.create(
        code="990102002", name="西山街道", level=Region.Level.STREET, parent=county
    )
    # A Saturday-morning shift in 东湖街道.
    sat = datetime(2026, 3, 14, 9, 0, tzinfo=CHINA)
    a = f.activity(world, team, now=now, skills=[nursing], region=street, starts_in=sat - now)
    sat_morning = availability.bit(5, 0)
    best = f.volunteer(world, now=now, skills=[nursing], avail=sat_morning, region=street)
    far = f.volunteer(world, now=now, skills=[nursing], avail=sat_morning, region=other_street)
    busy = f.volunteer(world, now=now, skills=[nursing], avail=availability.bit(0, 0), region=street)
    unskilled = f.volunteer(world, now=now, avail=sat_morning, region=street)
    serves_here = f.volunteer(
        world, now=now, skills=[nursing], avail=sat_morning, region=other_street, service_regions=[street]
    )
    elsewhere = f.volunteer(
        world, now=now, skills=[nursing], avail=sat_morning, region=world.regions["other_county"]
    )
    ranked = suggest(a, shift=a.shifts.get(), now=now)
    order = [s.volunteer for s in ranked]
    assert elsewhere not in order
    assert order.index(best) < order.index(far) and order.index(serves_here) < order.index(far)
    assert order.index(far) < order.index(busy) < order.index(unskilled)
    top = ranked[0]
    assert (top.skills, top.time, top.near) == (50, 30, 20)
    assert ranked[-1].missing == ("医疗护理",)


def test_the_match_page_shows_masked_suggestions(client, organizer, team, world, now):
    from django.urls import reverse
    from django.utils import timezone

    a = f.activity(world, team, now=timezone.now())
    v = f.volunteer(world, now=now)
    client.force_login(organizer)
    response = client.get(reverse("volunteers:match", args=[a.pk]))
    assert response.status_code == 200 and v.name_masked in response.content.decode()
