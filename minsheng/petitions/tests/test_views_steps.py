"""Workflow steps taken from the case page (/staff/cases/<number>/steps/<step>/)."""

import pytest

from minsheng.accounts.roles import SYSTEM
from minsheng.audit.models import AuditEvent
from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.views.actions import STEP_ACTIONS
from minsheng.petitions.workflow import STEPS, S

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(world, clerk, file_petition):
    def make(unit_key="housing", **overrides):
        p = file_petition(**overrides)
        return services.petition_assign(
            petition=p, actor=clerk, now=p.received_at, unit=world.units[unit_key]
        )

    return make


def step_url(p, name):
    return f"/staff/cases/{p.number}/steps/{name}/"


def status_of(p):
    return Petition.objects.values_list("status", flat=True).get(pk=p.pk)


def test_it_has_a_form_and_a_service_for_every_step_people_take():
    assert set(STEP_ACTIONS) == {s.name for s in STEPS if SYSTEM not in s.roles}


def test_it_lets_the_handler_accept(client, handler, assigned):
    p = assigned()
    client.force_login(handler)
    response = client.post(step_url(p, "accept"), follow=True)
    assert response.redirect_chain[-1][0] == f"/staff/cases/{p.number}/"
    assert status_of(p) == S.ACCEPTED
    assert "已完成：受理。" in response.content.decode()
    assert AuditEvent.objects.filter(action="petitions.petition.accept", actor=handler).exists()


def test_it_shows_the_refusal_of_a_step_the_state_does_not_allow(client, handler, assigned):
    p = assigned()
    client.force_login(handler)
    client.post(step_url(p, "accept"))
    response = client.post(step_url(p, "accept"))
    assert response.status_code == 409
    assert "不能执行“受理”" in response.content.decode()
    assert AuditEvent.objects.filter(action="petitions.petition.accept").count() == 1


def test_it_refuses_a_step_the_users_role_does_not_allow(client, world, handler, assigned):
    p = assigned()
    client.force_login(handler)
    # Extending needs the unit head.
    client.post(step_url(p, "accept"))
    response = client.post(step_url(p, "extend"), {"days": "10", "reason": "需现场勘查"})
    assert response.status_code == 409
    assert "您没有执行“延期（≤30日）”的权限。" in response.content.decode()
    assert status_of(p) == S.ACCEPTED


def test_it_hides_the_case_and_its_steps_from_outsiders(client, outsider, assigned):
    p = assigned()
    client.force_login(outsider)
    assert client.post(step_url(p, "accept")).status_code == 404
    assert status_of(p) == S.ASSIGNED


def test_it_lets_the_clerk_assign_to_a_unit_chosen_from_the_list(client, world, clerk, file_petition):
    p = file_petition()
    client.force_login(clerk)
    response = client.post(step_url(p, "assign"), {"unit": world.units["labour"].pk, "note": "请核查"})
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.status == S.ASSIGNED and p.unit == world.units["labour"]


def test_it_shows_missing_fields_next_to_the_steps_form(client, clerk, file_petition):
    p = file_petition()
    client.force_login(clerk)
    response = client.post(step_url(p, "decline"), {"reason": "  "})
    body = response.content.decode()
    assert response.status_code == 400
    assert "请填写不予受理的理由。" in body
    assert '<details class="step" open>' in body
    assert status_of(p) == S.REGISTERED


def test_it_checks_the_extension_against_the_law(client, head, assigned):
    p = assigned()
    client.force_login(head)
    client.post(step_url(p, "accept"))
    response = client.post(step_url(p, "extend"), {"days": "45", "reason": "需现场勘查"})
    assert response.status_code == 400
    assert "延期天数应为1至30日。" in response.content.decode()
    assert client.post(step_url(p, "extend"), {"days": "20", "reason": "需现场勘查"}).status_code == 302
    assert status_of(p) == S.EXTENDED


def test_it_answers_with_the_written_opinion(client, handler, assigned):
    p = assigned()
    client.force_login(handler)
    client.post(step_url(p, "accept"))
    data = {"outcome": "support", "facts": "查明属实", "reasons": "符合规定", "decision": "三日内修复",
            "basis": "物业管理条例"}  # fmt: skip
    assert client.post(step_url(p, "answer"), data).status_code == 302
    p.refresh_from_db()
    assert p.status == S.ANSWERED and p.answer_decision == "三日内修复"
    assert "三日内修复" in client.get(f"/staff/cases/{p.number}/").content.decode()


def test_it_links_a_repeat_only_to_a_case_the_clerk_can_see(client, clerk, file_petition, assigned):
    original = assigned()
    repeat = file_petition()
    client.force_login(clerk)
    response = client.post(step_url(repeat, "link_repeat"), {"original": "XF2026-999999"})
    assert response.status_code == 400
    assert "找不到编号为XF2026-999999的信访件。" in response.content.decode()
    assert (
        client.post(step_url(repeat, "link_repeat"), {"original": original.number.lower()}).status_code == 302
    )
    repeat.refresh_from_db()
    assert repeat.status == S.NOT_ACCEPTED and repeat.repeat_of == original


def test_it_lets_the_clerk_rate_on_behalf_of_the_petitioner(client, clerk, handler, assigned):
    p = assigned()
    client.force_login(handler)
    client.post(step_url(p, "accept"))
    client.post(step_url(p, "settle"), {"outcome": "mediated", "agreement": "双方同意三日内修复"})
    client.force_login(clerk)
    assert client.post(step_url(p, "rate"), {"rating": "satisfied", "comment": "电话回访"}).status_code == 302
    p.refresh_from_db()
    assert p.status == S.RATED and p.rating == "satisfied"


def test_it_answers_unknown_steps_and_gets_plainly(client, clerk, file_petition):
    p = file_petition()
    client.force_login(clerk)
    assert client.post(step_url(p, "close")).status_code == 404
    assert client.post(step_url(p, "nonsense")).status_code == 404
    assert client.get(step_url(p, "decline")).status_code == 405
