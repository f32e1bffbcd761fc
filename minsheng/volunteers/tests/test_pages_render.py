"""Every page opens for the people it is for (no template error, no query per row)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.volunteers.models import BrandProject
from minsheng.volunteers.services import signup_create
from minsheng.volunteers.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(world, team, citizen):
    now = timezone.now()
    a = f.activity(world, team, now=now, capacity=1, skills=[f.skill("tutoring", "课业辅导")])
    project = BrandProject.objects.create(
        team=team, name="四点半课堂", area="children", region=world.regions["street"]
    )
    volunteers = [f.volunteer(world, now=now, skills=[f.skill("tutoring", "课业辅导")]) for _ in range(3)]
    for v in volunteers:
        signup_create(shift=a.shifts.get(), volunteer=v, actor=None, now=now)
    mine = f.volunteer(world, now=now, account=citizen)
    return {"activity": a, "project": project, "volunteer": volunteers[0], "mine": mine, "team": team}


def test_staff_pages_open(client, registrar, filled, django_assert_max_num_queries):
    a, team = filled["activity"], filled["team"]
    client.force_login(registrar)
    urls = [
        reverse("volunteers:home"),
        reverse("volunteers:activities"),
        reverse("volunteers:activities") + "?status=published",
        reverse("volunteers:team_new"),
        reverse("volunteers:team", args=[team.pk]),
        reverse("volunteers:project_new", args=[team.pk]),
        reverse("volunteers:project", args=[team.pk, filled["project"].pk]),
        reverse("volunteers:activity_new", args=[team.pk]),
        reverse("volunteers:activity", args=[a.pk]),
        reverse("volunteers:activity_edit", args=[a.pk]),
        reverse("volunteers:match", args=[a.pk]),
        reverse("volunteers:shift", args=[a.pk, a.shifts.get().pk]),
        reverse("volunteers:volunteers"),
        reverse("volunteers:volunteers") + "?status=active&q=x",
        reverse("volunteers:volunteer", args=[filled["volunteer"].pk]),
        reverse("volunteers:import"),
        reverse("volunteers:import_template"),
    ]
    for url in urls:
        with django_assert_max_num_queries(30):
            assert client.get(url).status_code == 200, url


def test_portal_pages_open(client, citizen, filled):
    a = filled["activity"]
    for url in (reverse("volunteers_public:home"), reverse("volunteers_public:activity", args=[a.pk])):
        assert client.get(url).status_code == 200
    client.force_login(citizen)
    for url in (
        reverse("volunteers_public:home") + "?day=2030-01-01",
        reverse("volunteers_public:activity", args=[a.pk]),
        reverse("volunteers_public:mine"),
        reverse("volunteers_public:profile"),
    ):
        assert client.get(url).status_code == 200, url


def test_a_citizen_without_registration_is_sent_to_register(client, world):
    from minsheng.accounts.models import User

    user = User.objects.create_user(username="newbie", password="x-pass-2026", is_citizen=True)
    client.force_login(user)
    response = client.get(reverse("volunteers_public:mine"))
    assert response.status_code == 302 and response["Location"] == reverse("volunteers_public:register")
    assert client.get(reverse("volunteers_public:register")).status_code == 200
