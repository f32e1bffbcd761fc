import pytest

from minsheng.volunteers.tests import factories as f


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
    return f.team(world, name="西山志愿服务队", manager=other_organizer)
