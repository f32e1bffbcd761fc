"""The petition workflow of the 信访工作条例 (2022) as one table.

Read STEPS top to bottom: what can happen to a case, from which states, who may do it, and which
clock it starts. Services look steps up by name; pages show the steps allowed in the current state
from the same table; tests iterate over it for the role matrix.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.roles import CITIZEN, SYSTEM, Role
from minsheng.core.errors import DomainError
from minsheng.core.periods import Period, days, workdays


class S(models.TextChoices):
    """States, in the order a case meets them."""

    REGISTERED = "registered", _("已登记")
    ASSIGNED = "assigned", _("已转送/交办")
    REDIRECTED = "redirected", _("已导入法定途径")
    NOT_ACCEPTED = "not_accepted", _("不予受理")
    ACCEPTED = "accepted", _("已受理·办理中")
    EXTENDED = "extended", _("延期办理中")
    ANSWERED = "answered", _("已出具处理意见")
    RATED = "rated", _("已评价")
    REVIEWING = "reviewing", _("复查中")
    REVIEWED = "reviewed", _("已复查")
    RE_REVIEWING = "re_reviewing", _("复核中")
    HEARING = "hearing", _("复核听证中")
    FINAL = "final", _("复核终结")
    CLOSED = "closed", _("已办结")


class Clock(models.TextChoices):
    """What a case's ``due_at`` means: a duty of staff, or a window of the petitioner."""

    ROUTE = "route", _("转送/交办期限")
    NOTIFY = "notify", _("书面告知受理期限")
    HANDLE = "handle", _("办理期限")
    REVIEW_WINDOW = "review_window", _("申请复查期限")
    REVIEW = "review", _("复查期限")
    RE_REVIEW_WINDOW = "re_review_window", _("申请复核期限")
    RE_REVIEW = "re_review", _("复核期限")


# A petitioner's window that runs out closes the case; a staff duty that runs out is overdue.
WINDOWS = frozenset({Clock.REVIEW_WINDOW, Clock.RE_REVIEW_WINDOW})

# States in which a matter counts as "being handled" (Art. 19: not accepted again elsewhere).
IN_HANDLING = frozenset(
    {S.REGISTERED, S.ASSIGNED, S.ACCEPTED, S.EXTENDED, S.REVIEWING, S.RE_REVIEWING, S.HEARING}
)
# States after which the same request on the same facts is not accepted again.
CONCLUDED = frozenset({S.FINAL})
TERMINAL = frozenset({S.REDIRECTED, S.NOT_ACCEPTED, S.FINAL, S.CLOSED})
# States whose clock is stopped (Art. 36: hearing time is not counted): never overdue while in them.
PAUSED = frozenset({S.HEARING})

# The objection period of Art. 23, checked against the assignment time (not a due_at of its own).
OBJECTION_PERIOD = workdays(5)
# Art. 34: extension of at most 30 days.
MAX_EXTENSION_DAYS = 30


@dataclass(frozen=True)
class Step:
    name: str  # the service verb that performs it
    source: frozenset[S]
    target: S
    roles: frozenset[str]
    label: str
    starts: Period | None = None  # the deadline this step starts…
    clock: Clock | None = None  # …and what it is
    basis: str = ""  # the article of the law
    # Whose roles count: the case's "current" unit (the responsible unit; the intake bureau while the case
    # is not routed yet), its "intake" unit or its "review" unit (see permissions.roles_by_unit).
    unit: str = "current"
    keeps_clock: bool = False  # the step leaves due_at as it is (or adjusts it itself)


def _s(*states: S) -> frozenset[S]:
    return frozenset(states)


def _r(*roles: str) -> frozenset[str]:
    return frozenset(roles)


