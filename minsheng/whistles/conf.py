"""Report times of 吹哨报到, per kind of whistle (*configurable*: settings.MINSHENG["WHISTLES"]).

Defaults: an emergency whistle (应急哨) must see departments on the spot within 30 minutes (the
平谷 practice); a priority whistle (攻坚哨) within 2 hours; an everyday one (日常哨) within a working
day. Results are due 1 day / 7 days / 15 days after the whistle.
"""

from django.conf import settings

from minsheng.core.periods import Period, days, hours, minutes, workdays

DEFAULTS = {
    "emergency": {"arrive": minutes(30), "result": days(1)},
    "priority": {"arrive": hours(2), "result": days(7)},
    "daily": {"arrive": workdays(1), "result": days(15)},
}


def periods(kind: str) -> dict[str, Period]:
    override = settings.MINSHENG.get("WHISTLES", {}).get(kind, {})
    return DEFAULTS[kind] | override
