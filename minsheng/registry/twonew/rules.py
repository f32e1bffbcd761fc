"""The party-building rules for 两新组织, as pure functions (numbers in ``conf``).

党章第三十条 and the organization work rules: three full members set up an organization; units with
fewer members join a joint branch of at most five units; a branch has at most fifty members (above it
a 党总支 is set up); from seven members a branch elects a committee. The coverage queries in
``coverage.py`` mirror ``is_gap`` and ``work_covered`` in SQL; tests hold the two to the same table.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.registry.twonew import conf
from minsheng.registry.twonew.models import Coverage, PartyOrganization

BRANCH_KINDS = frozenset({PartyOrganization.Kind.BRANCH, PartyOrganization.Kind.JOINT_BRANCH})


def party_org_refusals(*, kind: str, joint: bool, unit_count: int, members: int) -> dict[str, str]:
    """Why an organization of this shape may not be recorded: ``{field: message}``, empty when it may."""
    errors: dict[str, str] = {}
    if kind == PartyOrganization.Kind.JOINT_BRANCH and not joint:
        errors["joint"] = _("联合党支部须为联合建立。")
    max_units = conf.get("JOINT_MAX_UNITS")
    if joint:
        if unit_count < 2:
            errors["units"] = _("联合建立的党组织须覆盖至少2个单位。")
        elif unit_count > max_units:
            errors["units"] = _("联合党组织覆盖的单位不得超过%(n)s个（现为%(count)s个）。") % {
                "n": max_units,
                "count": unit_count,
            }
    elif unit_count != 1:
        errors["units"] = _("单独建立的党组织只覆盖本单位（须选择1个单位）。")
    minimum = conf.get("MIN_MEMBERS_TO_FOUND")
    if members < minimum:
        errors["members"] = _("正式党员%(n)s人以上方可成立党组织。") % {"n": minimum}
    branch_max = conf.get("BRANCH_MAX_MEMBERS")
    if kind in BRANCH_KINDS and members > branch_max:
        errors["members"] = _("党支部党员人数一般不超过%(n)s人（现为%(count)s人），请设立党总支。") % {
            "n": branch_max,
            "count": members,
        }
    return errors


def needs_committee(*, members: int, has_committee: bool) -> bool:
    """A to-do, not a refusal: the branch should elect a committee (支部委员会)."""
    return members >= conf.get("COMMITTEE_MIN_MEMBERS") and not has_committee


def coverage_of(*, joint: bool) -> str:
    return Coverage.JOINT if joint else Coverage.OWN


def is_gap(*, operating: bool, full_members: int, coverage: str) -> bool:
    """应建未建: an operating unit with enough full members and no organization, own or joint."""
    return operating and not coverage and full_members >= conf.get("GAP_MIN_FULL_MEMBERS")


# 工作覆盖: the unit is reached by party work. Each formula says what counts besides an organization.
WORK_FORMULA_LABELS = {
    "organization_only": gettext_lazy("已建党组织（组织覆盖即工作覆盖）"),
    "organization_or_instructor": gettext_lazy("已建党组织或已派党建指导员"),
    "organization_or_instructor_or_contact": gettext_lazy("已建党组织、已派党建指导员或有党建联络员"),
}


def work_covered(
    *, coverage: str, has_instructor: bool, has_contact: bool, formula: str | None = None
) -> bool:
    formula = formula or conf.get("WORK_COVERAGE")
    if formula == "organization_only":
        return bool(coverage)
    if formula == "organization_or_instructor":
        return bool(coverage) or has_instructor
    if formula == "organization_or_instructor_or_contact":
        return bool(coverage) or has_instructor or has_contact
    raise ValueError(f"unknown WORK_COVERAGE formula {formula!r}")


def rate(numerator: int, denominator: int) -> Decimal | None:
    """A percentage with one decimal; no operating units means no rate (not 0%)."""
    if not denominator:
        return None
    return (Decimal(100 * numerator) / Decimal(denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
