"""Display helpers of the staff pages: deadline colours and the wording of timeline events."""

from datetime import timedelta

from django import template
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from minsheng.petitions.workflow import (
    BY_NAME,
    PAUSED,
    WINDOWS,
    Channel,
    Kind,
    LegalChannel,
    Outcome,
    Rating,
    S,
)

register = template.Library()

EVENT_LABELS = {
    "petitions.petition.registered": _("登记"),
    "petitions.petition.supervised": _("超期督办"),
    "petitions.document.printed": _("打印文书（含身份信息）"),
}
# Keys of an event's data worth a line in the timeline, with how to word their values (a value outside
# the choices is left out: "kind" of a printed document is a document code, not a petition kind).
_NOTE_KEYS = (
    ("channel", _("渠道"), Channel),
    ("kind", _("类别"), Kind),
    ("title", _("文书"), None),
    ("unit_name", _("单位"), None),
    ("legal_channel", _("法定途径"), LegalChannel),
    ("outcome", _("结果"), Outcome),
    ("rating", _("评价"), Rating),
    ("days", _("延期天数"), None),
    ("paused_days", _("听证天数"), None),
    ("original", _("原件"), None),
    ("reason", _("理由"), None),
    ("note", _("说明"), None),
)


@register.simple_tag
def due_class(petition, now) -> str:
    """The row class of a staff duty: "overdue" or "due-soon", as ``selectors.queue`` counts them.

    A petitioner's window is never a staff's overdue, and a hearing stops the clock (Art. 36).
    """
    if petition.due_at is None or petition.due_clock in WINDOWS or petition.status in PAUSED:
        return ""
    if petition.due_at < now:
        return "overdue"
    if petition.due_at < now + timedelta(days=settings.MINSHENG["DUE_SOON_DAYS"]):
        return "due-soon"
    return ""


@register.filter
def event_label(action: str) -> str:
    """The timeline wording of an audit action code."""
    if action in EVENT_LABELS:
        return EVENT_LABELS[action]
    prefix, _dot, name = action.rpartition(".")
    if prefix == "petitions.petition" and name in BY_NAME:
        return BY_NAME[name].label
    return action


@register.filter
def event_note(data) -> str:
    """A one-line note from an event's data: unit, outcome, reason… and the state it led to."""
    if not isinstance(data, dict):
        return ""
    parts = []
    for key, label, choices in _NOTE_KEYS:
        value = data.get(key)
        if value in (None, ""):
            continue
        if choices is not None:
            if value not in choices.values:
                continue
            value = choices(value).label
        parts.append(f"{label}：{value}")
    if data.get("to") in S.values:
        parts.append(f"→ {S(data['to']).label}")
    return "；".join(str(p) for p in parts)


_ACTOR_LABELS = {"system": _("系统"), "petitioner": _("信访人"), "portal": _("网上信访")}


@register.filter
def event_actor(event) -> str:
    """Who did it: the staff member's display name, else the system, the petitioner or the portal."""
    if event.actor_id is not None and event.actor is not None:
        return str(event.actor)
    return str(_ACTOR_LABELS.get(event.actor_label, event.actor_label))
