"""What the office and the study unit do with a suggestion (the steps of ``workflow.STEPS``).

A suggestion in a group (议题) is studied and answered as one: assigning or deciding one member
assigns or decides every member at the same stage, each proposer answered on their own record.
"""

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.core.errors import InvalidInput
from minsheng.orgs.models import Unit
from minsheng.people import crypto
from minsheng.people.services import Identity, person_unmask
from minsheng.petitions.services import Intake, petition_submit
from minsheng.petitions.workflow import Kind
from minsheng.suggestions import workflow
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.permissions import roles_by_unit
from minsheng.suggestions.services.transitions import lock, take
from minsheng.suggestions.workflow import S

MAX_REWARD = Decimal("1000000")
STUDY_KINDS = (Unit.Kind.DEPARTMENT, Unit.Kind.STREET_OFFICE, Unit.Kind.GOVERNMENT)


def _fellows(suggestion: Suggestion, *, status: str, study_unit_id=None) -> list[Suggestion]:
    """The other members of the suggestion's group at the same stage (same state and study unit)."""
    if suggestion.group_id is None:
        return []
    qs = Suggestion.objects.filter(group_id=suggestion.group_id, status=status).exclude(pk=suggestion.pk)
    if study_unit_id is not None:
        qs = qs.filter(study_unit_id=study_unit_id)
    return list(qs.order_by("id"))


def _check_unit(unit: Unit | None, office: Unit) -> Unit:
    if unit is None:
        raise InvalidInput(_("请选择研究单位。"), field="unit")
    if not unit.is_active or unit.kind not in STUDY_KINDS:
        raise InvalidInput(_("只能交由职能部门、街道办事处（乡镇）或人民政府研究。"), field="unit")
    if not unit.region.path.startswith(office.region.path):
        raise InvalidInput(_("研究单位不在本征集单位的辖区内。"), field="unit")
    return unit


@transaction.atomic
def suggestion_assign(
    *, suggestion: Suggestion, actor, now: datetime, unit: Unit, note: str = ""
) -> Suggestion:
    """交研究单位: the study period (conf ``STUDY_WORKDAYS``, working days) starts now."""
    unit = _check_unit(unit, suggestion.office)
    suggestion = lock(suggestion)  # the group as stored, not as the caller last saw it
    fellows = _fellows(suggestion, status=S.RECEIVED)
    name = "assign" if suggestion.status == S.RECEIVED else "reassign"
    update = {"study_unit": unit, "assigned_at": now}
    data = {"unit": unit.pk, "unit_name": unit.name, "note": note}
    if name == "reassign":
        fellows = _fellows(suggestion, status=S.STUDYING, study_unit_id=suggestion.study_unit_id)
    result = take(name, suggestion=suggestion, actor=actor, now=now, update=update, data=data)
    for other in fellows:
        take(
            name,
            suggestion=other,
            actor=actor,
            now=now,
            update=update,
            data={**data, "group": other.group_id},
        )
    if suggestion.group_id:
        result.group.study_unit = unit
        result.group.save(update_fields=["study_unit", "updated_at"])
    return result


@transaction.atomic
def suggestion_reassign(
    *, suggestion: Suggestion, actor, now: datetime, unit: Unit, note: str = ""
) -> Suggestion:
    """改交: another unit studies it; the study period starts again."""
    workflow.check_state("reassign", suggestion)
    return suggestion_assign(suggestion=suggestion, actor=actor, now=now, unit=unit, note=note)


@transaction.atomic
def suggestion_convert(
    *, suggestion: Suggestion, actor, now: datetime, reason: str, address: str = ""
) -> Suggestion:
    """A personal demand: registered as a petition (信访) at the area's petition bureau; the proposer
    is told why and given the petition's number and query code."""
    reason = _required(reason, "reason", _("请填写告知建议人的理由。"))

    def update(locked: Suggestion) -> dict:
        clear = person_unmask(
            person=locked.proposer, actor=actor, reason=_("转为信访事项"), context=locked.number
        )
        where = (address or "").strip() or clear["address"]
        if not where:
            raise InvalidInput(_("转为信访事项需要建议人的住址，请联系建议人后填写。"), field="address")
        receipt = petition_submit(
            intake=Intake(
                channel=locked.channel,
                kind=Kind.REQUEST,
                title=locked.title,
                request=locked.proposal,
                facts=locked.reason,
                reasons=locked.reason,
                region=locked.region,
                petitioner=Identity(name=clear["name"], phone=clear["phone"], address=where),
            ),
            actor=actor,
            now=now,
            account=locked.account,
            # A retried conversion registers one petition.
            idempotency_key=f"suggestion-{locked.pk}",
        )
        return {
            "petition": receipt.petition,
            "petition_code_enc": crypto.encrypt(receipt.query_code),
            "diversion_reason": reason,
        }

    def data(locked: Suggestion) -> dict:
        return {"petition": locked.petition.number if locked.petition_id else None, "reason": reason}

    return take("convert", suggestion=suggestion, actor=actor, now=now, update=update, data=data)


