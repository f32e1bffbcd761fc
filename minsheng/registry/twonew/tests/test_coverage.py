"""Coverage arithmetic against a hand-computed table, and the lists behind every number."""

import pytest

from minsheng.registry.twonew import coverage, selectors, services
from minsheng.registry.twonew.models import Industry, PartyOrganization

K = PartyOrganization.Kind


@pytest.fixture
def scene(area, make_unit, registrar, founded):
    """东湖街道: A own; B, C (+ G in 东湖社区) joint; D gap with an instructor; E closed.
    东湖社区: F gap; G joint; H has a party contact only. 西山街道: I own; J gap.
    白石街道: L gap (not ours)."""
    s, c, w = area["street"], area["community"], area["west"]
    u = {}
    u["A"] = make_unit(s, full_members=5, industry=Industry.C)
    u["B"] = make_unit(s, full_members=2, industry=Industry.C)
    u["C"] = make_unit(s, full_members=1, industry=Industry.C)
    u["D"] = make_unit(s, full_members=4, industry=Industry.C)
    u["E"] = make_unit(s, full_members=6, industry=Industry.C, operating=False)
    u["F"] = make_unit(c, full_members=3, industry=Industry.F)
    u["G"] = make_unit(c, full_members=1, industry=Industry.F)
    u["H"] = make_unit(c, full_members=0, industry=Industry.F, party_contact="张联络")
    u["I"] = make_unit(w, full_members=8, industry=Industry.I)
    u["J"] = make_unit(w, full_members=3, industry=Industry.I)
    u["L"] = make_unit(area["other"], full_members=5, industry=Industry.I)

    def org(units, kind=K.BRANCH, joint=False, members=5):
        return services.party_org_create(
            actor=registrar, name=f"党组织{units[0].name}", kind=kind, joint=joint, units=units,
            members=members, has_committee=False, founded_on=founded,
        )  # fmt: skip

    org([u["A"]])
    org([u["B"], u["C"], u["G"]], kind=K.JOINT_BRANCH, joint=True)
    org([u["I"]], members=8)
    instructor = services.instructor_create(actor=registrar, name="李指导", region=area["county"])
    services.instructor_assign(actor=registrar, instructor=instructor, units=[u["D"]])
    return u


def counts(row):
    keys = ("operating", "covered", "own", "joint", "uncovered", "gaps", "work_covered")
    return tuple(row.counts[k] for k in keys), (str(row.org_rate), str(row.work_rate))


def test_it_counts_coverage_by_street_as_computed_by_hand(scene, area):
    rows, total = coverage.by_area(area["county"])
    by_name = {r.label: counts(r) for r in rows}
    #                          operating covered own joint uncovered gaps work
    assert by_name["东湖街道"] == ((7, 4, 1, 3, 3, 2, 5), ("57.1", "71.4"))
    assert by_name["西山街道"] == ((2, 1, 1, 0, 1, 1, 1), ("50.0", "50.0"))
    assert counts(total) == ((9, 5, 2, 3, 4, 3, 6), ("55.6", "66.7"))


def test_it_drills_down_to_communities_and_the_street_itself(scene, area):
    rows, total = coverage.by_area(area["street"])
    by_name = {r.label: counts(r)[0] for r in rows}
    assert by_name["东湖社区"] == (3, 1, 0, 1, 2, 1, 1)
    assert by_name["东湖街道本级"] == (4, 3, 1, 2, 1, 1, 4)
    assert counts(total)[0] == (7, 4, 1, 3, 3, 2, 5)


def test_it_counts_coverage_by_industry(scene, area):
    rows, total = coverage.by_industry(area["county"])
    by_code = {r.key: counts(r)[0] for r in rows}
    assert by_code == {
        "C": (4, 3, 1, 2, 1, 1, 4),
        "F": (3, 1, 0, 1, 2, 1, 1),
        "I": (2, 1, 1, 0, 1, 1, 1),
    }
    assert counts(total)[0] == (9, 5, 2, 3, 4, 3, 6)


def test_it_counts_work_coverage_by_the_configured_formula(scene, area, settings):
    settings.MINSHENG = {
        **settings.MINSHENG,
        "TWONEW": {"WORK_COVERAGE": "organization_or_instructor_or_contact"},
    }
    _rows, total = coverage.by_area(area["county"])
    assert total.counts["work_covered"] == 7  # H's party contact now counts
    settings.MINSHENG = {**settings.MINSHENG, "TWONEW": {"WORK_COVERAGE": "organization_only"}}
    _rows, total = coverage.by_area(area["county"])
    assert total.counts["work_covered"] == total.counts["covered"] == 5


def test_it_lists_exactly_the_units_behind_every_number(scene, area, registrar):
    units = selectors.units_visible_to(registrar)
    for by, region in (("area", area["county"]), ("area", area["street"]), ("industry", area["county"])):
        rows, _total = coverage.by_area(region) if by == "area" else coverage.by_industry(region)
        for row in rows:
            for status in coverage.STATUS_LABELS:
                if by == "area":
                    scope = selectors.filter_units(units, region=region.__class__.objects.get(code=row.key))
                    if row.key == region.code:
                        scope = scope.filter(region=region)
                else:
                    scope = selectors.filter_units(units, region=region, industry=row.key)
                listed = coverage.units_with_status(scope, status).count()
                assert listed == row.counts[status], (by, row.label, status)


def test_it_names_the_gaps(scene, registrar):
    gaps = coverage.units_with_status(selectors.units_visible_to(registrar), "gaps")
    assert {u.name for u in gaps} == {scene[k].name for k in ("D", "F", "J")}
