"""Who sees and does what: the workflow × roles matrix, read-only copies, the informant rule."""

import pytest
from django.urls import reverse

from minsheng.hotline import workflow
from minsheng.hotline.permissions import may_unmask, roles_by_unit
from minsheng.hotline.workflow import S
from minsheng.people.masking import mask_phone
from minsheng.testing import PASSWORD, password_login


def login(client, user):
    assert password_login(client, user.username, PASSWORD)
    return client


# The matrix: for each step, who may take it on an order dispatched to the housing bureau.
EXPECTED = {
    "answer": {"operator", "dispatcher"},
    "redirect": {"operator", "dispatcher"},
    "dispatch": {"operator", "dispatcher"},
    "accept": {"handler", "head"},
    "object": {"handler", "head"},
    "uphold": {"dispatcher"},
    "reassign": {"dispatcher"},
    "extend": {"head"},
    "reply": {"handler", "head"},
    "visit": {"operator", "dispatcher"},
    "close": {"operator", "dispatcher"},
}
PERSONAS = ("operator", "dispatcher", "handler", "head", "outsider", "street_handler", "clerk", "citizen")


def test_the_matrix_covers_every_step():
    assert set(EXPECTED) == set(workflow.BY_NAME)


@pytest.mark.parametrize("step_name", sorted(EXPECTED))
def test_it_allows_each_step_only_to_its_roles(step_name, world, make_order):
    order = make_order()
    step = workflow.BY_NAME[step_name]
    state = next(iter(step.source))
    for name in PERSONAS:
        roles = roles_by_unit(world.users[name], order)
        allowed = {s.name for s in workflow.allowed(state, roles)}
        assert (step_name in allowed) == (name in EXPECTED[step_name]), (step_name, name)


def test_another_unit_gets_404(client, make_order, outsider):
    order = make_order()
    login(client, outsider)
    assert client.get(reverse("hotline:order", args=[order.number])).status_code == 404
    url = reverse("hotline:step", args=[order.number, "accept"])
    assert client.post(url).status_code == 404
    order.refresh_from_db()
    assert order.status == S.DISPATCHED


def test_the_district_government_reads_copies_only(client, make_order, world):
    from minsheng.accounts.models import User
    from minsheng.accounts.roles import Role
    from minsheng.orgs.models import Membership

    gov = User.objects.create_user(username="gov", password=PASSWORD)
    Membership.objects.create(user=gov, unit=world.units["government"], role=Role.HANDLER)
    street_order = make_order(region=world.regions["street"])
    county_order = make_order()
    login(client, gov)
    page = client.get(reverse("hotline:order", args=[street_order.number]))
    assert page.status_code == 200
    assert "抄送件（只读）" in page.content.decode()
    assert client.get(reverse("hotline:order", args=[county_order.number])).status_code == 404
    refused = client.post(reverse("hotline:step", args=[street_order.number, "accept"]))
    assert refused.status_code == 403
    street_order.refresh_from_db()
    assert street_order.status == S.DISPATCHED


def test_the_street_office_handles_its_order(client, make_order, world, street_handler):
    order = make_order(region=world.regions["street"])
    login(client, street_handler)
    response = client.post(reverse("hotline:step", args=[order.number, "accept"]))
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == S.ACCEPTED


def test_anonymous_is_sent_to_login_and_a_citizen_is_refused(client, make_order, citizen):
    order = make_order()
    for url in (
        reverse("hotline:queue"),
        reverse("hotline:order", args=[order.number]),
        reverse("hotline:rates"),
    ):
        assert client.get(url).status_code == 302
    login(client, citizen)
    for url in (
        reverse("hotline:queue"),
        reverse("hotline:order", args=[order.number]),
        reverse("hotline:rates"),
    ):
        assert client.get(url).status_code == 403


def test_the_queue_shows_only_the_units_orders(client, make_order, world, handler, street_handler):
    county_order = make_order()
    street_order = make_order(region=world.regions["street"])
    login(client, handler)
    body = client.get(reverse("hotline:queue")).content.decode()
    assert county_order.number in body and street_order.number not in body


def test_a_handling_unit_never_sees_an_informant(client, make_order, handler, operator):
    order = make_order(kind="report", title="餐馆占道经营", content="幸福路某餐馆长期占道经营")
    assert not may_unmask(handler, order)
    assert may_unmask(operator, order)
    login(client, handler)
    body = client.get(reverse("hotline:order", args=[order.number])).content.decode()
    assert "举报人信息保密" in body
    # The phone in any form (not just "138": a timestamp's microseconds may hold those digits).
    phone = "13800001111"
    assert "张*" not in body and phone not in body and mask_phone(phone) not in body
    assert client.post(reverse("hotline:identity", args=[order.number])).status_code == 403


def test_a_unit_sees_a_complainant_masked_and_may_unmask_with_audit(client, make_order, handler):
    from minsheng.audit.models import AuditEvent

    order = make_order()
    login(client, handler)
    body = client.get(reverse("hotline:order", args=[order.number])).content.decode()
    assert "张三" not in body and "13800001111" not in body
    clear = client.post(reverse("hotline:identity", args=[order.number]), {"reason": "联系诉求人"})
    assert "13800001111" in clear.content.decode()
    assert AuditEvent.objects.filter(action="people.person.unmasked", actor=handler).count() == 1


def test_rates_and_catalogue_pages_are_for_the_centre_and_government(client, world, handler, operator, cats):
    login(client, handler)
    assert client.get(reverse("hotline:rates")).status_code == 403
    assert client.get(reverse("hotline:catalogue")).status_code == 403
    assert client.get(reverse("hotline:intake")).status_code == 403
    client.logout()
    login(client, operator)
    for name in ("hotline:rates", "hotline:monthly", "hotline:catalogue", "hotline:intake"):
        assert client.get(reverse(name)).status_code == 200, name
