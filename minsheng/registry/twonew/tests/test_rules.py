"""The party-building rules as a table: what is refused, what is a to-do, what is a gap."""

import pytest

from minsheng.registry.twonew import rules
from minsheng.registry.twonew.models import PartyOrganization

K = PartyOrganization.Kind


@pytest.mark.parametrize(
    ("kind", "joint", "units", "members", "refused"),
    [
        (K.BRANCH, False, 1, 3, set()),
        (K.BRANCH, False, 1, 2, {"members"}),  # fewer than 3 full members cannot found one
        (K.BRANCH, False, 1, 50, set()),
        (K.BRANCH, False, 1, 51, {"members"}),  # a branch has at most 50 members
        (K.GENERAL_BRANCH, False, 1, 51, set()),  # a 党总支 may have more
        (K.COMMITTEE, False, 1, 300, set()),
        (K.BRANCH, False, 2, 10, {"units"}),  # a single organization covers its own unit only
        (K.JOINT_BRANCH, True, 2, 5, set()),
        (K.JOINT_BRANCH, True, 5, 20, set()),
        (K.JOINT_BRANCH, True, 6, 20, {"units"}),  # a joint one covers at most 5 units
        (K.JOINT_BRANCH, True, 1, 5, {"units"}),
        (K.JOINT_BRANCH, False, 1, 5, {"joint"}),
        (K.JOINT_BRANCH, True, 3, 51, {"members"}),
    ],
)
def test_it_refuses_organizations_against_the_rules(kind, joint, units, members, refused):
    assert set(rules.party_org_refusals(kind=kind, joint=joint, unit_count=units, members=members)) == refused


def test_it_explains_the_refusals_in_chinese():
    errors = rules.party_org_refusals(kind=K.JOINT_BRANCH, joint=True, unit_count=6, members=51)
    assert "不得超过5个" in errors["units"]
    assert "不超过50人" in errors["members"]


@pytest.mark.parametrize(
    ("members", "has_committee", "todo"),
    [(6, False, False), (7, False, True), (7, True, False), (40, False, True)],
)
def test_it_asks_for_a_committee_from_seven_members(members, has_committee, todo):
    assert rules.needs_committee(members=members, has_committee=has_committee) is todo


@pytest.mark.parametrize(
    ("operating", "full", "coverage", "gap"),
    [
        (True, 3, "", True),
        (True, 2, "", False),
        (True, 9, "own", False),
        (True, 9, "joint", False),
        (False, 9, "", False),
    ],
)
def test_it_lists_a_unit_with_three_full_members_and_no_organization_as_a_gap(operating, full, coverage, gap):
    assert rules.is_gap(operating=operating, full_members=full, coverage=coverage) is gap


def test_it_reads_the_rule_numbers_from_settings(settings):
    settings.MINSHENG = {**settings.MINSHENG, "TWONEW": {"JOINT_MAX_UNITS": 3, "GAP_MIN_FULL_MEMBERS": 5}}
    assert rules.party_org_refusals(kind=K.JOINT_BRANCH, joint=True, unit_count=4, members=5)
    assert not rules.is_gap(operating=True, full_members=4, coverage="")


@pytest.mark.parametrize(
    ("formula", "coverage", "instructor", "contact", "covered"),
    [
        ("organization_only", "", True, True, False),
        ("organization_only", "joint", False, False, True),
        ("organization_or_instructor", "", True, False, True),
        ("organization_or_instructor", "", False, True, False),
        ("organization_or_instructor_or_contact", "", False, True, True),
        ("organization_or_instructor_or_contact", "", False, False, False),
    ],
)
def test_it_counts_work_coverage_by_the_chosen_formula(formula, coverage, instructor, contact, covered):
    assert (
        rules.work_covered(coverage=coverage, has_instructor=instructor, has_contact=contact, formula=formula)
        is covered
    )


def test_it_rounds_rates_and_gives_none_without_operating_units():
    assert str(rules.rate(2, 3)) == "66.7"
    assert rules.rate(0, 0) is None
