"""The one way a case changes state: look the step up in the workflow table, apply it, audit it."""

from datetime import datetime

from minsheng import audit
from minsheng.accounts.roles import SYSTEM
from minsheng.core.calendar_store import official_calendar
from minsheng.petitions import workflow
from minsheng.petitions.models import Petition
from minsheng.petitions.permissions import citizen_roles, roles_by_unit


def lock(petition: Petition) -> Petition:
    """Re-read the case under a row lock, so two clerks cannot both move it."""
    return Petition.objects.select_for_update().get(pk=petition.pk)


def take(
    name: str,
    *,
    petition: Petition,
    actor,
    now: datetime,
    as_citizen: bool = False,
    as_system: bool = False,
    data: dict | None = None,
    update: dict | None = None,
) -> Petition:
    """Apply step ``name``: check state and roles, set the new state and deadline, record the event.

    ``update`` holds the step's own fields (already validated by the caller's service).
    """
    petition = lock(petition)
    # Review steps are judged by the review unit's roles: set it before the check when the step assigns it.
    if update and "review_unit" in update:
        petition.review_unit = update["review_unit"]
    if as_system:
        by_unit = {"current": frozenset({SYSTEM})}
    else:
        by_unit = citizen_roles() if as_citizen else roles_by_unit(actor, petition)
    step = workflow.step(name, petition.status, by_unit.get(workflow.BY_NAME[name].unit, frozenset()))
    fields = {"status": step.target, **(update or {})}
    if step.starts is not None:
        deadline = step.starts.due(now, official_calendar())
        fields.update(due_at=deadline.due_at, due_clock=step.clock, due_warning=bool(deadline.warnings))
        fields["overdue_since"] = None
    elif not step.keeps_clock:
        fields.update(due_at=None, due_clock="", due_warning=False, overdue_since=None)
    for key, value in fields.items():
        setattr(petition, key, value)
    petition.save(update_fields=[*fields.keys(), "updated_at"])
    audit.record(
        actor=actor,
        actor_label="petitioner" if as_citizen else "",
        action=f"petitions.petition.{name}",
        target=petition,
        data={"number": petition.number, "to": step.target, "due_at": petition.due_at, **(data or {})},
    )
    return petition
