"""The register's writes: create, correct, workflow steps and the decoupling reform, all audited."""

from datetime import date
from decimal import Decimal

import pytest

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.registry.associations import services, workflow
from minsheng.registry.associations.models import Association
from minsheng.registry.associations.tests.factories import credit_code, details, make_association
from minsheng.registry.associations.workflow import Decoupling, S

pytestmark = pytest.mark.django_db


def test_it_registers_an_association_and_audits_it(world, registrar, now):
    a = make_association(world, registrar, now)
    assert a.status == S.ACTIVE and a.credit_code == credit_code(1)
    event = AuditEvent.objects.get(action="associations.association.created")
    assert event.target_id == str(a.pk)
    assert event.data["contact_phone"] != "13800000000"  # masked in the log


def test_it_refuses_an_ineligible_body_with_every_reason(world, registrar, now):
    with pytest.raises(InvalidInput) as caught:
        services.association_create(
            actor=registrar,
            region=world.regions["county"],
            details=details(individual_members=10, funds=Decimal(1000)),
            status=S.PREPARING,
            now=now,
        )
    assert set(caught.value.errors) == {"individual_members", "funds"}
    assert not Association.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="associations.").exists()


def test_it_refuses_a_bad_or_taken_credit_code(world, registrar, now):
    with pytest.raises(InvalidInput) as caught:
        services.association_create(
            actor=registrar,
            region=world.regions["county"],
            details=details(credit_code="51990102000000001Y"),
            now=now,
        )
    assert "校验码错误" in caught.value.errors["credit_code"]
    make_association(world, registrar, now)
    with pytest.raises(InvalidInput) as caught:
        make_association(world, registrar, now, name="另一个协会")
    assert "已登记" in caught.value.errors["credit_code"]


def test_a_registered_body_needs_a_code_and_a_date(world, registrar, now):
    with pytest.raises(InvalidInput) as caught:
        services.association_create(
            actor=registrar,
            region=world.regions["county"],
            details=details(credit_code=""),
            status=S.ACTIVE,
            now=now,
        )
    assert {"credit_code", "registered_on"} <= set(caught.value.errors)


def test_only_the_areas_registrar_writes(world, other_registrar, social_work_leader, now):
    for actor in (other_registrar, social_work_leader):
        with pytest.raises(DomainError):
            make_association(world, actor, now)


def test_approval_checks_eligibility_and_dates_the_registration(world, registrar, now):
    a = make_association(world, registrar, now, status=S.PREPARING, credit_code="")
    with pytest.raises(InvalidInput):
        services.association_step(association=a, actor=registrar, name="approve", now=now)
    a.credit_code = credit_code(7)
    a.save()
    a = services.association_step(association=a, actor=registrar, name="approve", now=now)
    assert a.status == S.ACTIVE and a.registered_on == now.date()
    assert AuditEvent.objects.filter(action="associations.association.approve").exists()


def test_decoupling_is_finished_only_when_all_five_separations_are_done(world, registrar, now):
    a = make_association(world, registrar, now)
    a = services.association_step(association=a, actor=registrar, name="start_decoupling", now=now)
    for step in list(Decoupling)[:4]:
        services.association_record_decoupling(
            association=a, actor=registrar, step=step, done_on=date(2026, 1, 5), now=now
        )
    with pytest.raises(DomainError) as caught:
        services.association_step(association=a, actor=registrar, name="finish_decoupling", now=now)
    assert "党建外事等事项分离" in str(caught.value.message)
    services.association_record_decoupling(
        association=a, actor=registrar, step=Decoupling.PARTY_AFFAIRS, done_on=date(2026, 2, 1), now=now
    )
    a = services.association_step(association=a, actor=registrar, name="finish_decoupling", now=now)
    assert a.status == S.DECOUPLED
    assert a.decoupling["party_affairs"] == "2026-02-01"


def test_steps_that_end_a_body_need_a_reason(world, registrar, now):
    a = make_association(world, registrar, now)
    with pytest.raises(InvalidInput):
        services.association_step(association=a, actor=registrar, name="dissolve", now=now)
    a = services.association_step(
        association=a, actor=registrar, name="dissolve", reason="会员大会决议解散", now=now
    )
    assert a.status == S.DISSOLVED
    with pytest.raises(DomainError) as caught:
        services.association_step(association=a, actor=registrar, name="start_decoupling", now=now)
    assert caught.value.code == "wrong_state"


@pytest.mark.parametrize("step", workflow.STEPS, ids=lambda s: s.name)
def test_the_workflow_table_refuses_everyone_but_the_registrar(step):
    source = next(iter(step.source))
    assert workflow.step(step.name, source, frozenset({"registrar"})) is step
    for roles in ({"leader"}, {"handler"}, set()):
        with pytest.raises(DomainError):
            workflow.step(step.name, source, frozenset(roles))


def test_a_correction_is_audited_with_what_changed(world, registrar, now):
    a = make_association(world, registrar, now)
    changed = details(1, individual_members=80, contact_phone="13900000000", registered_on=date(2020, 5, 1))
    services.association_update(association=a, actor=registrar, details=changed)
    a.refresh_from_db()
    assert a.individual_members == 80
    event = AuditEvent.objects.get(action="associations.association.updated")
    assert event.data["changed"] == {"individual_members": [60, 80]}
    assert event.data["contact_phone"] == "changed"
