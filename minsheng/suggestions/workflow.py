"""The people's suggestion workflow (人民建议征集, Shanghai 2021 rules as the model) as one table.

Read STEPS top to bottom: what can happen to a suggestion, from which states, who may do it, and which
clock it starts. The office (征集办公室: clerks of a social work department) receives, routes, answers
and rewards; the study unit (a department or street office) studies and decides. Services look steps
up by name; pages show the steps allowed now from the same table; tests iterate over it.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.roles import CITIZEN, Role
from minsheng.core.errors import DomainError
from minsheng.core.periods import Period
from minsheng.suggestions import conf


class S(models.TextChoices):
    """States, in the order a suggestion meets them."""

    RECEIVED = "received", _("已收到")
    STUDYING = "studying", _("研究办理中")
    ADOPTED = "adopted", _("已采纳")
    PARTLY_ADOPTED = "partly_adopted", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("未采纳")
    REWARDED = "rewarded", _("已采纳并奖励")
    CONVERTED = "converted", _("已转为信访事项")
    REDIRECTED = "redirected", _("已引导至法定途径")


class Clock(models.TextChoices):
    STUDY = "study", _("研究办理期限")
    REPLY = "reply", _("答复建议人期限")


DECIDED = frozenset({S.ADOPTED, S.PARTLY_ADOPTED, S.NOT_ADOPTED, S.REWARDED})
ADOPTED_STATES = frozenset({S.ADOPTED, S.PARTLY_ADOPTED, S.REWARDED})
# Suggestions that left the suggestion system: a personal demand (信访) or a litigation matter.
DIVERTED = frozenset({S.CONVERTED, S.REDIRECTED})
OPEN = frozenset({S.RECEIVED, S.STUDYING})
# The same states in the order the open work list shows them (received, to be routed, first).
OPEN_ORDERED = (S.RECEIVED, S.STUDYING)


def period_of(clock: str) -> Period:
    """The configurable length of each clock (``conf.py``)."""
    return conf.study_period() if clock == Clock.STUDY else conf.reply_period()


@dataclass(frozen=True)
class Step:
    name: str  # the service verb that performs it
    source: frozenset[S]
    target: S | None  # None: the state stays (the step records something beside it)
    roles: frozenset[str]
    label: str
    unit: str = "office"  # whose roles count: the suggestion's "office" or its "study" unit
    clock: Clock | None = None  # the deadline the step starts (length from conf.py)
    stops_clock: bool = False  # the step ends the running deadline
    done_field: str = ""  # a step done once: the field set when it was


def _s(*states: S) -> frozenset[S]:
    return frozenset(states)


def _r(*roles: str) -> frozenset[str]:
    return frozenset(roles)


STUDY = _r(Role.HANDLER, Role.HEAD)

STEPS = (
    Step("assign", _s(S.RECEIVED), S.STUDYING, _r(Role.CLERK), _("交研究单位办理"), clock=Clock.STUDY),
    Step("reassign", _s(S.STUDYING), S.STUDYING, _r(Role.CLERK), _("改交其他单位"), clock=Clock.STUDY),
    Step("convert", _s(S.RECEIVED), S.CONVERTED, _r(Role.CLERK), _("转为信访事项（个人诉求）"),
         stops_clock=True),
    Step("redirect", _s(S.RECEIVED), S.REDIRECTED, _r(Role.CLERK), _("引导至法定途径（涉诉事项）"),
         stops_clock=True),
    Step("adopt", _s(S.STUDYING), S.ADOPTED, STUDY, _("采纳"), unit="study", clock=Clock.REPLY),
    Step("adopt_partly", _s(S.STUDYING), S.PARTLY_ADOPTED, STUDY, _("部分采纳"), unit="study",
         clock=Clock.REPLY),
    Step("not_adopt", _s(S.STUDYING), S.NOT_ADOPTED, STUDY, _("不予采纳"), unit="study", clock=Clock.REPLY),
    Step("reply", DECIDED, None, _r(Role.CLERK), _("答复建议人"), stops_clock=True,
         done_field="replied_at"),
    Step("reward", _s(S.ADOPTED, S.PARTLY_ADOPTED), S.REWARDED, _r(Role.CLERK), _("给予奖励")),
    Step("publish", ADOPTED_STATES, None, _r(Role.CLERK), _("公开采纳的建议"), done_field="published_at"),
    Step("rate", DECIDED, None, _r(CITIZEN), _("评价"), done_field="rated_at"),
)  # fmt: skip

BY_NAME = {step.name: step for step in STEPS}
DECISIONS = ("adopt", "adopt_partly", "not_adopt")
# Decisions whose explanation the proposer must get: why not, or which part and why.
EXPLAINED = frozenset({"adopt_partly", "not_adopt"})


def check_state(name: str, suggestion) -> Step:
    """The step ``name`` if it may be taken now at all; else DomainError(code="wrong_state")."""
    found = BY_NAME[name]
    state = suggestion.status
    if state not in found.source:
        raise DomainError(
            gettext("建议当前状态为“%(state)s”，不能执行“%(step)s”。")
            % {"state": S(state).label, "step": found.label},
            code="wrong_state",
        )
    if found.done_field and getattr(suggestion, found.done_field):
        raise DomainError(gettext("“%(step)s”已经完成。") % {"step": found.label}, code="done")
    return found


def step(name: str, suggestion, roles_by_unit: dict[str, frozenset[str]]) -> Step:
    """The step if it may be taken now by someone with ``roles_by_unit``; else DomainError."""
    found = check_state(name, suggestion)
    if not (found.roles & roles_by_unit.get(found.unit, frozenset())):
        raise DomainError(gettext("您没有执行“%(step)s”的权限。") % {"step": found.label}, code="forbidden")
    return found


def allowed(suggestion, roles_by_unit: dict[str, frozenset[str]]) -> list[Step]:
    """The steps someone may take now (steps done once and already done are left out)."""
    return [
        s
        for s in STEPS
        if suggestion.status in s.source
        and not (s.done_field and getattr(suggestion, s.done_field))
        and s.roles & roles_by_unit.get(s.unit, frozenset())
    ]


class Decision(models.TextChoices):
    ADOPTED = "adopted", _("采纳")
    PARTLY_ADOPTED = "partly_adopted", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("不予采纳")


DECISION_OF_STEP = {
    "adopt": Decision.ADOPTED,
    "adopt_partly": Decision.PARTLY_ADOPTED,
    "not_adopt": Decision.NOT_ADOPTED,
}


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    PUBLISHED = "published", _("已发布")
    REJECTED = "rejected", _("未通过")
