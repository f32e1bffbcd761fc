"""Who sees a case (selectors) and who may see the petitioner's identity (permissions).

A case a user may not see does not exist for them (Http404); a 检举控告 never reaches the unit it
accuses, and the accused unit never unmasks a complainant (Arts. 30, 46).
"""

import pytest
from django.http import Http404

from minsheng.core.errors import DomainError
from minsheng.petitions import selectors, services
from minsheng.petitions.models import Petition
from minsheng.petitions.permissions import may_unmask
from minsheng.petitions.tests.cases import Cases
from minsheng.petitions.workflow import Kind, S
from minsheng.testing import valid_intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(world, now):
    return Cases(world, now)


def sees(user, petition) -> bool:
    try:
        selectors.petition_for(user, number=petition.number)
    except Http404:
        return False
    return True


def report_against_housing(cases: Cases) -> Petition:
    return cases.file(
        kind=Kind.REPORT, anonymous=True, petitioner=None, accused_unit=cases.world.units["housing"]
    )


def test_it_shows_an_assigned_case_to_the_handling_unit_and_hides_it_from_another_department(cases, world):
    petition = cases.at(S.ASSIGNED)
    assert sees(world.users["handler"], petition)
    assert sees(world.users["head"], petition)
    assert not sees(world.users["outsider"], petition)
    assert petition not in selectors.petitions_visible_to(world.users["outsider"])


def test_it_hides_a_registered_case_from_the_department_until_it_is_routed_there(cases, world):
    petition = cases.at(S.REGISTERED)
    assert not sees(world.users["handler"], petition)


def test_it_shows_the_county_bureau_cases_of_its_area_even_when_registered_elsewhere(cases, world):
    # A petitioner went to the city bureau about a matter in a street of the county.
    petition = services.petition_submit(
        intake=valid_intake(world),
        actor=world.users["city_clerk"],
        now=cases.tick(),
        intake_unit=world.units["city_bureau"],
    ).petition
    services.petition_assign(
        petition=petition, actor=world.users["city_clerk"], now=cases.tick(), unit=world.units["housing"]
    )
    petition.refresh_from_db()
    assert petition.intake_unit == world.units["city_bureau"]
    assert sees(world.users["clerk"], petition)
    assert sees(world.users["leader"], petition)
    assert not sees(world.users["other_clerk"], petition)


def test_it_hides_a_case_from_the_bureau_of_another_county(cases, world):
    petition = cases.at(S.ACCEPTED)
    assert not sees(world.users["other_clerk"], petition)


def test_it_shows_a_higher_bureau_the_cases_of_its_subordinate_areas(cases, world):
    petition = cases.at(S.ACCEPTED)
    assert sees(world.users["city_clerk"], petition)
    assert sees(world.users["province_clerk"], petition)


def test_it_shows_nothing_to_a_citizen_account_or_an_anonymous_user(cases, world):
    from django.contrib.auth.models import AnonymousUser

    petition = cases.at(S.ASSIGNED)
    assert not sees(world.users["citizen"], petition)
    assert not sees(AnonymousUser(), petition)


def test_it_refuses_to_route_a_report_to_the_unit_it_accuses(cases, world):
    report = report_against_housing(cases)
    for service in (services.petition_forward, services.petition_assign):
        with pytest.raises(DomainError) as refused:
            service(
                petition=report, actor=world.users["clerk"], now=cases.tick(), unit=world.units["housing"]
            )
        assert refused.value.code == "accused_unit"
    report.refresh_from_db()
    assert report.status == S.REGISTERED and report.unit is None


def test_it_hides_a_report_from_the_accused_unit_even_when_routed_there(cases, world):
    report = report_against_housing(cases)
    services.petition_assign(
        petition=report, actor=world.users["clerk"], now=cases.tick(), unit=world.units["discipline"]
    )
    assert sees(world.users["discipline_handler"], report)
    assert not sees(world.users["handler"], report)
    # A case routed there before the rule existed (or by any other path) stays hidden.
    Petition.objects.filter(pk=report.pk).update(unit=world.units["housing"])
    assert not sees(world.users["handler"], report)
    assert not sees(world.users["head"], report)
    assert sees(world.users["clerk"], report)


def test_it_refuses_a_review_by_the_body_a_report_accuses(cases, world):
    report = cases.file(kind=Kind.REPORT, accused_unit=world.units["city_bureau"])
    for name in ("assign", "accept", "answer"):
        actor = world.users["clerk" if name == "assign" else "handler"]
        report = cases.take(name, report, actor)
    with pytest.raises(DomainError) as refused:
        cases.take("request_review", report, world.users["citizen"])
    assert refused.value.code == "accused_unit"


def test_it_keeps_the_identity_from_the_unit_a_complaint_is_about(cases, world):
    # Not a report: the complaint goes to the unit concerned, but who complained stays masked there.
    petition = cases.at(S.ASSIGNED, accused_unit=world.units["housing"])
    handler, clerk = world.users["handler"], world.users["clerk"]
    assert sees(handler, petition)
    assert not may_unmask(handler, petition)
    assert not may_unmask(world.users["head"], petition)
    assert may_unmask(clerk, petition)


def test_it_lets_the_handling_unit_unmask_a_complaint_about_someone_else(cases, world):
    petition = cases.at(S.ASSIGNED)
    assert may_unmask(world.users["handler"], petition)
    assert not may_unmask(world.users["outsider"], petition)


def test_it_has_no_identity_to_unmask_for_an_anonymous_report(cases, world):
    report = report_against_housing(cases)
    assert report.petitioner is None
    assert not may_unmask(world.users["clerk"], report)