@transaction.atomic
def suggestion_redirect(*, suggestion: Suggestion, actor, now: datetime, reason: str) -> Suggestion:
    """A litigation (涉诉) matter: not studied as a suggestion; the proposer is told which channel and why."""
    reason = _required(reason, "reason", _("请填写引导理由（应通过的法定途径）。"))
    return take(
        "redirect",
        suggestion=suggestion,
        actor=actor,
        now=now,
        update={"diversion_reason": reason},
        data={"reason": reason},
    )


@transaction.atomic
def suggestion_decide(
    *, suggestion: Suggestion, actor, now: datetime, step: str, explanation: str = ""
) -> Suggestion:
    """The study unit's decision (采纳 / 部分采纳 / 不予采纳); the reply clock (conf ``REPLY_WORKDAYS``)
    starts. Partial and negative decisions must be explained. A group's members are decided alike."""
    if step not in workflow.DECISIONS:
        raise InvalidInput(_("办理结果无效。"), field="step")
    explanation = (explanation or "").strip()
    suggestion = lock(suggestion)  # judged as stored: a group's decision may have moved it
    workflow.step(step, suggestion, roles_by_unit(actor, suggestion))  # state and roles before fields
    if step in workflow.EXPLAINED and not explanation:
        raise InvalidInput(_("部分采纳或不予采纳的，必须说明理由。"), field="explanation")
    decision = workflow.DECISION_OF_STEP[step]
    update = {"decision": decision, "explanation": explanation, "decided_at": now}
    fellows = _fellows(suggestion, status=S.STUDYING, study_unit_id=suggestion.study_unit_id)
    result = take(step, suggestion=suggestion, actor=actor, now=now, update=update)
    for other in fellows:
        take(step, suggestion=other, actor=actor, now=now, update=update, data={"group": other.group_id})
    if result.group_id:
        result.group.decision, result.group.explanation = decision, explanation
        result.group.save(update_fields=["decision", "explanation", "updated_at"])
    return result


@transaction.atomic
def suggestion_reply(*, suggestion: Suggestion, actor, now: datetime, reply: str = "") -> Suggestion:
    """答复建议人: the office tells the proposer the decision; the reply clock stops."""
    text = (reply or "").strip()
    return take(
        "reply",
        suggestion=suggestion,
        actor=actor,
        now=now,
        update=lambda s: {"reply": text or s.explanation},
        data={"replied": True},
    )


@transaction.atomic
def suggestion_reward(*, suggestion: Suggestion, actor, now: datetime, amount) -> Suggestion:
    """奖励 an adopted suggestion; the amount is recorded."""
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        raise InvalidInput(_("请填写奖励金额（元）。"), field="amount") from None
    if not (Decimal(0) < value <= MAX_REWARD):
        raise InvalidInput(_("奖励金额应大于0且不超过100万元。"), field="amount")
    return take(
        "reward",
        suggestion=suggestion,
        actor=actor,
        now=now,
        update={"reward_amount": value, "rewarded_at": now},
        data={"amount": str(value)},
    )


@transaction.atomic
def suggestion_publish(*, suggestion: Suggestion, actor, now: datetime) -> Suggestion:
    """公开 an adopted suggestion on its topic page (the proposer's name only if they allowed it)."""
    return take("publish", suggestion=suggestion, actor=actor, now=now)


@transaction.atomic
def suggestion_rate(
    *, suggestion: Suggestion, actor, now: datetime, rating, comment: str = "", as_citizen: bool = False
) -> Suggestion:
    """The proposer rates the handling (1–5) once a decision was made."""
    try:
        score = int(rating)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise InvalidInput(_("评价须为1至5分。"), field="rating")
    comment = (comment or "").strip()
    if len(comment) > 1000:
        raise InvalidInput(_("评价意见不能超过1000字。"), field="comment")
    return take(
        "rate",
        suggestion=suggestion,
        actor=actor,
        now=now,
        as_citizen=as_citizen,
        update={"rating": score, "rating_comment": comment},
        data={"rating": score},
    )


def _required(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(message, field=field)
    return value
