"""After the answer: rating (Art. 21), review 复查 (Art. 35), re-review 复核 with hearings (Art. 36)."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.core.calendar_store import official_calendar
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA, add_days
from minsheng.orgs.selectors import bureau_above
from minsheng.petitions.models import Petition
from minsheng.petitions.services.transitions import take
from minsheng.petitions.workflow import WINDOWS, Rating


@transaction.atomic
def petition_rate(
    *, petition: Petition, actor, now: datetime, rating: str, comment: str = "", as_citizen=False
):
    """The petitioner rates the handling: 满意 / 基本满意 / 不满意."""
    if rating not in Rating.values:
        raise InvalidInput(_("请选择满意、基本满意或不满意。"), field="rating")
    return take(
        "rate",
        petition=petition,
        actor=actor,
        now=now,
        as_citizen=as_citizen,
        data={"rating": rating},
        update={"rating": rating, "rating_comment": comment.strip()[:1000]},
    )


def _higher_body(unit) -> object:
    """The petition bureau of the level above ``unit``'s area: 复查 of a county department's answer goes
    to the city, 复核 of the city's review to the province (Arts. 35, 36)."""
    above = bureau_above(unit.region) if unit is not None else None
    if above is None:
        raise DomainError(_("没有上一级机关可以受理复查/复核申请。"), code="no_higher_body")
    return above


def _within_window(locked: Petition, now: datetime) -> None:
    """A request after the petitioner's 30 days is refused even before the scan has closed the case."""
    if locked.due_clock in WINDOWS and locked.due_at is not None and now > locked.due_at:
        raise DomainError(
            _("申请期限已于%(due)s届满（条例第35、36条）。")
            % {"due": locked.due_at.astimezone(CHINA).date().isoformat()},
            code="window_closed",
        )


def _request(name: str, *, petition, actor, now, reason: str, as_citizen: bool, body_of, missing) -> Petition:
    if not reason.strip():
        raise InvalidInput(missing, field="reason")

    def update(locked: Petition) -> dict:
        _within_window(locked, now)
        return {"decision_note": reason.strip()}

    return take(
        name,
        petition=petition,
        actor=actor,
        now=now,
        as_citizen=as_citizen,
        data={"reason": reason.strip()},
        update=update,
        review_unit=lambda locked: _higher_body(body_of(locked)),
    )


@transaction.atomic
def petition_request_review(*, petition: Petition, actor, now: datetime, reason: str, as_citizen=False):
    """复查 is requested from the level above the answering unit within 30 days of receiving the answer."""
    return _request(
        "request_review",
        petition=petition,
        actor=actor,
        now=now,
        reason=reason,
        as_citizen=as_citizen,
        body_of=lambda locked: locked.unit,
        missing=_("请说明申请复查的理由。"),
    )


@transaction.atomic
def petition_decide_review(*, petition: Petition, actor, now: datetime, decision: str):
    """复查意见书, in writing within 30 days."""
    if not decision.strip():
        raise InvalidInput(_("请填写复查意见。"), field="decision")
    return take(
        "decide_review", petition=petition, actor=actor, now=now, update={"review_decision": decision.strip()}
    )


@transaction.atomic
def petition_request_re_review(*, petition: Petition, actor, now: datetime, reason: str, as_citizen=False):
    """复核 is requested from the level above the review body within 30 days."""
    return _request(
        "request_re_review",
        petition=petition,
        actor=actor,
        now=now,
        reason=reason,
        as_citizen=as_citizen,
        body_of=lambda locked: locked.review_unit,
        missing=_("请说明申请复核的理由。"),
    )


@transaction.atomic
def petition_start_hearing(*, petition: Petition, actor, now: datetime):
    """A hearing stops the re-review clock (Art. 36: hearing time is not counted)."""
    return take("start_hearing", petition=petition, actor=actor, now=now, update={"hearing_started_at": now})


def _paused_days(locked: Petition, now: datetime) -> int:
    started = (locked.hearing_started_at or now).astimezone(CHINA).date()
    return (now.astimezone(CHINA).date() - started).days + 1


@transaction.atomic
def petition_end_hearing(*, petition: Petition, actor, now: datetime):
    """The clock resumes; the deadline moves by the days the hearing took, the hearing days included."""

    def update(locked: Petition) -> dict:
        old_due = (locked.due_at or now).astimezone(CHINA).date()
        deadline = add_days(old_due, _paused_days(locked, now), official_calendar())
        return {"due_at": deadline.due_at, "due_warning": bool(deadline.warnings), "hearing_started_at": None}

    return take(
        "end_hearing",
        petition=petition,
        actor=actor,
        now=now,
        data=lambda locked: {"paused_days": _paused_days(locked, now)},
        update=update,
    )


@transaction.atomic
def petition_decide_re_review(*, petition: Petition, actor, now: datetime, decision: str):
    """复核意见书: final. The same request on the same facts is not accepted again anywhere."""
    if not decision.strip():
        raise InvalidInput(_("请填写复核意见。"), field="decision")
    return take(
        "decide_re_review",
        petition=petition,
        actor=actor,
        now=now,
        update={"re_review_decision": decision.strip(), "closed_at": now},
    )
