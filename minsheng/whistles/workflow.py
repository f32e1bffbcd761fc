"""吹哨报到 as a table: what a called department does, and what the whistling street office does.

A department responds (响应), arrives (到场) and reports the result (反馈); the street office closes
the whistle once every department has reported, then rates each department. A department that
arrives without responding first has responded by arriving.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from minsheng.accounts.roles import Role
from minsheng.whistles.models import Call

C = Call.Status
DEPARTMENT = frozenset({Role.HANDLER, Role.HEAD})
STREET = frozenset({Role.HANDLER, Role.HEAD})
STREET_HEAD = frozenset({Role.HEAD})


@dataclass(frozen=True)
class CallStep:
    name: str
    label: str
    source: frozenset
    target: str
    roles: frozenset  # in the called department


CALL_STEPS = (
    CallStep("acknowledge", _("响应"), frozenset({C.CALLED}), C.ACKNOWLEDGED, DEPARTMENT),
    CallStep("arrive", _("到场报到"), frozenset({C.CALLED, C.ACKNOWLEDGED}), C.ARRIVED, DEPARTMENT),
    CallStep("report", _("反馈结果"), frozenset({C.ARRIVED}), C.REPORTED, DEPARTMENT),
)
# Done by the whistling street office: close when every call is reported; rate each department.
CLOSE_ROLES = STREET
RATE_ROLES = STREET_HEAD
RATINGS = (1, 2, 3, 4, 5)


def call_step(name: str) -> CallStep:
    return next(s for s in CALL_STEPS if s.name == name)


def call_steps_open(call: Call, roles: frozenset[str]) -> list[CallStep]:
    """The steps ``roles`` (held in the called department) may take on ``call`` now."""
    return [s for s in CALL_STEPS if call.status in s.source and roles & s.roles]
