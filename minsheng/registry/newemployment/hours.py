"""Opening hours of a station: parse what staff type, answer "open now". Pure functions, no models.

A station opens on some weekdays (ISO digits, Monday = 1) in one daily window; a window that ends
before it starts runs past midnight and belongs to the day it started (Friday 20:00–02:00 is open at
01:00 on Saturday morning).
"""

import re
from datetime import datetime, time, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.core.periods import CHINA

WEEKDAY_NAMES = "一二三四五六日"
DAYS_HINT = gettext_lazy("开放日格式如“周一至周五”“1-5”或“每天”。")  # what a form or sheet says when unclear
_RANGE = re.compile(
    r"^(?:周|星期)?([一二三四五六日天1-7])\s*[-–~至到]\s*(?:周|星期)?([一二三四五六日天1-7])$"
)


def _digit(c: str) -> int:
    if c.isdigit():
        return int(c)
    return 7 if c == "天" else WEEKDAY_NAMES.index(c) + 1


def parse_days(value: str) -> str:
    """Days as staff type them ("1234567", "1-5", "周一至周五", "每天", "周六、周日") → sorted ISO digits.

    ValueError when unclear.
    """
    s = re.sub(r"\s", "", value or "")
    if s in ("", "每天", "每日", "全周", "全年"):
        return "1234567"
    m = _RANGE.match(s)
    if m:
        a, b = _digit(m.group(1)), _digit(m.group(2))
        if a > b:
            raise ValueError(s)
        return "".join(str(d) for d in range(a, b + 1))
    digits = set()
    for part in re.split(r"[、,，/;；]", s):
        part = re.sub(r"^(周|星期)", "", part)
        if re.fullmatch(r"[1-7]+", part):
            digits.update(int(c) for c in part)
        elif len(part) == 1 and part in WEEKDAY_NAMES + "天":
            digits.add(_digit(part))
        else:
            raise ValueError(s)
    return "".join(str(d) for d in sorted(digits))


def describe_days(days: str) -> str:
    if days == "1234567":
        return _("每天")
    if days == "12345":
        return _("周一至周五")
    return "、".join(_("周%(d)s") % {"d": WEEKDAY_NAMES[int(d) - 1]} for d in days)


def is_open(
    *, at: datetime, days: str, opens: time | None, closes: time | None, always: bool = False
) -> bool:
    """Whether a station with these hours is open at ``at`` (China time)."""
    if always:
        return True
    if opens is None or closes is None:
        return False
    local = at.astimezone(CHINA)
    t = local.time()
    today, yesterday = local.isoweekday(), (local - timedelta(days=1)).isoweekday()
    if opens < closes:
        return str(today) in days and opens <= t < closes
    if opens == closes:  # a full day on the listed days
        return str(today) in days
    # Past midnight: the evening part today, or the early-morning tail of yesterday's window.
    return (str(today) in days and t >= opens) or (str(yesterday) in days and t < closes)
