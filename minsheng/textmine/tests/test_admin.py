"""An administrator reads the published routers and the routing feedback, and cannot edit either."""

import pytest
from django.utils import timezone

from minsheng.textmine.models import RoutingFeedback

pytestmark = pytest.mark.django_db


def test_the_admin_lists_routing_feedback_with_the_corrections_marked(admin_client):
    now = timezone.now()
    RoutingFeedback.objects.create(
        domain="petitions", record_id=1, target="unit", suggested="3", confidence=0.8, chosen="4", at=now
    )
    page = admin_client.get("/admin/textmine/routingfeedback/")
    assert page.status_code == 200 and "icon-yes.svg" in page.content.decode()
    assert admin_client.get("/admin/textmine/routingfeedback/add/").status_code == 403
    assert admin_client.get("/admin/textmine/routermodel/").status_code == 200
