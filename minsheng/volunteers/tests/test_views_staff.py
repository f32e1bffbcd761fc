"""Staff pages: who sees what (area registrar writes, leader reads, managers their teams, others nothing)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.volunteers.models import Activity, BrandProject, Team, TeamManager
from minsheng.volunteers.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def rnow():
    return timezone.now()


@pytest.fixture
def draft(world, team, rnow):
    return f.activity(world, team, now=rnow, status=Activity.Status.DRAFT)


def get(client, user, name, *args, **kw):
    client.force_login(user)
    return client.get(reverse(name, args=args), **kw)


def post(client, user, name, *args, data=None):
    client.force_login(user)
    return client.post(reverse(name, args=args), data or {})


@pytest.mark.parametrize(
    "persona, home, team_page, activity_page",
    [
        ("registrar", 200, 200, 200),
        ("social_work_leader", 200, 200, 200),
        ("organizer", 200, 200, 200),
        ("other_organizer", 200, 404, 404),
        ("other_registrar", 200, 404, 404),
        ("citizen", 403, 403, 403),
        ("clerk", 403, 403, 403),
    ],
)
def test_the_permission_matrix_of_reading(
    client, request, team, other_team, draft, persona, home, team_page, activity_page
):
    user = request.getfixturevalue(persona)
    assert get(client, user, "volunteers:home").status_code == home
    assert get(client, user, "volunteers:team", team.pk).status_code == team_page
    assert get(client, user, "volunteers:activity", draft.pk).status_code == activity_page


def test_anonymous_goes_to_the_staff_login(client, team):
    response = client.get(reverse("volunteers:home"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_other_registrar_sees_nothing_of_the_county(client, other_registrar, team, draft, world, rnow):
    v = f.volunteer(world, now=rnow)
    response = get(client, other_registrar, "volunteers:home")
    assert team.name not in response.content.decode()
    assert get(client, other_registrar, "volunteers:volunteer", v.pk).status_code == 404
    assert v.name_masked not in get(client, other_registrar, "volunteers:volunteers").content.decode()


@pytest.mark.parametrize(
    "persona, status",
    [("organizer", 302), ("registrar", 302), ("social_work_leader", 403), ("other_organizer", 404)],
)
def test_who_may_publish(client, request, draft, persona, status, other_team):
    user = request.getfixturevalue(persona)
    assert post(client, user, "volunteers:activity_action", draft.pk, "publish").status_code == status
    draft.refresh_from_db()
    assert (draft.status == Activity.Status.PUBLISHED) == (status == 302)


def test_the_organizer_creates_an_activity_with_a_shift_and_publishes_it(
    client, organizer, team, world, rnow
):
    response = post(
        client,
        organizer,
        "volunteers:activity_new",
        team.pk,
        data={"title": "河道清洁", "place": "柳溪河畔", "region": world.regions["street"].pk},
    )
    activity = Activity.objects.get(title="河道清洁")
    assert response.status_code == 302 and activity.status == Activity.Status.DRAFT
    start = (rnow + timezone.timedelta(days=3)).astimezone(timezone.get_current_timezone())
    data = {
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timezone.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": 5,
    }
    assert (
        post(client, organizer, "volunteers:activity_action", activity.pk, "shift", data=data).status_code
        == 302
    )
    assert post(client, organizer, "volunteers:activity_action", activity.pk, "publish").status_code == 302
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED and activity.shifts.count() == 1


def test_bad_input_is_a_400_with_the_message_and_nothing_written(client, organizer, team, draft):
    response = post(client, organizer, "volunteers:activity_new", team.pk, data={"title": ""})
    assert response.status_code == 400 and "必填" in response.content.decode()
    response = post(client, organizer, "volunteers:activity_action", draft.pk, "insurance", data={})
    assert response.status_code == 400 and "请填写保单号" in response.content.decode()
    data = {"starts_at": "2020-01-01T09:00", "ends_at": "2020-01-01T08:00", "capacity": 0}
    assert (
        post(client, organizer, "volunteers:activity_action", draft.pk, "shift", data=data).status_code == 400
    )
    assert draft.shifts.count() == 1


def test_publishing_a_closed_activity_is_a_409(client, organizer, draft):
    Activity.objects.filter(pk=draft.pk).update(status=Activity.Status.CLOSED)
    response = post(client, organizer, "volunteers:activity_action", draft.pk, "publish")
    assert response.status_code == 409 and "只有草稿" in response.content.decode()


def test_the_registrar_creates_a_team_and_names_its_manager(client, registrar, organizer, world):
    response = post(
        client,
        registrar,
        "volunteers:team_new",
        data={"name": "南门应急队", "region": world.regions["street"].pk},
    )
    team = Team.objects.get(name="南门应急队")
    assert response.status_code == 302
    post(client, registrar, "volunteers:team_managers", team.pk, data={"username": "organizer"})
    assert TeamManager.objects.filter(team=team, user=organizer).exists()
    response = post(client, registrar, "volunteers:team_managers", team.pk, data={"username": "nobody"})
    assert response.status_code == 400


def test_an_organizer_may_not_create_teams_or_name_managers(client, organizer, team, world):
    assert get(client, organizer, "volunteers:team_new").status_code == 403
    assert (
        post(client, organizer, "volunteers:team_managers", team.pk, data={"username": "x"}).status_code
        == 403
    )


def test_the_organizer_keeps_a_brand_project(client, organizer, team, world):
    data = {
        "name": "银龄陪伴",
        "area": "elderly",
        "region": world.regions["street"].pk,
        "goals": "每周探访独居老人",
        "is_active": "on",
    }
    assert post(client, organizer, "volunteers:project_new", team.pk, data=data).status_code == 302
    project = BrandProject.objects.get(name="银龄陪伴")
    data["results"] = "已探访120人次"
    assert post(client, organizer, "volunteers:project", team.pk, project.pk, data=data).status_code == 302
    project.refresh_from_db()
    assert project.results == "已探访120人次"


def test_only_the_area_registrar_unmasks_and_it_is_audited(
    client, registrar, social_work_leader, world, rnow
):
    from minsheng.audit.models import AuditEvent

    v = f.volunteer(world, now=rnow)
    client.force_login(social_work_leader)
    assert client.post(reverse("volunteers:volunteer", args=[v.pk]), {"action": "unmask"}).status_code == 403
    client.force_login(registrar)
    response = client.post(reverse("volunteers:volunteer", args=[v.pk]), {"action": "unmask"})
    assert response.status_code == 200 and "990102" in response.content.decode()
    assert AuditEvent.objects.filter(action="volunteers.volunteer.unmasked").count() == 1


def test_the_shift_page_lists_sign_ups_and_the_organizer_cancels_one(client, organizer, team, world, rnow):
    from minsheng.volunteers.services import signup_create

    a = f.activity(world, team, now=rnow, capacity=1)
    shift = a.shifts.get()
    first = signup_create(shift=shift, volunteer=f.volunteer(world, now=rnow), actor=None, now=rnow)
    waiting = signup_create(shift=shift, volunteer=f.volunteer(world, now=rnow), actor=None, now=rnow)
    response = get(client, organizer, "volunteers:shift", a.pk, shift.pk)
    assert first.volunteer.name_masked in response.content.decode()
    post(client, organizer, "volunteers:signup_cancel", a.pk, shift.pk, first.pk)
    waiting.refresh_from_db()
    assert waiting.status == waiting.Status.CONFIRMED
