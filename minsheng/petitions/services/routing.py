"""What the petition bureau does with a registered case (Arts. 19, 22, 23, 31)."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.core.calendar_store import official_calendar
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.orgs.models import Unit
from minsheng.petitions.models import Category, Petition
from minsheng.petitions.services import proposals
from minsheng.petitions.services.transitions import take
from minsheng.petitions.workflow import CONCLUDED, IN_HANDLING, OBJECTION_PERIOD, LegalChannel
from minsheng.textmine.sources import CATEGORY, UNIT


def _route(
    name: str, *, petition: Petition, actor, now: datetime, unit: Unit, note: str, category: Category | None
) -> Petition:
    if not unit.is_active:
        raise InvalidInput(_("该单位已停用。"), field="unit")
    update = {"unit": unit, "assigned_at": now, "assignment_kind": name}
    if category is not None:
        update["category"] = category
    # A report may not be handled by the body it accuses (Arts. 28, 46): ``take`` refuses that.
    petition = take(
        name,
        petition=petition,
        actor=actor,
        now=now,
        data={"unit": unit.pk, "unit_name": unit.name, "note": note},
        update=update,
    )
    proposals.record_choice(petition=petition, target=UNIT, chosen=unit, now=now)
    proposals.record_choice(petition=petition, target=CATEGORY, chosen=category, now=now)
    return petition


@transaction.atomic
def petition_forward(
    *, petition: Petition, actor, now: datetime, unit: Unit, note: str = "", category: Category | None = None
) -> Petition:
    """转送: send the matter to the body with authority, which must tell the petitioner within 15 days.
    The clerk confirms (or corrects) the category on the way."""
    return _route("forward", petition=petition, actor=actor, now=now, unit=unit, note=note, category=category)


@transaction.atomic
def petition_assign(
    *, petition: Petition, actor, now: datetime, unit: Unit, note: str = "", category: Category | None = None
) -> Petition:
    """交办: like a forward, and the unit must report the result back to the bureau."""
    return _route("assign", petition=petition, actor=actor, now=now, unit=unit, note=note, category=category)


@transaction.atomic
def petition_redirect(*, petition: Petition, actor, now: datetime, legal_channel: str, note: str) -> Petition:
    """诉访分离 (Art. 31 (1)–(4)): the matter belongs to a legal channel; the petitioner is told which."""
    if legal_channel not in LegalChannel.values:
        raise InvalidInput(_("请选择法定途径。"), field="legal_channel")
    if not note.strip():
        raise InvalidInput(_("请说明应通过的法定途径及理由。"), field="note")
    return take(
        "redirect",
        petition=petition,
        actor=actor,
        now=now,
        data={"legal_channel": legal_channel},
        update={"legal_channel": legal_channel, "decision_note": note.strip(), "closed_at": now},
    )


@transaction.atomic
def petition_decline(*, petition: Petition, actor, now: datetime, reason: str) -> Petition:
    """不予受理, with the reason told to the petitioner in writing."""
    if not reason.strip():
        raise InvalidInput(_("请填写不予受理的理由。"), field="reason")
    return take(
        "decline",
        petition=petition,
        actor=actor,
        now=now,
        update={"decision_note": reason.strip(), "closed_at": now},
    )


@transaction.atomic
def petition_link_repeat(*, petition: Petition, actor, now: datetime, original: Petition) -> Petition:
    """A repeat of a matter still being handled (Art. 19) or already final (Art. 36) is not accepted again."""
    if original.pk == petition.pk:
        raise InvalidInput(_("不能把信访件认定为其自身的重复件。"), field="original")

    def update(_locked: Petition) -> dict:
        # Read the original afresh: its state decides which article applies.
        current = Petition.objects.get(pk=original.pk)
        if current.status in IN_HANDLING:
            reason = _("同一信访事项（%(number)s）正在办理中，不再重复受理（条例第19条）。")
        elif current.status in CONCLUDED:
            reason = _("同一信访事项（%(number)s）已经复核终结，不再受理（条例第36条）。")
        else:
            raise DomainError(
                _("原件%(number)s不在办理中也未复核终结，本件应作为新的信访事项办理。")
                % {"number": current.number},
                code="not_a_repeat",
            )
        return {"repeat_of": current, "decision_note": reason % {"number": current.number}, "closed_at": now}

    return take(
        "link_repeat",
        petition=petition,
        actor=actor,
        now=now,
        data={"original": original.number},
        update=update,
    )


@transaction.atomic
def petition_object(*, petition: Petition, actor, now: datetime, reason: str) -> Petition:
    """A unit that received a matter outside its authority objects within 5 working days (Art. 23)."""
    if not reason.strip():
        raise InvalidInput(_("请说明异议理由。"), field="reason")

    def update(locked: Petition) -> dict:
        limit = OBJECTION_PERIOD.due(locked.assigned_at or now, official_calendar())
        if now > limit.due_at:
            raise DomainError(
                _("异议须在收到之日起5个工作日内提出（截止%(due)s）。") % {"due": limit.due.isoformat()},
                code="objection_late",
            )
        return {"unit": None, "assigned_at": None, "assignment_kind": "", "decision_note": reason.strip()}

    return take(
        "object",
        petition=petition,
        actor=actor,
        now=now,
        data=lambda locked: {"reason": reason.strip(), "from_unit": locked.unit_id},
        update=update,
    )
