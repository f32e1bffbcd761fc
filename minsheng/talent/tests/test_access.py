"""Who may open which page: the registrar of the area edits, its leader reads, others see nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse

from minsheng.audit.models import AuditEvent
from minsheng.talent.models import Certificate

pytestmark = pytest.mark.django_db

PAGES = [
    ("talent:home", ()),
    ("talent:export", ()),
    ("talent:statistics", ()),
    ("talent:list", ("short",)),
    ("talent:list", ("soon",)),
    ("talent:list", ("lapsed",)),
    ("talent:list", ("unregistered",)),
    ("talent:list_export", ("soon",)),
]
EDIT_PAGES = [
    ("talent:worker_create", ()),
    ("talent:import", ("workers",)),
    ("talent:import_template", ("education",)),
]


@pytest.mark.parametrize(("name", "args"), PAGES + EDIT_PAGES)
@pytest.mark.parametrize(
    ("persona", "reads", "writes"),
    [
        ("registrar", 200, 200),
        ("social_work_leader", 200, 403),
        ("other_registrar", 200, 200),  # its own county's pages
        ("handler", 403, 403),
        ("clerk", 403, 403),
        ("citizen", 403, 403),
    ],
)
def test_it_opens_staff_pages_to_social_work_departments_only(
    client, world, persona, reads, writes, name, args
):
    client.force_login(world.users[persona])
    expected = writes if (name, args) in EDIT_PAGES else reads
    assert client.get(reverse(name, args=args)).status_code == expected


def test_it_sends_anonymous_visitors_to_login(client, world):
    response = client.get(reverse("talent:home"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.fixture
def worker(make_worker, real_today):
    return make_worker(
        passed_on=real_today - timedelta(days=900),
        registered_on=real_today - timedelta(days=800),
        today=real_today,
    )


def _record_requests(worker):
    reg = worker.registrations.get()
    pk = worker.pk
    return [
        ("get", reverse("talent:worker_edit", args=[pk]), {}),
        (
            "post",
            reverse("talent:worker_edit", args=[pk]),
            {"region": worker.region_id, "field": "elderly", "status": "active"},
        ),
        ("post", reverse("talent:identity", args=[pk]), {}),
        (
            "post",
            reverse("talent:certificate_add", args=[pk]),
            {"level": "senior", "number": "N-1", "passed_on": "2025-01-01"},
        ),
        (
            "post",
            reverse("talent:register", args=[pk]),
            {"certificate": worker.certificates.get().pk, "registered_on": "2025-01-01"},
        ),
        ("post", reverse("talent:renew", args=[pk, reg.pk]), {}),
        (
            "post",
            reverse("talent:education_add", args=[pk]),
            {"kind": "training", "title": "x", "hours": "8", "on": reg.registered_on.isoformat()},
        ),
    ]


def test_it_lets_the_leader_read_a_worker_but_change_nothing(client, world, worker):
    client.force_login(world.users["social_work_leader"])
    assert client.get(reverse("talent:worker", args=[worker.pk])).status_code == 200
    before = AuditEvent.objects.count()
    for method, url, data in _record_requests(worker):
        assert getattr(client, method)(url, data).status_code == 403, url
    assert AuditEvent.objects.count() == before
    assert not Certificate.objects.filter(number="N-1").exists()


@pytest.mark.parametrize("persona", ["other_registrar", "handler", "clerk", "outsider"])
def test_it_hides_a_worker_from_everyone_else(client, world, worker, persona):
    client.force_login(world.users[persona])
    assert client.get(reverse("talent:worker", args=[worker.pk])).status_code == 404
    for method, url, data in _record_requests(worker):
        assert getattr(client, method)(url, data).status_code == 404, url
    assert not AuditEvent.objects.filter(action="people.person.unmasked").exists()


def test_it_keeps_other_countys_workers_out_of_lists_and_exports(client, world, worker):
    client.force_login(world.users["other_registrar"])
    page = client.get(reverse("talent:home"))
    assert worker.person.name_masked not in page.content.decode()
    assert page.context["counts"]["total"] == 0


def test_it_refuses_a_foreign_area_in_the_filter(client, world, worker):
    client.force_login(world.users["other_registrar"])
    # 青川区 is not theirs: the filter is ignored, nothing of 青川区 shows.
    page = client.get(reverse("talent:home"), {"area": "990102"})
    assert page.context["counts"]["total"] == 0
