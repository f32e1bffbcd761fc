"""The 接诉即办 work-order workflow (北京市接诉即办工作条例 2021 as the model) as one table.

Read STEPS top to bottom. A step's ``unit`` says whose roles count: "centre" (the hotline centre that
took the call) or "current" (the unit the order is dispatched to, 首接负责). The district government
that receives a copy of an order sent to a street office holds no step: it reads, it does not act.

Decisions documented here (the regulation leaves them open):
- Dispatch starts the deadline by urgency (conf.DEADLINES); a reassignment after an objection starts
  it again from the reassignment, an upheld objection leaves it running (the unit lost no time it
  could not have used).
- An objection (退单) is allowed once per order; the centre's head decides it.
- An extension is the handling unit head's own decision, recorded with a reason and the explanation
  given to the requester; at most conf.MAX_EXTENSIONS, each ≤ conf.MAX_EXTENSION_DAYS days.
- The return visit (回访) is made by the centre after the unit's reply, or after the deadline when the
  unit has not replied by then (the requester is asked all the same); the centre then closes.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.roles import SYSTEM, Role
from minsheng.core.errors import DomainError


class S(models.TextChoices):
    RECEIVED = "received", _("已受理待派单")
    ANSWERED = "answered", _("已当场答复")
    REDIRECTED = "redirected", _("已转接/导入法定途径")
    DISPATCHED = "dispatched", _("已派单")
    OBJECTED = "objected", _("退单审核中")
    ACCEPTED = "accepted", _("办理中")
    REPLIED = "replied", _("已答复待回访")
    VISITED = "visited", _("已回访")
    CLOSED = "closed", _("已办结")


TERMINAL = frozenset({S.ANSWERED, S.REDIRECTED, S.CLOSED})
# States in which the handling deadline runs: the overdue scan reads only these (partial index).
RUNNING = frozenset({S.DISPATCHED, S.OBJECTED, S.ACCEPTED})


class Kind(models.TextChoices):
    CONSULT = "consult", _("咨询")
    HELP = "help", _("求助")
    COMPLAINT = "complaint", _("投诉")
    REPORT = "report", _("举报")
    SUGGESTION = "suggestion", _("建议")


class Channel(models.TextChoices):
    PHONE = "phone", _("电话")
    ONLINE = "online", _("网络")


class Urgency(models.TextChoices):
    URGENT = "urgent", _("紧急（涉及生命财产安全）")
    UTILITY = "utility", _("较急（水电气热等）")
    ORDINARY = "ordinary", _("一般")
    COMPLEX = "complex", _("复杂")


class RedirectChannel(models.TextChoices):
    """Emergencies go to their numbers; legal-channel matters to their procedure (no dispatch)."""

    POLICE = "110", _("110 报警")
    FIRE = "119", _("119 火警")
    AMBULANCE = "120", _("120 急救")
    TRAFFIC = "122", _("122 交通事故")
    LITIGATION = "litigation", _("诉讼")
    ARBITRATION = "arbitration", _("仲裁（含劳动人事争议仲裁）")
    ADMIN_REVIEW = "admin_review", _("行政复议")
    PETITION = "petition", _("信访渠道")
    OTHER_LEGAL = "other_legal", _("其他法定途径")


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASICALLY = "basically", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")


@dataclass(frozen=True)
class Step:
    name: str
    source: frozenset[S]
    target: S
    roles: frozenset[str]
    label: str
    unit: str = "centre"  # whose roles count: "centre" or "current"
    starts_deadline: bool = False  # sets due_at from the urgency


def _s(*states: S) -> frozenset[S]:
    return frozenset(states)


def _r(*roles: str) -> frozenset[str]:
    return frozenset(roles)


STEPS = (
    Step("answer", _s(S.RECEIVED), S.ANSWERED, _r(Role.OPERATOR), _("当场答复（知识库）")),
    Step("redirect", _s(S.RECEIVED), S.REDIRECTED, _r(Role.OPERATOR), _("转接紧急电话/导入法定途径")),
    Step("dispatch", _s(S.RECEIVED), S.DISPATCHED, _r(Role.OPERATOR), _("派单"), starts_deadline=True),
    Step("accept", _s(S.DISPATCHED), S.ACCEPTED, _r(Role.HANDLER, Role.HEAD), _("签收"), unit="current"),
    Step("object", _s(S.DISPATCHED), S.OBJECTED, _r(Role.HANDLER, Role.HEAD), _("申请退单"), unit="current"),
    Step("uphold", _s(S.OBJECTED), S.DISPATCHED, _r(Role.HEAD), _("驳回退单（原单位继续办理）")),
    Step("reassign", _s(S.OBJECTED), S.DISPATCHED, _r(Role.HEAD), _("同意退单并改派"), starts_deadline=True),
    Step("extend", _s(S.ACCEPTED), S.ACCEPTED, _r(Role.HEAD), _("延期"), unit="current"),
    Step("reply", _s(S.ACCEPTED), S.REPLIED, _r(Role.HANDLER, Role.HEAD), _("办结答复"), unit="current"),
    # After the reply, or after the deadline of an order still not replied to (the service checks).
    Step("visit", _s(S.REPLIED, S.DISPATCHED, S.ACCEPTED), S.VISITED, _r(Role.OPERATOR, Role.HEAD),
         _("回访")),
    Step("close", _s(S.VISITED), S.CLOSED, _r(Role.OPERATOR, Role.HEAD), _("结单")),
)  # fmt: skip

BY_NAME = {s.name: s for s in STEPS}


def check_state(name: str, state: str) -> Step:
    found = BY_NAME[name]
    if state not in found.source:
        raise DomainError(
            gettext("工单当前状态为“%(state)s”，不能执行“%(step)s”。")
            % {"state": S(state).label, "step": found.label},
            code="wrong_state",
        )
    return found


def step(name: str, state: str, roles_by_unit: dict[str, frozenset[str]]) -> Step:
    """The step if it may be taken now by someone with ``roles_by_unit``; else DomainError."""
    found = check_state(name, state)
    if not (found.roles & roles_by_unit.get(found.unit, frozenset())):
        raise DomainError(gettext("您没有执行“%(step)s”的权限。") % {"step": found.label}, code="forbidden")
    return found


def visit_too_early(order, now) -> bool:
    """The return visit waits for the reply, or else for the deadline of an order not replied to."""
    return order.status != S.REPLIED and (order.due_at is None or order.due_at >= now)


def allowed(state: str, roles_by_unit: dict[str, frozenset[str]]) -> list[Step]:
    return [
        s
        for s in STEPS
        if state in s.source and s.roles & roles_by_unit.get(s.unit, frozenset()) and SYSTEM not in s.roles
    ]
