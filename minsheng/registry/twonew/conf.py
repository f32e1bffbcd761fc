"""The numbers of the party-building rules and the coverage formula, overridable in settings.

``settings.MINSHENG["TWONEW"]`` may override any key, e.g. ``{"WORK_COVERAGE": "organization_only"}``.
Read on every use (not at import), so a test's ``settings`` fixture takes effect at once.
"""

from django.conf import settings

DEFAULTS = {
    # 党章第三十条: three or more full members set up a basic organization.
    "MIN_MEMBERS_TO_FOUND": 3,
    # A unit with this many full members and no organization (own or joint) is a gap (应建未建).
    "GAP_MIN_FULL_MEMBERS": 3,
    # A joint branch (联合党支部) covers at most this many units.
    "JOINT_MAX_UNITS": 5,
    # A branch (党支部/联合党支部) has at most this many members; above it, set up a 党总支.
    "BRANCH_MAX_MEMBERS": 50,
    # From this many members a branch elects a committee (支部委员会, 3–5 members).
    "COMMITTEE_MIN_MEMBERS": 7,
    # Which units count as "work covered" (工作覆盖): a key of ``coverage.WORK_FORMULAS``.
    "WORK_COVERAGE": "organization_or_instructor",
}


def get(key: str):
    return getattr(settings, "MINSHENG", {}).get("TWONEW", {}).get(key, DEFAULTS[key])
