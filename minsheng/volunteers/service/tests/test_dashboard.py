"""Team and region dashboards: figures, charts, and who may see which."""

from django.urls import reverse

from minsheng.volunteers.models import BrandProject, ServiceArea
from minsheng.volunteers.service import dashboard, services
from minsheng.volunteers.service.tests.conftest import at
from minsheng.volunteers.service.tests.helpers import history


def test_it_counts_volunteers_active_hours_and_stars(world, team, volunteer, now):
    history(volunteer, team, minutes=120 * 60, start=at(1, 9, month=2), region=world.regions["street"])
    history(volunteer, team, minutes=60, start=at(1, 9, month=1).replace(year=2024))
    services.recompute_one(volunteer.pk)
    BrandProject.objects.create(
        team=team, name="银龄守护", area=ServiceArea.ELDERLY, region=world.regions["street"]
    )
    figs = dashboard.figures(dashboard.Subject(region=world.regions["county"]), now=now)
    assert figs["volunteers"] == 1 and figs["active"] == 1 and figs["projects"] == 1
    assert figs["hours"] == 121.0
    assert dict(figs["stars"])[1] == 1
    assert dict((m.strftime("%Y-%m"), h) for m, h in figs["months"])["2026-02"] == 120.0


def test_it_shows_the_region_dashboard_with_drill_down(client, registrar, world, team, volunteer):
    history(volunteer, team, minutes=600, start=at(1, 9, month=2), region=world.regions["street"])
    client.force_login(registrar)
    response = client.get(reverse("volunteer_service:dashboard"))
    assert response.status_code == 200
    assert f"?region={world.regions['street'].pk}" in response.content.decode()
    street = client.get(reverse("volunteer_service:dashboard"), {"region": world.regions["street"].pk})
    assert street.status_code == 200 and "东湖街道" in street.content.decode()


def test_it_shows_a_team_dashboard_to_its_manager_only(client, organizer, other_organizer, other_team, team):
    client.force_login(organizer)
    assert client.get(reverse("volunteer_service:dashboard")).status_code == 200
    assert client.get(reverse("volunteer_service:dashboard"), {"team": other_team.pk}).status_code == 404
    client.force_login(other_organizer)
    assert client.get(reverse("volunteer_service:dashboard"), {"team": team.pk}).status_code == 404


def test_it_hides_another_countys_region(client, other_registrar, world):
    client.force_login(other_registrar)
    assert (
        client.get(reverse("volunteer_service:dashboard"), {"region": world.regions["county"].pk}).status_code
        == 404
    )


def test_it_drills_down_from_a_chart_to_the_records_behind_it(client, organizer, world, team, volunteer):
    history(volunteer, team, minutes=120, start=at(3, 9, month=2), region=world.regions["street"])
    history(volunteer, team, minutes=60, start=at(3, 9, month=1), region=world.regions["street"])
    figs = dashboard.figures(dashboard.Subject(team=team), now=at(11, 10))
    option = dashboard.charts(dashboard.Subject(team=team), figs, records_url="/r/")
    link = option["months"]["links"]["2026-02"]
    assert link.startswith("/r/?status=approved") and "month=2026-02" in link and f"team={team.pk}" in link
    client.force_login(organizer)
    page = client.get(reverse("volunteer_service:records"), {"status": "approved", "month": "2026-02"})
    assert page.content.decode().count("历史服务") == 1
