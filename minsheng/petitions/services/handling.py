"""What the responsible unit does: accept, extend, answer, settle (Arts. 23, 32–34)."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.core.calendar_store import official_calendar
from minsheng.core.errors import InvalidInput
from minsheng.core.periods import days
from minsheng.petitions.models import Petition
from minsheng.petitions.services.transitions import take
from minsheng.petitions.workflow import MAX_EXTENSION_DAYS, Outcome


@transaction.atomic
def petition_accept(*, petition: Petition, actor, now: datetime) -> Petition:
    """受理: the 60-day handling period starts (Art. 34)."""
    return take("accept", petition=petition, actor=actor, now=now, update={"accepted_at": now})


@transaction.atomic
def petition_extend(*, petition: Petition, actor, now: datetime, extra_days: int, reason: str) -> Petition:
    """Extension approved by the unit head, at most 30 days, the reason told to the petitioner (Art. 34)."""
    whole = isinstance(extra_days, int) and not isinstance(extra_days, bool)
    if not whole or not 1 <= extra_days <= MAX_EXTENSION_DAYS:
        raise InvalidInput(_("延期天数应为1至30日。"), field="days")
    if not reason.strip():
        raise InvalidInput(_("请填写延期理由（将告知信访人）。"), field="reason")

    def update(locked: Petition) -> dict:
        # The extension runs on from the end of the original 60 days, with the same roll-forward rule.
        deadline = days(extra_days).due(locked.due_at or now, official_calendar())
        return {
            "extension_days": extra_days,
            "extension_reason": reason.strip(),
            "due_at": deadline.due_at,
            "due_warning": bool(deadline.warnings),
        }

    return take(
        "extend",
        petition=petition,
        actor=actor,
        now=now,
        data={"days": extra_days, "reason": reason.strip()},
        update=update,
    )


def _require(**texts: str) -> dict[str, str]:
    labels = {"facts": _("查明事实"), "reasons": _("理由"), "decision": _("处理意见"), "basis": _("法律依据"),
              "agreement": _("协议内容")}  # fmt: skip
    errors = {
        k: _("请填写%(label)s。") % {"label": labels[k]} for k, v in texts.items() if not (v or "").strip()
    }
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    return {k: v.strip() for k, v in texts.items()}


@transaction.atomic
def petition_answer(
    *,
    petition: Petition,
    actor,
    now: datetime,
    outcome: str,
    facts: str,
    reasons: str,
    decision: str,
    basis: str,
) -> Petition:
    """信访处理意见书 (Art. 32): request, facts, reasons, decision and legal basis; 支持/解释说明/不予支持."""
    if outcome not in (Outcome.SUPPORT, Outcome.EXPLAIN, Outcome.NOT_SUPPORT):
        raise InvalidInput(_("处理结果应为支持、解释说明或不予支持。"), field="outcome")
    text = _require(facts=facts, reasons=reasons, decision=decision, basis=basis)
    return take(
        "answer",
        petition=petition,
        actor=actor,
        now=now,
        data={"outcome": outcome},
        update={
            "outcome": outcome,
            "answer_facts": text["facts"],
            "answer_reasons": text["reasons"],
            "answer_decision": text["decision"],
            "answer_basis": text["basis"],
            "answered_at": now,
        },
    )


@transaction.atomic
def petition_settle(*, petition: Petition, actor, now: datetime, outcome: str, agreement: str) -> Petition:
    """调解协议书 / 和解协议书 (Art. 33) conclude the handling like an answer."""
    if outcome not in (Outcome.MEDIATED, Outcome.SETTLED):
        raise InvalidInput(_("请选择调解或和解。"), field="outcome")
    text = _require(agreement=agreement)
    return take(
        "settle",
        petition=petition,
        actor=actor,
        now=now,
        data={"outcome": outcome},
        update={"outcome": outcome, "answer_decision": text["agreement"], "answered_at": now},
    )
