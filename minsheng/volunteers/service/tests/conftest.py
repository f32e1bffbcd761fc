"""Personas and data of the service-record tests.

organizer manages 东湖志愿服务队 (the team that organizes the shift); other_organizer manages another
team; vol_user is a citizen account registered as a volunteer and signed up for ``shift``
(2026-03-11 09:00–12:00 China time; ``now`` is 10:00 that day).
"""

from datetime import datetime, timedelta

import pytest

from minsheng.accounts.models import User
from minsheng.core.periods import CHINA
from minsheng.testing import PASSWORD
from minsheng.volunteers.models import Activity, ServiceArea, Shift, SignUp
from minsheng.volunteers.tests import factories as f


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHINA)


def make_shift(activity, start: datetime, end: datetime) -> Shift:
    return Shift.objects.create(activity=activity, starts_at=start, ends_at=end, capacity=10)


def sign_up(shift: Shift, volunteer) -> SignUp:
    return SignUp.objects.create(
        shift=shift,
        volunteer=volunteer,
        status=SignUp.Status.CONFIRMED,
        created_at=shift.starts_at - timedelta(days=3),
    )


@pytest.fixture
def organizer(world):
    return f.manager_user("organizer")


@pytest.fixture
def other_organizer(world):
    return f.manager_user("other_organizer")


@pytest.fixture
def team(world, organizer):
    return f.team(world, manager=organizer)


@pytest.fixture
def other_team(world, other_organizer):
    return f.team(world, name="白石志愿服务队", region=world.regions["other_county"], manager=other_organizer)


@pytest.fixture
def activity(world, team, now):
    return Activity.objects.create(
        team=team, title="敬老院探访", place="东湖社区敬老院", region=world.regions["street"],
        area=ServiceArea.ELDERLY, status=Activity.Status.PUBLISHED, published_at=now - timedelta(days=5),
    )  # fmt: skip


@pytest.fixture
def shift(activity):
    return make_shift(activity, at(11, 9), at(11, 12))


@pytest.fixture
def vol_user(world):
    return User.objects.create_user(username="vol", password=PASSWORD, display_name="vol", is_citizen=True)


@pytest.fixture
def volunteer(world, now, vol_user, shift):
    v = f.volunteer(world, now=now - timedelta(days=30), account=vol_user)
    sign_up(shift, v)
    return v


@pytest.fixture
def volunteer_name(volunteer):
    from minsheng.people import crypto

    return crypto.decrypt(volunteer.name_enc)
