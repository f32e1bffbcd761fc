"""The public station pages: public stations only, filters by area, amenity and "open now"."""

from datetime import datetime, time

import pytest
from django.utils import timezone

from minsheng.core.periods import CHINA

pytestmark = pytest.mark.django_db


@pytest.fixture
def stations(make_station, world, west_street):
    return {
        "public": make_station(name="东湖暖新驿站", has_legal_aid=True),
        "hidden": make_station(name="内部驿站", is_public=False),
        "night": make_station(
            name="西山夜间驿站", region=west_street, opens_at=time(20), closes_at=time(6), has_water=False
        ),
    }


def names(response):
    return {s.name for s, _amenities, _open in response.context["items"]}


def test_it_lists_only_public_stations_and_hides_the_rest_everywhere(client, stations):
    response = client.get("/portal/newemployment/")
    assert response.status_code == 200
    assert names(response) == {"东湖暖新驿站", "西山夜间驿站"}
    assert "内部驿站" not in response.content.decode()
    assert client.get(f"/portal/newemployment/stations/{stations['hidden'].pk}/").status_code == 404
    page = client.get(f"/portal/newemployment/stations/{stations['public'].pk}/").content.decode()
    assert "东湖路1号" in page and "法律援助" in page and "饮水" in page


def test_it_filters_by_amenity_and_area(client, stations, west_street):
    assert names(client.get("/portal/newemployment/?amenity=legal_aid")) == {"东湖暖新驿站"}
    assert names(client.get("/portal/newemployment/?amenity=water")) == {"东湖暖新驿站"}
    assert names(client.get(f"/portal/newemployment/?region={west_street.pk}")) == {"西山夜间驿站"}


def test_it_shows_only_stations_open_now_when_asked(client, stations, monkeypatch):
    evening = datetime(2026, 3, 11, 22, 0, tzinfo=CHINA)
    monkeypatch.setattr(timezone, "now", lambda: evening)
    assert names(client.get("/portal/newemployment/?open_now=on")) == {"西山夜间驿站"}
    morning = datetime(2026, 3, 12, 9, 0, tzinfo=CHINA)
    monkeypatch.setattr(timezone, "now", lambda: morning)
    assert names(client.get("/portal/newemployment/?open_now=on")) == {"东湖暖新驿站"}
    assert "开放中" in client.get(f"/portal/newemployment/stations/{stations['public'].pk}/").content.decode()


def test_it_shows_no_worker_data_on_public_pages(client, stations, platform, world):
    from minsheng.registry.newemployment.services import worker_register

    worker_register(
        platform=platform,
        work_kind="rider",
        region=world.regions["street"],
        nickname="王师傅",
        phone="13900001111",
        consent=True,
        now=timezone.now(),
    )
    for url in ("/portal/newemployment/", f"/portal/newemployment/stations/{stations['public'].pk}/"):
        page = client.get(url).content.decode()
        assert "王师傅" not in page and "1111" not in page


def test_it_ignores_a_bad_filter_instead_of_failing(client, stations):
    response = client.get("/portal/newemployment/?region=abc&amenity=spa")
    assert response.status_code == 200


def test_it_answers_open_now_in_the_database_as_the_hours_rule_does(make_station):
    """The SQL filter and ``hours.is_open`` must agree at every hour of a week, for every kind of hours."""
    from datetime import timedelta

    from minsheng.registry.newemployment.models import ServiceStation
    from minsheng.registry.newemployment.selectors import open_at_rule, station_is_open

    kinds = [
        dict(open_days="12345", opens_at=time(8), closes_at=time(20)),
        dict(open_days="5", opens_at=time(20), closes_at=time(2)),
        dict(open_days="67", opens_at=time(9), closes_at=time(9)),
        dict(open_days="1234567", opens_at=None, closes_at=None),
        dict(open_days="", opens_at=None, closes_at=None, always_open=True),
        dict(open_days="7", opens_at=time(22), closes_at=time(0)),
    ]
    for i, hours in enumerate(kinds):
        make_station(name=f"驿站{i}", **hours)
    stations = list(ServiceStation.objects.all())
    start = datetime(2026, 3, 9, 0, 0, tzinfo=CHINA)  # Monday, every half hour (on the hour too)
    for step in range(7 * 48):
        at = start + timedelta(minutes=30 * step)
        in_db = set(ServiceStation.objects.filter(open_at_rule(at)).values_list("name", flat=True))
        in_python = {s.name for s in stations if station_is_open(s, at)}
        assert in_db == in_python, at
