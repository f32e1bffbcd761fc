"""Who may do what: registrar of the area edits, social-work leader reads, another county's registrar
sees nothing of this county (404 for a record), other staff have no page (403), anonymous → login."""

import pytest

from minsheng.audit.models import AuditEvent
from minsheng.registry.newemployment.models import CareActivity, ServiceStation

pytestmark = pytest.mark.django_db

LISTS = ["", "platforms/", "sites/", "stations/", "activities/", "workers/", "rights/", "platforms/export/"]


@pytest.fixture
def records(platform, site, station):
    return {"platform": platform, "site": site, "station": station}


def edit_urls(r):
    return [
        f"/registry/newemployment/platforms/{r['platform'].pk}/edit/",
        f"/registry/newemployment/sites/{r['site'].pk}/edit/",
        f"/registry/newemployment/stations/{r['station'].pk}/edit/",
        f"/registry/newemployment/stations/{r['station'].pk}/delete/",
    ]


NEW = ["platforms/new/", "sites/new/", "stations/new/", "activities/new/", "stations/import/"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("registrar", 200),
        ("social_work_leader", 200),
        ("other_registrar", 200),
        ("handler", 403),
        ("clerk", 403),
        ("citizen", 403),
    ],
)
def test_it_opens_the_staff_lists_only_to_social_work_staff(client, world, records, persona, status, path):
    client.force_login(world.users[persona])
    assert client.get(f"/registry/newemployment/{path}").status_code == status


@pytest.mark.parametrize("path", LISTS)
def test_it_sends_anonymous_visitors_to_login(client, records, path):
    response = client.get(f"/registry/newemployment/{path}")
    assert response.status_code == 302 and "login" in response["Location"]


def test_it_hides_this_countys_records_from_another_countys_registrar(client, other_registrar, records):
    client.force_login(other_registrar)
    for url in edit_urls(records):
        assert client.get(url).status_code == 404
    for path in ("platforms/", "sites/", "stations/"):
        page = client.get(f"/registry/newemployment/{path}").content.decode()
        assert "云州速达外卖" not in page and "东湖暖新驿站" not in page
    export = client.get("/registry/newemployment/stations/export/")
    assert export.status_code == 200 and "东湖暖新驿站".encode() not in export.content


def test_it_lets_the_leader_read_but_not_edit(client, social_work_leader, records):
    client.force_login(social_work_leader)
    page = client.get("/registry/newemployment/stations/").content.decode()
    assert "东湖暖新驿站" in page and "/edit/" not in page
    for url in edit_urls(records) + [f"/registry/newemployment/{p}" for p in NEW]:
        assert client.get(url).status_code == 403
    response = client.post(f"/registry/newemployment/stations/{records['station'].pk}/delete/")
    assert response.status_code == 403 and ServiceStation.objects.exists()


def test_it_refuses_other_staff_with_403(client, handler, records):
    client.force_login(handler)
    for url in edit_urls(records):
        assert client.get(url).status_code == 403


def test_it_lets_the_registrar_create_edit_and_delete_a_station_with_an_audit_trail(client, registrar, world):
    client.force_login(registrar)
    data = {
        "name": "南门驿站",
        "region": world.regions["street"].pk,
        "address": "南门路3号",
        "open_days": "周一至周五",
        "opens_at": "09:00",
        "closes_at": "18:00",
        "has_water": "on",
        "has_rest": "on",
        "is_public": "on",
    }
    response = client.post("/registry/newemployment/stations/new/", data)
    assert response.status_code == 302
    station = ServiceStation.objects.get(name="南门驿站")
    assert station.open_days == "12345" and station.has_rest and not station.has_toilet
    response = client.post(
        f"/registry/newemployment/stations/{station.pk}/edit/", {**data, "has_toilet": "on"}
    )
    assert response.status_code == 302
    station.refresh_from_db()
    assert station.has_toilet
    edit = AuditEvent.objects.get(action="newemployment.servicestation.updated")
    assert edit.data["changes"] == {"has_toilet": ["False", "True"]}
    client.post(f"/registry/newemployment/stations/{station.pk}/delete/")
    assert not ServiceStation.objects.filter(pk=station.pk).exists()
    assert AuditEvent.objects.filter(action="newemployment.servicestation.deleted").exists()


def test_it_refuses_a_record_in_another_county_even_with_a_forged_region(client, registrar, world):
    client.force_login(registrar)
    data = {
        "name": "越界驿站",
        "region": world.regions["other_county"].pk,
        "address": "某路",
        "is_public": "on",
    }
    response = client.post("/registry/newemployment/stations/new/", data)
    assert response.status_code == 400 and not ServiceStation.objects.exists()


def test_it_shows_bad_input_next_to_the_field_and_writes_nothing(client, registrar, world):
    client.force_login(registrar)
    data = {
        "name": "驿站",
        "region": world.regions["street"].pk,
        "address": "路",
        "opens_at": "09:00",
        "open_days": "周八",
    }
    response = client.post("/registry/newemployment/stations/new/", data)
    page = response.content.decode()
    assert response.status_code == 400 and "开放日格式" in page
    assert not ServiceStation.objects.exists()
    response = client.post("/registry/newemployment/stations/new/", {**data, "open_days": "每天"})
    assert response.status_code == 400 and "请同时填写开门和关门时间。" in response.content.decode()


def test_it_refuses_an_invalid_credit_code(client, registrar, world):
    client.force_login(registrar)
    data = {
        "name": "江南快运",
        "kind": "courier",
        "region": world.regions["county"].pk,
        "credit_code": "91330100ABC",
    }
    response = client.post("/registry/newemployment/platforms/new/", data)
    assert response.status_code == 400 and "统一社会信用代码应为18位" in response.content.decode()


def test_it_records_a_care_activity_in_its_stations_area(client, registrar, station):
    client.force_login(registrar)
    data = {"title": "冬日送温暖", "station": station.pk, "held_on": "2026-01-20", "participants": "35"}
    assert client.post("/registry/newemployment/activities/new/", data).status_code == 302
    activity = CareActivity.objects.get()
    assert activity.region == station.region and activity.participants == 35
    assert "冬日送温暖" in client.get("/registry/newemployment/activities/").content.decode()


def test_it_counts_workers_by_platform_and_area(client, registrar, platform, site, world):
    client.force_login(registrar)
    response = client.get("/registry/newemployment/platforms/")
    row = response.context["page"].object_list[0]
    assert (row.site_count, row.workers, row.registered) == (1, 40, 0)
    response = client.get(f"/registry/newemployment/sites/?region={world.regions['street'].pk}")
    assert [s.name for s in response.context["page"]] == ["东湖站"]


def test_it_shows_the_registrar_every_form_filled_in(client, registrar, records):
    client.force_login(registrar)
    for path in NEW:
        assert client.get(f"/registry/newemployment/{path}").status_code == 200
    for url, text in zip(
        edit_urls(records), ["云州速达外卖", "东湖站", "东湖暖新驿站", "东湖暖新驿站"], strict=True
    ):
        response = client.get(url)
        assert response.status_code == 200 and text in response.content.decode()
