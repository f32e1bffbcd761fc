"""The life of an association or chamber in the register, as one table.

Read STEPS top to bottom: what can happen to a registered body, from which states, and who may do it.
Only the registrar of the area (登记管理员 of its social work department) changes the register; the
leaders of that department read it. The 脱钩改革 of 2015 (《行业协会商会与行政机关脱钩总体方案》)
separates an association from its former administrative sponsor in five matters, recorded one by one
(DECOUPLING_STEPS); the reform is complete only when all five are done.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.roles import Role
from minsheng.core.errors import DomainError


class S(models.TextChoices):
    """States, in the order a body meets them."""

    PREPARING = "preparing", _("筹备中")
    ACTIVE = "active", _("正常")
    DECOUPLING = "decoupling", _("脱钩改革中")
    DECOUPLED = "decoupled", _("已脱钩")
    TRANSFORMING = "transforming", _("转型中")
    DISSOLVED = "dissolved", _("已注销登记")


# Bodies that exist in law (成立登记 done, not dissolved): they file annual reports and count as operating.
OPERATING = frozenset({S.ACTIVE, S.DECOUPLING, S.DECOUPLED, S.TRANSFORMING})
# What the public register lists (the public may learn of a registration and of its end).
PUBLIC = OPERATING | {S.DISSOLVED}


class Decoupling(models.TextChoices):
    """The five separations of the 脱钩总体方案 (2015)."""

    INSTITUTION = "institution", _("机构分离")
    FUNCTIONS = "functions", _("职能分离")
    FINANCE = "finance", _("资产财务分离")
    PERSONNEL = "personnel", _("人员管理分离")
    PARTY_AFFAIRS = "party_affairs", _("党建外事等事项分离")


DECOUPLING_STEPS = tuple(Decoupling)

REGISTRAR = frozenset({Role.REGISTRAR})


@dataclass(frozen=True)
class Step:
    name: str  # the service verb that performs it
    source: frozenset[S]
    target: S
    roles: frozenset[str]
    label: str
    basis: str = ""
    needs_reason: bool = False


def _s(*states: S) -> frozenset[S]:
    return frozenset(states)


STEPS = (
    Step("approve", _s(S.PREPARING), S.ACTIVE, REGISTRAR, _("准予成立登记"),
         _("社会团体登记管理条例第10、12条")),
    Step("start_decoupling", _s(S.ACTIVE), S.DECOUPLING, REGISTRAR, _("启动脱钩改革"),
         _("行业协会商会与行政机关脱钩总体方案")),
    Step("finish_decoupling", _s(S.DECOUPLING), S.DECOUPLED, REGISTRAR, _("完成脱钩"),
         _("行业协会商会与行政机关脱钩总体方案")),
    Step("start_transformation", _s(S.ACTIVE, S.DECOUPLED), S.TRANSFORMING, REGISTRAR, _("启动转型"),
         needs_reason=True),
    Step("stop_transformation", _s(S.TRANSFORMING), S.ACTIVE, REGISTRAR, _("终止转型、恢复正常"),
         needs_reason=True),
    Step("dissolve", _s(S.PREPARING, S.ACTIVE, S.DECOUPLED, S.TRANSFORMING), S.DISSOLVED, REGISTRAR,
         _("注销登记"), _("社会团体登记管理条例第19、20条"), needs_reason=True),
)  # fmt: skip

BY_NAME = {step.name: step for step in STEPS}


def step(name: str, state: str, roles: frozenset[str]) -> Step:
    """The step ``name`` if it may be taken from ``state`` by someone holding ``roles``; else DomainError."""
    found = BY_NAME.get(name)
    if found is None:
        raise DomainError(gettext("没有这一操作。"), code="unknown_step")
    if state not in found.source:
        raise DomainError(
            gettext("当前状态为“%(state)s”，不能执行“%(step)s”。")
            % {"state": S(state).label, "step": found.label},
            code="wrong_state",
        )
    if not (found.roles & roles):
        raise DomainError(gettext("您没有执行“%(step)s”的权限。") % {"step": found.label}, code="forbidden")
    return found


def allowed(state: str, roles: frozenset[str]) -> list[Step]:
    return [s for s in STEPS if state in s.source and s.roles & roles]
