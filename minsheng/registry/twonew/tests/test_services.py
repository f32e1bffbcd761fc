"""Writes: units, party organizations (keeping each unit's coverage), instructors; all audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.registry.twonew import services
from minsheng.registry.twonew.models import Coverage, Industry, Organization, PartyOrganization
from minsheng.registry.twonew.synthetic import credit_code

K = PartyOrganization.Kind


def unit_data(region, **values):
    base = dict(kind=Organization.Kind.NEW_SOCIAL, name="云州创新服务中心", credit_code=credit_code(77),
                region=region, industry=Industry.M, employees=30, full_members=4)  # fmt: skip
    return services.UnitData(**(base | values))


def test_it_registers_a_unit_with_a_normalized_credit_code(area, registrar):
    code = credit_code(77).lower()
    unit = services.unit_create(actor=registrar, data=unit_data(area["street"], credit_code=f" {code} "))
    assert unit.credit_code == code.upper()
    assert AuditEvent.objects.filter(action="twonew.unit.created", target_id=str(unit.pk)).exists()


def test_it_refuses_a_wrong_check_character_and_says_which(area, registrar):
    code = credit_code(77)
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    with pytest.raises(InvalidInput) as e:
        services.unit_create(actor=registrar, data=unit_data(area["street"], credit_code=wrong))
    assert "校验码" in e.value.errors["credit_code"]
    assert not Organization.objects.exists()


def test_it_refuses_a_credit_code_registered_twice(area, registrar, make_unit):
    make_unit(area["street"], credit_code=credit_code(77))
    with pytest.raises(InvalidInput) as e:
        services.unit_create(actor=registrar, data=unit_data(area["west"]))
    assert "已登记" in e.value.errors["credit_code"]


def test_it_refuses_more_members_than_employees(area, registrar):
    with pytest.raises(InvalidInput) as e:
        services.unit_create(actor=registrar, data=unit_data(area["street"], employees=3, full_members=4))
    assert "employees" in e.value.errors


@pytest.mark.parametrize("persona", ["other_registrar", "social_work_leader", "handler"])
def test_it_lets_only_the_areas_registrar_write(area, world, persona):
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=world.users[persona], data=unit_data(area["street"]))


def test_it_audits_what_an_edit_changed(area, registrar, make_unit):
    unit = make_unit(area["street"], full_members=1)
    services.unit_update(
        actor=registrar,
        organization=unit,
        data=unit_data(area["west"], credit_code=unit.credit_code, full_members=3),
    )
    event = AuditEvent.objects.get(action="twonew.unit.updated")
    assert event.data["changed"]["full_members"] == [1, 3]
    assert event.data["changed"]["region"] == ["990102001", "990102002"]


def org(registrar, units, *, kind=K.BRANCH, joint=False, members=5, committee=False):
    return services.party_org_create(
        actor=registrar, name="测试党支部", kind=kind, joint=joint, units=units, members=members,
        has_committee=committee, founded_on=date(2025, 7, 1),
    )  # fmt: skip


def test_it_marks_the_units_of_a_joint_branch_covered_and_places_it_in_their_common_area(
    area, registrar, make_unit
):
    units = [make_unit(area["street"]), make_unit(area["community"]), make_unit(area["west"])]
    party = org(registrar, units, kind=K.JOINT_BRANCH, joint=True)
    assert party.region == area["county"]
    assert set(Organization.objects.values_list("coverage", flat=True)) == {Coverage.JOINT}
    assert AuditEvent.objects.filter(action="twonew.party_org.created", target_id=str(party.pk)).exists()


def test_it_refuses_a_joint_branch_of_six_units_and_writes_nothing(area, registrar, make_unit):
    units = [make_unit(area["street"]) for _ in range(6)]
    with pytest.raises(InvalidInput) as e:
        org(registrar, units, kind=K.JOINT_BRANCH, joint=True)
    assert "不得超过5个" in e.value.message
    assert not PartyOrganization.objects.exists()
    assert not Organization.objects.exclude(coverage="").exists()


def test_it_refuses_a_branch_of_fifty_one_members(area, registrar, make_unit):
    with pytest.raises(InvalidInput) as e:
        org(registrar, [make_unit(area["street"], employees=200, full_members=51)], members=51)
    assert "党总支" in e.value.message


def test_it_refuses_to_cover_a_unit_twice(area, registrar, make_unit):
    unit = make_unit(area["street"])
    org(registrar, [unit])
    with pytest.raises(DomainError) as e:
        org(registrar, [unit, make_unit(area["street"])], kind=K.JOINT_BRANCH, joint=True)
    assert "已有党组织覆盖" in e.value.message


def test_it_refuses_units_of_another_area(area, registrar, make_unit):
    with pytest.raises(PermissionDenied):
        org(registrar, [make_unit(area["other"])])
    assert not PartyOrganization.objects.exists()


def test_it_uncovers_the_units_of_a_dissolved_organization(area, registrar, make_unit):
    units = [make_unit(area["street"]), make_unit(area["street"])]
    party = org(registrar, units, kind=K.JOINT_BRANCH, joint=True)
    services.party_org_dissolve(actor=registrar, party_org=party, on=date(2026, 3, 1), reason="单位迁出")
    assert set(Organization.objects.values_list("coverage", flat=True)) == {""}
    # …and they may be covered again.
    org(registrar, units[:1])
    assert Organization.objects.get(pk=units[0].pk).coverage == Coverage.OWN


def test_it_refuses_a_change_above_the_branch_limit(area, registrar, make_unit):
    party = org(registrar, [make_unit(area["street"])])
    with pytest.raises(InvalidInput):
        services.party_org_update(
            actor=registrar, party_org=party, name="测试党支部", members=60, has_committee=True
        )
    party.refresh_from_db()
    assert party.members == 5


def test_it_assigns_an_instructor_to_many_uncovered_units_and_audits_each(area, registrar, make_unit):
    instructor = services.instructor_create(
        actor=registrar, name="王指导", region=area["county"], phone="13912345678", work_unit="东湖街道党工委"
    )
    assert instructor.phone_masked == "139****5678"
    assert "13912345678" not in instructor.phone_encrypted
    units = [make_unit(area["street"], full_members=3) for _ in range(3)]
    assert services.instructor_assign(actor=registrar, instructor=instructor, units=units) == 3
    assert Organization.objects.filter(instructor=instructor).count() == 3
    assert AuditEvent.objects.filter(action="twonew.unit.instructor_assigned").count() == 3
    created = AuditEvent.objects.get(action="twonew.instructor.created")
    assert created.data["phone"] == "***"


def test_it_refuses_an_instructor_for_a_covered_unit(area, registrar, make_unit):
    covered, open_ = make_unit(area["street"]), make_unit(area["street"])
    org(registrar, [covered])
    instructor = services.instructor_create(actor=registrar, name="王指导", region=area["county"])
    with pytest.raises(DomainError):
        services.instructor_assign(actor=registrar, instructor=instructor, units=[open_, covered])
    assert not Organization.objects.filter(instructor=instructor).exists()


def test_it_refuses_a_bad_phone_for_an_instructor(area, registrar):
    with pytest.raises(InvalidInput):
        services.instructor_create(actor=registrar, name="王指导", region=area["county"], phone="12345")


def test_it_reminds_the_registrar_once_a_month_of_gaps_and_committees(area, registrar, make_unit, now):
    from minsheng.notices.models import Notice
    from minsheng.registry.twonew.tasks import remind_registrars

    make_unit(area["street"], full_members=3)
    org(registrar, [make_unit(area["street"], full_members=9)], members=9)
    assert remind_registrars() == 1
    assert remind_registrars() == 0  # same month: nothing new
    notice = Notice.objects.get(user=registrar)
    assert "应建未建1个" in notice.subject and "待设支部委员会1个" in notice.subject
