"""Weekly availability as a bit set: bit ``weekday * 3 + part`` (Monday = 0; 上午, 下午, 晚上).

Pure functions: a shift's time becomes the set of half-day slots it touches, so "is this volunteer
available for this shift" is one bitwise AND, in Python or in SQL.
"""

import re
from datetime import datetime, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.core.periods import CHINA

WEEKDAYS = (
    gettext_lazy("周一"),
    gettext_lazy("周二"),
    gettext_lazy("周三"),
    gettext_lazy("周四"),
    gettext_lazy("周五"),
    gettext_lazy("周六"),
    gettext_lazy("周日"),
)
PARTS = (gettext_lazy("上午"), gettext_lazy("下午"), gettext_lazy("晚上"))
# Hours at which each part of the day starts (上午 before 12:00, 下午 until 18:00, then 晚上).
PART_STARTS = (0, 12, 18)
ALL = (1 << 21) - 1


def bit(weekday: int, part: int) -> int:
    return 1 << (weekday * 3 + part)


def part_of(hour: int) -> int:
    return 2 if hour >= PART_STARTS[2] else 1 if hour >= PART_STARTS[1] else 0


def choices() -> list[tuple[int, str]]:
    """(bit index, label) for each slot, for a form's checkboxes."""
    return [(d * 3 + p, f"{WEEKDAYS[d]}{PARTS[p]}") for d in range(7) for p in range(3)]


def from_indexes(indexes) -> int:
    mask = 0
    for i in indexes:
        i = int(i)
        if 0 <= i < 21:
            mask |= 1 << i
    return mask


def indexes(mask: int) -> list[int]:
    return [i for i in range(21) if mask & (1 << i)]


def shift_mask(starts_at: datetime, ends_at: datetime) -> int:
    """The slots a shift touches, in China time (a long shift touches several)."""
    start, end = starts_at.astimezone(CHINA), ends_at.astimezone(CHINA)
    mask, t = 0, start
    while t < end and mask != ALL:
        mask |= bit(t.weekday(), part_of(t.hour))
        nxt = [h for h in PART_STARTS if h > t.hour]
        t = (
            t.replace(hour=nxt[0], minute=0, second=0, microsecond=0)
            if nxt
            else (t + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        )
    return mask or bit(start.weekday(), part_of(start.hour))


def describe(mask: int) -> str:
    """Human text, as the spreadsheet uses it: 周一上午、周六全天 (whole days folded)."""
    out = []
    for d in range(7):
        day = (mask >> (d * 3)) & 0b111
        if day == 0b111:
            out.append(f"{WEEKDAYS[d]}{_('全天')}")
        else:
            out.extend(f"{WEEKDAYS[d]}{PARTS[p]}" for p in range(3) if day & (1 << p))
    return "、".join(out)


_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_PARTS = {"上午": (0,), "下午": (1,), "晚上": (2,), "全天": (0, 1, 2), "": (0, 1, 2)}


def parse(text: str) -> int:
    """The inverse of ``describe``; also 工作日/周末 + part. Raises ValueError on an unknown token."""
    mask = 0
    for token in re.split(r"[、,，;；\s]+", (text or "").strip()):
        if not token:
            continue
        m = re.fullmatch(
            r"(周[一二三四五六日天七]|星期[一二三四五六日天七]|工作日|周末|每天)(上午|下午|晚上|全天)?", token
        )
        if not m:
            raise ValueError(token)
        head, part = m.group(1), m.group(2) or ""
        if head == "工作日":
            days = range(5)
        elif head == "周末":
            days = (5, 6)
        elif head == "每天":
            days = range(7)
        else:
            days = (_DAYS[head[-1]],)
        for d in days:
            for p in _PARTS[part]:
                mask |= bit(d, p)
    return mask
