"""The one way a suggestion changes: look the step up in the workflow table, apply it, audit it."""

from collections.abc import Callable
from datetime import datetime

from minsheng import audit
from minsheng.core.calendar_store import official_calendar
from minsheng.suggestions import workflow
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.permissions import citizen_roles, roles_by_unit

Fields = dict | Callable[[Suggestion], dict] | None


def lock(suggestion: Suggestion) -> Suggestion:
    """Re-read under a row lock, so two clerks cannot both move it."""
    return Suggestion.objects.select_for_update().get(pk=suggestion.pk)


def take(
    name: str,
    *,
    suggestion: Suggestion,
    actor,
    now: datetime,
    as_citizen: bool = False,
    update: Fields = None,
    data: Fields = None,
) -> Suggestion:
    """Apply step ``name``: check state, then roles, then the step's own rules (``update``, given the
    locked row), so nobody learns anything from a rule they are not entitled to meet."""
    suggestion = lock(suggestion)
    by_unit = citizen_roles() if as_citizen else roles_by_unit(actor, suggestion)
    workflow.check_state(name, suggestion)
    step = workflow.step(name, suggestion, by_unit)
    fields = dict((update(suggestion) if callable(update) else update) or {})
    if step.target is not None:
        fields["status"] = step.target
    if step.clock is not None:
        deadline = workflow.period_of(step.clock).due(now, official_calendar())
        fields.update(due_at=deadline.due_at, due_clock=step.clock, due_warning=bool(deadline.warnings))
        fields["reminded_at"] = None
    elif step.stops_clock:
        fields.update(due_at=None, due_clock="", due_warning=False, reminded_at=None)
    if step.done_field:
        fields.setdefault(step.done_field, now)
    details = (data(suggestion) if callable(data) else data) or {}
    for key, value in fields.items():
        setattr(suggestion, key, value)
    suggestion.save(update_fields=[*fields.keys(), "updated_at"])
    audit.record(
        actor=actor,
        actor_label="proposer" if as_citizen else "",
        action=f"suggestions.suggestion.{name}",
        target=suggestion,
        data={
            "number": suggestion.number,
            "status": suggestion.status,
            "due_at": suggestion.due_at,
            **details,
        },
    )
    return suggestion
