"""The demo part seeds on the demo world alone (other parts may be unfinished)."""

import random

import pytest
from django.db import transaction
from django.utils import timezone

from minsheng.demo import world as demo_world
from minsheng.petitions.selectors import petitions_visible_to
from minsheng.registry.newemployment import demo
from minsheng.registry.newemployment.models import (
    CareActivity,
    Platform,
    RightsRequest,
    ServiceStation,
    WorkerRegistration,
)

pytestmark = pytest.mark.django_db


def test_it_seeds_platforms_stations_registrations_and_rights_requests(client):
    w = demo_world.build("demo-pass")
    with transaction.atomic():
        lines = demo.seed(w, now=timezone.now(), rng=random.Random(7))
    assert lines and "新就业群体" in lines[0]
    assert Platform.objects.count() == 4 and ServiceStation.objects.count() == 6
    assert ServiceStation.objects.filter(is_public=True).count() == 5
    assert WorkerRegistration.objects.count() == 20 and CareActivity.objects.count() == 2
    requests = RightsRequest.objects.select_related("petition")
    assert requests.count() == 3
    clerk = w.users["clerk"]
    assert petitions_visible_to(clerk).filter(pk__in=[r.petition_id for r in requests]).count() == 3
    client.force_login(w.users["registrar"])
    for path in ("", "platforms/", "stations/", "rights/", "workers/"):
        assert client.get(f"/registry/newemployment/{path}").status_code == 200
    assert client.get("/portal/newemployment/").status_code == 200
