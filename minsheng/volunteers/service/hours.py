"""Service time arithmetic: pure functions, no models.

The rule (志愿服务记录与证明出具办法: 服务时间不含往返交通时间): only time spent serving counts.
A record's minutes are the part of [check-in, check-out] that lies inside the shift's window
[shift start, shift end]: arriving early, staying to chat, and travel before or after do not count.
A record without a shift (imported history, or an organizer's entry for work outside a shift) counts
from check-in to check-out. Times are aware datetimes, so a shift from 22:00 to 02:00 the next day is
simply four hours; whole minutes, rounded down (a started minute is not a served minute).
"""

from datetime import datetime


def served_minutes(
    check_in: datetime,
    check_out: datetime,
    *,
    window_start: datetime | None = None,
    window_end: datetime | None = None,
) -> int:
    """Minutes of service between check-in and check-out, clipped to the shift's window if any."""
    start = max(check_in, window_start) if window_start is not None else check_in
    end = min(check_out, window_end) if window_end is not None else check_out
    if end <= start:
        return 0
    return int((end - start).total_seconds() // 60)


def overlaps(a_start: datetime, a_end: datetime | None, b_start: datetime, b_end: datetime | None) -> bool:
    """Whether two half-open intervals [start, end) overlap; an open end (still checked in) is infinite."""
    return (b_end is None or a_start < b_end) and (a_end is None or b_start < a_end)


def stars_for(minutes: int, thresholds_hours: tuple[int, ...]) -> int:
    """Star level (0–5) for cumulative approved minutes: one star per threshold reached."""
    return sum(1 for hours in thresholds_hours if minutes >= hours * 60)


def next_star(minutes: int, thresholds_hours: tuple[int, ...]) -> tuple[int, int] | None:
    """(the next star, hours still missing) or None at the top level; for the profile page."""
    for level, hours in enumerate(thresholds_hours, start=1):
        if minutes < hours * 60:
            return level, -(-(hours * 60 - minutes) // 60)
    return None


def as_hours(minutes: int | None) -> str:
    """Minutes shown as hours with one decimal (certificates and lists speak in hours)."""
    return f"{(minutes or 0) / 60:.1f}"
