"""What the documents read from a case beyond its own fields: who the petitioner is (masked or not),
the dates of steps, and the deadlines as the law computes them.

Deadlines are recomputed from the step's own time rather than read from ``due_at``: ``due_at`` holds
only the clock running now (after the answer it is the review window), while an acceptance notice must
print the 60-day handling period it announced.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from minsheng.audit.models import AuditEvent
from minsheng.core.calendar_store import official_calendar
from minsheng.core.periods import CHINA, Deadline, days
from minsheng.orgs.models import Unit
from minsheng.orgs.selectors import bureau_above
from minsheng.people import crypto
from minsheng.petitions import workflow
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import S

# Art. 23: the receiving body tells the petitioner in writing within 15 days.
NOTIFY_PERIOD = days(15)
# Art. 34: handling within 60 days of acceptance.
HANDLE_PERIOD = days(60)
# Arts. 35, 36: review and re-review are requested within 30 days.
REQUEST_PERIOD = days(30)
RE_REVIEW_STATES = frozenset({S.RE_REVIEWING, S.HEARING, S.FINAL})


@dataclass(frozen=True)
class Party:
    """The petitioner as a document prints them."""

    name: str  # masked, clear, or 匿名
    address: str  # "****", clear, or "" when unknown
    you: str  # how the document speaks to them: 你 / 你们 / 你单位


def party(petition: Petition, *, reveal_identity: bool, hide_identity: bool = False) -> Party:
    """The addressee; masked unless the caller (who audits the unmasking) asks for the identity.

    ``hide_identity``: for the unit complained about, not even the masked name (Arts. 30, 46)."""
    person = petition.petitioner
    if petition.is_anonymous or person is None:
        return Party(_("匿名"), "", _("你"))
    if hide_identity and not reveal_identity:
        return Party(_("信访人"), "", _("你"))
    if reveal_identity:
        name, address = crypto.decrypt(person.name_enc), crypto.decrypt(person.address_enc)
    else:
        name, address = person.name_masked, "****" if person.address_enc else ""
    if petition.is_collective and petition.headcount > 1:
        return Party(_("%(name)s等%(n)s人") % {"name": name, "n": petition.headcount}, address, _("你们"))
    return Party(name, address, _("你单位") if person.is_organization else _("你"))


def china_day(moment: datetime) -> date:
    return moment.astimezone(CHINA).date()


def step_time(petition: Petition, step: str) -> datetime | None:
    """When ``step`` was last taken on the case, from the audit log (for steps without a date field)."""
    event = _event(petition, step)
    return event.at if event else None


def step_data(petition: Petition, step: str, key: str) -> str:
    """A value the step recorded in the audit log (the reason given for a review request, say)."""
    event = _event(petition, step)
    return str((event.data or {}).get(key, "")) if event else ""


def _event(petition: Petition, step: str) -> AuditEvent | None:
    return (
        AuditEvent.objects.filter(
            target_type=Petition._meta.label_lower,
            target_id=str(petition.pk),
            action=f"petitions.petition.{step}",
        )
        .order_by("-id")
        .first()
    )


def notify_due(petition: Petition) -> Deadline:
    return NOTIFY_PERIOD.due(petition.assigned_at, official_calendar())


def handling_due(petition: Petition) -> Deadline:
    return HANDLE_PERIOD.due(petition.accepted_at, official_calendar())


def extended_due(petition: Petition) -> Deadline:
    """The extension runs on from the end of the 60 days (as ``petition_extend`` computes it)."""
    return days(petition.extension_days).due(handling_due(petition).due_at, official_calendar())


def request_due(moment: datetime) -> Deadline:
    return REQUEST_PERIOD.due(moment, official_calendar())


def reviewer(petition: Petition) -> Unit | None:
    """The body that decided the review: ``review_unit`` moves on to the re-review body later."""
    if petition.status in RE_REVIEW_STATES and petition.unit is not None:
        return bureau_above(petition.unit.region) or petition.review_unit
    return petition.review_unit


def body_above(unit: Unit | None) -> str:
    """The body a review or re-review is requested from, by name when the platform knows it."""
    above = bureau_above(unit.region) if unit is not None else None
    return above.name if above is not None else _("上一级机关")


def channel_label(petition: Petition) -> str:
    return workflow.Channel(petition.channel).label


def redirect_issuer(petition: Petition) -> Unit:
    """A matter redirected after assignment was redirected by the unit holding it, else by the bureau."""
    return petition.unit if petition.unit_id and petition.assigned_at else petition.intake_unit
