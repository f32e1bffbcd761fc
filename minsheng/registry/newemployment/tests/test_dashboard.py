"""The dashboard: counts and coverage by area and platform, with drill-down links behind each bar."""

import json

import pytest
from django.utils import timezone

from minsheng.registry.newemployment import services

pytestmark = pytest.mark.django_db


def test_it_counts_workers_stations_and_coverage_by_street(
    client, registrar, platform, site, station, west_street, world
):
    services.worker_register(
        platform=platform, work_kind="rider", region=world.regions["street"], consent=True, now=timezone.now()
    )
    client.force_login(registrar)
    response = client.get("/registry/newemployment/")
    assert response.status_code == 200
    totals = response.context["f"]["totals"]
    assert totals == {
        "platforms": 1,
        "workers": 40,
        "registrations": 1,
        "stations": 1,
        "rights": 0,
        "streets": 2,
        "covered": 1,
        "coverage": 50,
    }
    charts = response.context["charts"]
    assert charts["workers_platform"]["series"][0]["data"] == [40]
    assert (
        charts["workers_platform"]["links"]["云州速达外卖"]
        == f"/registry/newemployment/sites/?platform={platform.pk}"
    )
    assert charts["stations_area"]["xAxis"]["data"] == ["东湖街道", "西山街道"]
    assert charts["stations_area"]["series"][0]["data"] == [1, 0]
    assert (
        charts["stations_area"]["links"]["西山街道"]
        == f"/registry/newemployment/stations/?region={west_street.pk}"
    )
    page = response.content.decode()
    assert 'data-chart="stations-area"' in page and "未覆盖" in page
    # The option is printed as JSON data, not as a script (CSP).
    assert json.loads(page.split('id="stations-area" type="application/json">')[1].split("</script>")[0])[
        "links"
    ]


def test_it_counts_nothing_of_another_county(client, other_registrar, platform, site, station):
    client.force_login(other_registrar)
    totals = client.get("/registry/newemployment/").context["f"]["totals"]
    assert totals["workers"] == 0 and totals["stations"] == 0 and totals["platforms"] == 0


def test_it_reads_the_lists_without_a_query_per_row(
    client, registrar, platform, world, django_assert_max_num_queries
):
    for i in range(15):
        services.site_save(
            actor=registrar,
            values={
                "platform": platform,
                "name": f"站{i}",
                "region": world.regions["street"],
                "worker_count": i,
            },
        )
        services.worker_register(
            platform=platform,
            work_kind="rider",
            region=world.regions["street"],
            phone=f"1390000{i:04d}",
            consent=True,
            now=timezone.now(),
        )
    client.force_login(registrar)
    for path in ("", "platforms/", "sites/", "workers/", "stations/", "rights/"):
        with django_assert_max_num_queries(20):
            assert client.get(f"/registry/newemployment/{path}").status_code == 200