STEPS = (
    Step("forward", _s(S.REGISTERED), S.ASSIGNED, _r(Role.CLERK), _("转送"),
         days(15), Clock.NOTIFY, _("条例第22、23条"), unit="intake"),
    Step("assign", _s(S.REGISTERED), S.ASSIGNED, _r(Role.CLERK), _("交办"),
         days(15), Clock.NOTIFY, _("条例第22、23条"), unit="intake"),
    Step("redirect", _s(S.REGISTERED, S.ASSIGNED), S.REDIRECTED, _r(Role.CLERK, Role.HANDLER),
         _("导入法定途径（诉访分离）"), basis=_("条例第31条")),
    Step("decline", _s(S.REGISTERED), S.NOT_ACCEPTED, _r(Role.CLERK), _("不予受理"),
         basis=_("条例第19、36条"), unit="intake"),
    Step("link_repeat", _s(S.REGISTERED), S.NOT_ACCEPTED, _r(Role.CLERK), _("认定重复信访"),
         basis=_("条例第19、36条"), unit="intake"),
    Step("object", _s(S.ASSIGNED), S.REGISTERED, _r(Role.HANDLER, Role.HEAD), _("提出异议（非本单位职权）"),
         days(15), Clock.ROUTE, _("条例第23条")),
    Step("accept", _s(S.ASSIGNED), S.ACCEPTED, _r(Role.HANDLER, Role.HEAD), _("受理"),
         days(60), Clock.HANDLE, _("条例第23、34条")),
    Step("extend", _s(S.ACCEPTED), S.EXTENDED, _r(Role.HEAD), _("延期（≤30日）"),
         clock=Clock.HANDLE, basis=_("条例第34条"), keeps_clock=True),
    Step("answer", _s(S.ACCEPTED, S.EXTENDED), S.ANSWERED, _r(Role.HANDLER, Role.HEAD), _("出具处理意见书"),
         days(30), Clock.REVIEW_WINDOW, _("条例第32、35条")),
    Step("settle", _s(S.ACCEPTED, S.EXTENDED), S.ANSWERED, _r(Role.HANDLER, Role.HEAD), _("调解/和解"),
         days(30), Clock.REVIEW_WINDOW, _("条例第33条")),
    Step("rate", _s(S.ANSWERED), S.RATED, _r(CITIZEN, Role.CLERK), _("评价"),
         basis=_("条例第21条"), unit="intake", keeps_clock=True),
    Step("request_review", _s(S.ANSWERED, S.RATED), S.REVIEWING, _r(CITIZEN, Role.CLERK), _("申请复查"),
         days(30), Clock.REVIEW, _("条例第35条"), unit="review"),
    Step("decide_review", _s(S.REVIEWING), S.REVIEWED, _r(Role.CLERK, Role.HANDLER, Role.HEAD),
         _("出具复查意见书"), days(30), Clock.RE_REVIEW_WINDOW, _("条例第35、36条"), unit="review"),
    Step("request_re_review", _s(S.REVIEWED), S.RE_REVIEWING, _r(CITIZEN, Role.CLERK), _("申请复核"),
         days(30), Clock.RE_REVIEW, _("条例第36条"), unit="review"),
    Step("start_hearing", _s(S.RE_REVIEWING), S.HEARING, _r(Role.CLERK, Role.HEAD), _("举行听证（停止计时）"),
         basis=_("条例第36条"), unit="review", keeps_clock=True),
    Step("end_hearing", _s(S.HEARING), S.RE_REVIEWING, _r(Role.CLERK, Role.HEAD), _("听证结束（恢复计时）"),
         basis=_("条例第36条"), unit="review", keeps_clock=True),
    Step("decide_re_review", _s(S.RE_REVIEWING), S.FINAL, _r(Role.CLERK, Role.HEAD), _("出具复核意见书"),
         basis=_("条例第36条"), unit="review"),
    Step("close", _s(S.ANSWERED, S.RATED, S.REVIEWED), S.CLOSED, _r(SYSTEM), _("期满办结"),
         basis=_("条例第35、36条")),
)  # fmt: skip

BY_NAME = {step.name: step for step in STEPS}


def check_state(name: str, state: str) -> Step:
    """The step ``name`` if it may be taken from ``state`` at all; else DomainError(code="wrong_state")."""
    found = BY_NAME[name]
    if state not in found.source:
        raise DomainError(
            gettext("案件当前状态为“%(state)s”，不能执行“%(step)s”。")
            % {"state": S(state).label, "step": found.label},
            code="wrong_state",
        )
    return found


def step(name: str, state: str, roles: frozenset[str]) -> Step:
    """The step ``name`` if it may be taken from ``state`` by someone holding ``roles``; else DomainError."""
    found = check_state(name, state)
    if not (found.roles & roles):
        raise DomainError(gettext("您没有执行“%(step)s”的权限。") % {"step": found.label}, code="forbidden")
    return found


def step_by_unit(name: str, state: str, roles_by_unit: dict[str, frozenset[str]]) -> Step:
    """``step``, judged by the roles held in the unit the step belongs to ("current"/"intake"/"review")."""
    return step(name, state, roles_by_unit.get(BY_NAME[name].unit, frozenset()))


def allowed(state: str, roles_by_unit: dict[str, frozenset[str]]) -> list[Step]:
    """The steps someone may take now; ``roles_by_unit`` maps "current"/"intake"/"review" to roles."""
    return [
        s
        for s in STEPS
        if state in s.source and s.roles & roles_by_unit.get(s.unit, frozenset()) and SYSTEM not in s.roles
    ]


class Channel(models.TextChoices):
    """Art. 17."""

    ONLINE = "online", _("网上信访")
    LETTER = "letter", _("来信")
    PHONE = "phone", _("来电")
    FAX = "fax", _("传真")
    VISIT = "visit", _("来访")


class Kind(models.TextChoices):
    REQUEST = "request", _("申诉求决")
    SUGGESTION = "suggestion", _("意见建议")
    REPORT = "report", _("检举控告")


class LegalChannel(models.TextChoices):
    """Art. 31 (1)–(4): matters that leave the petition system for their legal channel."""

    LITIGATION = "litigation", _("诉讼、检察、公安程序")
    ARBITRATION = "arbitration", _("仲裁")
    PARTY_APPEAL = "party_appeal", _("党员申诉")
    ADMINISTRATIVE = "administrative", _("行政复议、裁决、确认、许可、处罚等")


class Outcome(models.TextChoices):
    """Art. 32, and the agreements of Art. 33."""

    SUPPORT = "support", _("支持")
    EXPLAIN = "explain", _("解释说明")
    NOT_SUPPORT = "not_support", _("不予支持")
    MEDIATED = "mediated", _("调解（调解协议书）")
    SETTLED = "settled", _("和解（和解协议书）")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASICALLY = "basically", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")
