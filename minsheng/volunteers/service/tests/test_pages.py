"""The staff lists render for the organizer with a fixed number of queries, whatever the rows."""

import pytest
from django.urls import reverse

from minsheng.volunteers.service import services
from minsheng.volunteers.service.services.certificates import Issuer
from minsheng.volunteers.service.tests.conftest import at
from minsheng.volunteers.service.tests.helpers import history, served
from minsheng.volunteers.tests import factories as f


@pytest.fixture
def many(world, now, team, organizer, shift, volunteer, vol_user):
    served(shift, volunteer, vol_user, start=at(11, 9), end=at(11, 10))
    for _ in range(5):
        v = f.volunteer(world, now=now)
        history(v, team, minutes=600, start=at(1, 9, month=1))
        services.certificate_issue(volunteer=v, issuer=Issuer(team=team), actor=organizer, now=at(11, 10))


@pytest.mark.parametrize("name", ["records", "shifts", "certificates", "dashboard", "import"])
def test_it_renders_the_organizers_pages(
    client, organizer, many, name, django_assert_max_num_queries, frozen_now
):
    client.force_login(organizer)
    with django_assert_max_num_queries(25):
        response = client.get(reverse(f"volunteer_service:{name}"))
    assert response.status_code == 200


def test_it_lists_pending_records_with_a_box_to_tick(client, organizer, many):
    client.force_login(organizer)
    body = client.get(reverse("volunteer_service:records"), {"status": "pending"}).content.decode()
    assert 'name="records"' in body and "认定所选记录" in body


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(11, 10))
