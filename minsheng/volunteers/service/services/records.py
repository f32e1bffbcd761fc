"""Check-in, check-out, an organizer's entry, and corrections.

Rules, in one place:
- Only a volunteer with a confirmed sign-up for the shift checks in, from ``CHECKIN_OPENS_HOURS`` before
  the shift starts until ``CHECKIN_GRACE_HOURS`` after it ends; later, the organizer enters the times.
- A second check-in to the same shift returns the same record (a double scan changes nothing); a
  check-out without a check-in is refused with a message saying what to do.
- A volunteer cannot serve twice at once: a record whose counted time overlaps another (not rejected)
  record of the same volunteer is refused. Counted time is the part inside the shift's window
  (``hours.served_minutes``), so checking out late at one place does not block the next shift.
- A correction of times re-computes the minutes, is audited with before/after, and moves the
  volunteer's approved total at once when the record was already approved.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.volunteers.models import Shift, SignUp, Volunteer
from minsheng.volunteers.service import conf, hours
from minsheng.volunteers.service.models import ServiceRecord, Source, Status
from minsheng.volunteers.service.services import stars

LOOK_AROUND = timedelta(days=2)  # wider than any record (MAX_RECORD_MINUTES) plus the check-in window


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime | None


def counted_interval(record: ServiceRecord) -> Interval:
    """The stretch of time the record counts (clipped to its shift); an open record counts to shift end."""
    shift = record.shift
    start = max(record.check_in_at, shift.starts_at) if shift else record.check_in_at
    if record.check_out_at is None:
        return Interval(start, shift.ends_at if shift else None)
    end = min(record.check_out_at, shift.ends_at) if shift else record.check_out_at
    return Interval(start, max(start, end))


def _interval_for(shift: Shift | None, check_in_at: datetime, check_out_at: datetime | None) -> Interval:
    probe = ServiceRecord(shift=shift, check_in_at=check_in_at, check_out_at=check_out_at)
    return counted_interval(probe)


def _refuse_overlap(volunteer: Volunteer, interval: Interval, *, exclude_pk=None) -> None:
    """Raise if ``interval`` overlaps another counted record of the volunteer (locked by the caller)."""
    nearby = (
        ServiceRecord.objects.filter(volunteer=volunteer)
        .exclude(status=Status.REJECTED)
        .filter(Q(check_out_at__isnull=True) | Q(check_out_at__gt=interval.start - LOOK_AROUND))
        .select_related("shift")
    )
    if interval.end is not None:
        nearby = nearby.filter(check_in_at__lt=interval.end + LOOK_AROUND)
    if exclude_pk is not None:
        nearby = nearby.exclude(pk=exclude_pk)
    for other in nearby:
        span = counted_interval(other)
        if span.end is not None and span.end <= span.start:
            continue  # nothing counted (e.g. checked out before the shift began)
        if hours.overlaps(interval.start, interval.end, span.start, span.end):
            raise DomainError(
                _("与该志愿者已有的服务记录时间重叠（%(title)s，%(start)s）：同一时间只能记录一次服务。")
                % {"title": other.title, "start": _local(other.check_in_at)},
                code="overlap",
            )


def _local(moment: datetime) -> str:
    from minsheng.core.periods import CHINA

    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def _lock(volunteer: Volunteer) -> Volunteer:
    # One volunteer's records are written one at a time: the overlap check then sees every other write.
    return Volunteer.objects.select_for_update().get(pk=volunteer.pk)


def _require_signed_up(shift: Shift, volunteer: Volunteer) -> None:
    if not SignUp.objects.filter(shift=shift, volunteer=volunteer, status=SignUp.Status.CONFIRMED).exists():
        raise DomainError(_("您没有报名该班次（或报名尚未确认），不能签到。"), code="not_signed_up")


def _require_window(shift: Shift, now: datetime) -> None:
    opens = shift.starts_at - timedelta(hours=conf.get("CHECKIN_OPENS_HOURS"))
    closes = shift.ends_at + timedelta(hours=conf.get("CHECKIN_GRACE_HOURS"))
    if now < opens:
        raise DomainError(_("签到将于%(at)s开放。") % {"at": _local(opens)}, code="too_early")
    if now > closes:
        raise DomainError(_("该班次的签到签退已截止，请联系组织者补录服务时间。"), code="too_late")


def _record_of(shift: Shift, volunteer: Volunteer) -> ServiceRecord | None:
    return ServiceRecord.objects.select_related("shift").filter(shift=shift, volunteer=volunteer).first()


def _new_record_fields(shift: Shift) -> dict:
    activity = shift.activity
    return {
        "team_id": activity.team_id,
        "region_id": activity.region_id,
        "area": activity.area,
        "title": activity.title[:100],
    }


@transaction.atomic
def check_in(
    *, shift: Shift, volunteer: Volunteer, actor, now: datetime, source: str = Source.QR
) -> ServiceRecord:
    """Check the volunteer in (idempotent: an existing record of this shift is returned unchanged)."""
    volunteer = _lock(volunteer)
    existing = _record_of(shift, volunteer)
    if existing is not None:
        return existing
    _require_signed_up(shift, volunteer)
    _require_window(shift, now)
    _refuse_overlap(volunteer, _interval_for(shift, now, None))
    try:
        with transaction.atomic():
            record = ServiceRecord.objects.create(
                volunteer=volunteer,
                shift=shift,
                check_in_at=now,
                source=source,
                created_by=actor,
                **_new_record_fields(shift),
            )
    except IntegrityError:  # a simultaneous scan won the race: its record is this one
        return _record_of(shift, volunteer)
    audit.record(
        actor=actor,
        action="volunteer_service.record.checked_in",
        target=record,
        data={"shift": shift.pk, "volunteer": volunteer.pk, "at": now.isoformat(), "source": source},
    )
    return record


@transaction.atomic
def check_out(
    *, shift: Shift, volunteer: Volunteer, actor, now: datetime, source: str = Source.QR
) -> ServiceRecord:
    """Check the volunteer out; minutes count only inside the shift's window. A second check-out: no-op."""
    volunteer = _lock(volunteer)
    record = _record_of(shift, volunteer)
    if record is None:
        raise DomainError(
            _("您还没有签到，不能签退。请先签到；如已到岗服务，请联系组织者补录。"), code="not_checked_in"
        )
    if not record.is_open:
        return record
    _require_window(shift, now)
    check_out_at = max(now, record.check_in_at)
    _refuse_overlap(volunteer, _interval_for(shift, record.check_in_at, check_out_at), exclude_pk=record.pk)
    record.check_out_at = check_out_at
    record.minutes = _minutes(shift, record.check_in_at, check_out_at)
    record.save(update_fields=["check_out_at", "minutes", "updated_at"])
    audit.record(
        actor=actor,
        action="volunteer_service.record.checked_out",
        target=record,
        data={"at": check_out_at.isoformat(), "minutes": record.minutes, "source": source},
    )
    return record


