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
from minsheng.petitions.workflow import Rating


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
    above = bureau_above(unit.region) if unit is not None else None
    if above is None:
        raise DomainError(_("没有上一级机关可以受理复查/复核申请。"), code="no_higher_body")
    return above


@transaction.atomic
def petition_request_review(*, petition: Petition, actor, now: datetime, reason: str, as_citizen=False):
    """复查 is requested from the level above within 30 days of receiving the answer."""
    if not reason.strip():
        raise InvalidInput(_("请说明申请复查的理由。"), field="reason")
    return take(
        "request_review",
        petition=petition,
        actor=actor,
        now=now,
        as_citizen=as_citizen,
        data={"reason": reason.strip()},
        update={"review_unit": _higher_body(petition.unit), "decision_note": reason.strip()},
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
    if not reason.strip():
        raise InvalidInput(_("请说明申请复核的理由。"), field="reason")
    return take(
        "request_re_review",
        petition=petition,
        actor=actor,
        now=now,
        as_citizen=as_citizen,
        data={"reason": reason.strip()},
        update={"review_unit": _higher_body(petition.review_unit), "decision_note": reason.strip()},
    )


@transaction.atomic
def petition_start_hearing(*, petition: Petition, actor, now: datetime):
    """A hearing stops the re-review clock (Art. 36: hearing time is not counted)."""
    return take("start_hearing", petition=petition, actor=actor, now=now, update={"hearing_started_at": now})


@transaction.atomic
def petition_end_hearing(*, petition: Petition, actor, now: datetime):
    """The clock resumes; the deadline moves by the days the hearing took, the hearing days included."""
    started = (petition.hearing_started_at or now).astimezone(CHINA).date()
    paused = (now.astimezone(CHINA).date() - started).days + 1
    old_due = petition.due_at.astimezone(CHINA).date()
    deadline = add_days(old_due, paused, official_calendar())
    return take(
        "end_hearing",
        petition=petition,
        actor=actor,
        now=now,
        data={"paused_days": paused},
        update={
            "due_at": deadline.due_at,
            "due_warning": bool(deadline.warnings),
            "hearing_started_at": None,
        },
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
