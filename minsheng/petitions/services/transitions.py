"""The one way a case changes state: look the step up in the workflow table, apply it, audit it."""

from collections.abc import Callable
from datetime import datetime

from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.accounts.roles import SYSTEM
from minsheng.core.calendar_store import official_calendar
from minsheng.core.errors import DomainError
from minsheng.petitions import workflow
from minsheng.petitions.models import Petition
from minsheng.petitions.permissions import citizen_roles, roles_by_unit

# ``update`` and ``data`` may be computed from the locked case, after the step was allowed.
Fields = dict | Callable[[Petition], dict] | None


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
    data: Fields = None,
    update: Fields = None,
    review_unit: Callable[[Petition], object] | None = None,
) -> Petition:
    """Apply step ``name``: check state and roles, set the new state and deadline, record the event.

    The order of the checks is part of the contract: wrong state, then roles, then the step's own
    rules (the callables ``update``/``data``, given the locked case), so that nobody learns anything
    about a case from a rule they are not entitled to meet. ``review_unit`` chooses the review body
    after the state check and before the role check, because review steps are judged by its roles.
    """
    petition = lock(petition)
    workflow.check_state(name, petition.status)
    if review_unit is not None:
        petition.review_unit = review_unit(petition)
    if as_system:
        by_unit = {"current": frozenset({SYSTEM})}
    else:
        by_unit = citizen_roles() if as_citizen else roles_by_unit(actor, petition)
    step = workflow.step_by_unit(name, petition.status, by_unit)
    own = dict((update(petition) if callable(update) else update) or {})
    if review_unit is not None:
        own["review_unit"] = petition.review_unit
    _guard_accused(petition, own)
    fields = {"status": step.target, **own}
    fields.update(_clock_fields(step, now, own))
    details = (data(petition) if callable(data) else data) or {}
    for key, value in fields.items():
        setattr(petition, key, value)
    petition.save(update_fields=[*fields.keys(), "updated_at"])
    audit.record(
        actor=actor,
        actor_label="petitioner" if as_citizen else "",
        action=f"petitions.petition.{name}",
        target=petition,
        data={"number": petition.number, "to": step.target, "due_at": petition.due_at, **details},
    )
    return petition


def _clock_fields(step: workflow.Step, now: datetime, own: dict) -> dict:
    """The deadline after the step: a new clock, the same clock (possibly moved), or none."""
    if step.starts is not None:
        deadline = step.starts.due(now, official_calendar())
        return {
            "due_at": deadline.due_at,
            "due_clock": step.clock,
            "due_warning": bool(deadline.warnings),
            "overdue_since": None,
        }
    if not step.keeps_clock:
        return {"due_at": None, "due_clock": "", "due_warning": False, "overdue_since": None}
    if "due_at" in own:
        # The step moved its own deadline (extension, hearing): a past supervision no longer applies,
        # and the scan must be able to raise a new one when the moved deadline passes.
        moved = {"overdue_since": None}
        if step.clock is not None:
            moved["due_clock"] = step.clock
        return moved
    return {}


def _guard_accused(petition: Petition, own: dict) -> None:
    """A report never goes to the body it accuses, neither to handle nor to review (Arts. 28, 30, 46)."""
    if not petition.is_report or petition.accused_unit_id is None:
        return
    for key in ("unit", "review_unit"):
        unit = own.get(key)
        if unit is not None and unit.pk == petition.accused_unit_id:
            raise DomainError(_("检举控告不得转交被检举控告的单位办理。"), code="accused_unit")