def _minutes(shift: Shift | None, check_in_at: datetime, check_out_at: datetime) -> int:
    if check_out_at < check_in_at:
        raise InvalidInput(_("签退时间不能早于签到时间。"), field="check_out_at")
    if (check_out_at - check_in_at) > timedelta(minutes=conf.get("MAX_RECORD_MINUTES")):
        raise InvalidInput(_("单次服务记录不能超过24小时，请核对时间。"), field="check_out_at")
    return hours.served_minutes(
        check_in_at,
        check_out_at,
        window_start=shift.starts_at if shift else None,
        window_end=shift.ends_at if shift else None,
    )


@transaction.atomic
def record_enter(
    *,
    shift: Shift,
    volunteer: Volunteer,
    check_in_at: datetime,
    check_out_at: datetime,
    actor,
    now: datetime,
    notes: str = "",
) -> ServiceRecord:
    """The organizer enters (or completes) a volunteer's times for a shift of its team."""
    volunteer = _lock(volunteer)
    if check_out_at > now:
        raise InvalidInput(_("签退时间不能晚于当前时间。"), field="check_out_at")
    minutes = _minutes(shift, check_in_at, check_out_at)
    existing = _record_of(shift, volunteer)
    if existing is not None:
        if not existing.is_open:
            raise DomainError(_("该志愿者在本班次已有完整记录，如需修改请使用“更正”。"), code="exists")
        return record_correct(
            record=existing, check_in_at=check_in_at, check_out_at=check_out_at, actor=actor, now=now,
            reason=notes or _("组织者补录签退时间"),
        )  # fmt: skip
    _require_signed_up(shift, volunteer)
    _refuse_overlap(volunteer, _interval_for(shift, check_in_at, check_out_at))
    record = ServiceRecord.objects.create(
        volunteer=volunteer,
        shift=shift,
        check_in_at=check_in_at,
        check_out_at=check_out_at,
        minutes=minutes,
        source=Source.ORGANIZER,
        notes=notes[:200],
        created_by=actor,
        **_new_record_fields(shift),
    )
    audit.record(
        actor=actor,
        action="volunteer_service.record.entered",
        target=record,
        data={
            "check_in_at": check_in_at.isoformat(),
            "check_out_at": check_out_at.isoformat(),
            "minutes": minutes,
        },
    )
    return record


@transaction.atomic
def record_correct(
    *, record: ServiceRecord, check_in_at: datetime, check_out_at: datetime, reason: str, actor, now: datetime
) -> ServiceRecord:
    """Correct a record's times, with the reason; audited with the values before and after."""
    if not (reason or "").strip():
        raise InvalidInput(_("请填写更正原因。"), field="reason")
    if record.status == Status.REJECTED:
        raise DomainError(_("未认定的记录不能更正。"), code="rejected")
    _lock(record.volunteer)
    record = ServiceRecord.objects.select_for_update(of=("self",)).select_related("shift").get(pk=record.pk)
    if check_out_at > now:
        raise InvalidInput(_("签退时间不能晚于当前时间。"), field="check_out_at")
    minutes = _minutes(record.shift, check_in_at, check_out_at)
    _refuse_overlap(
        record.volunteer, _interval_for(record.shift, check_in_at, check_out_at), exclude_pk=record.pk
    )
    before = {
        "check_in_at": record.check_in_at.isoformat(),
        "check_out_at": record.check_out_at.isoformat() if record.check_out_at else None,
        "minutes": record.minutes,
    }
    record.check_in_at, record.check_out_at, record.minutes = check_in_at, check_out_at, minutes
    record.save(update_fields=["check_in_at", "check_out_at", "minutes", "updated_at"])
    audit.record(
        actor=actor,
        action="volunteer_service.record.corrected",
        target=record,
        data={
            "before": before,
            "after": {"check_in_at": check_in_at.isoformat(), "check_out_at": check_out_at.isoformat(),
                      "minutes": minutes},
            "reason": reason.strip()[:200],
        },
    )  # fmt: skip
    if record.status == Status.APPROVED:
        stars.recompute_one(record.volunteer_id)
    return record
