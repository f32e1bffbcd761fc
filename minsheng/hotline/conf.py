"""The configurable numbers of 接诉即办 (DESIGN.md §1.4), overridable in ``settings.MINSHENG["HOTLINE"]``.

Deadlines by urgency: ``(unit, n)`` with unit "hours" (clock time from the moment of dispatch),
"days" (natural days: the dispatch day is not counted, the period ends at 24:00 of the last day, and a
last day on a holiday or rest day moves to the next working day, as ``minsheng.core.periods.days``)
or "workdays". Defaults after the Beijing draft standard: 2 h life/property risk, 24 h utilities,
7 days ordinary, 15 days complex.

The three rates are computed over valid return visits (the requester was reached):
响应率 = contacted / valid, 解决率 = solved / valid, 满意率 = Σ weight(satisfaction) / valid, and the
composite score = Σ RATE_WEIGHTS[rate] × rate / Σ RATE_WEIGHTS (on a 0–100 scale).
"""

from django.conf import settings

from minsheng.core.periods import Period

DEFAULTS = {
    "DEADLINES": {
        "urgent": ("hours", 2),
        "utility": ("hours", 24),
        "ordinary": ("days", 7),
        "complex": ("days", 15),
    },
    # At most this many extensions per order, each of at most MAX_EXTENSION_DAYS natural days.
    "MAX_EXTENSIONS": 1,
    "MAX_EXTENSION_DAYS": 15,
    "SATISFACTION_WEIGHTS": {"satisfied": 1.0, "basically": 0.9, "dissatisfied": 0.0},
    "RATE_WEIGHTS": {"response": 10, "solution": 50, "satisfaction": 40},
    # 每月一题: how many of the most frequent problems a month's list shows.
    "MONTHLY_TOP": 10,
}


def conf() -> dict:
    """The defaults with the site's overrides (a shallow merge per key; dicts merge one level down)."""
    overrides = getattr(settings, "MINSHENG", {}).get("HOTLINE", {}) or {}
    merged = {}
    for key, value in DEFAULTS.items():
        given = overrides.get(key, value)
        merged[key] = {**value, **given} if isinstance(value, dict) and isinstance(given, dict) else given
    return merged


def deadline_period(urgency: str) -> Period:
    unit, n = conf()["DEADLINES"][urgency]
    return Period(unit, int(n))
