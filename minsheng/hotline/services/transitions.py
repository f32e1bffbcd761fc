"""The one way an order changes state: look the step up in the workflow table, apply it, audit it."""

from collections.abc import Callable
from datetime import datetime

from minsheng import audit
from minsheng.core.calendar_store import official_calendar
from minsheng.hotline import conf, workflow
from minsheng.hotline.models import Order
from minsheng.hotline.permissions import roles_by_unit

Fields = dict | Callable[[Order], dict] | None


def lock(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


def deadline_fields(urgency: str, now: datetime) -> dict:
    """``due_at`` by urgency from ``now`` (conf.DEADLINES), and a fresh overdue flag."""
    deadline = conf.deadline_period(urgency).due(now, official_calendar())
    return {"due_at": deadline.due_at, "due_warning": bool(deadline.warnings), "overdue_since": None}


def take(
    name: str, *, order: Order, actor, now: datetime, update: Fields = None, data: Fields = None
) -> Order:
    """Apply step ``name``: state, then roles, then the step's own rules (``update``/``data`` callables
    given the locked order, so nobody learns a rule's answer without the right to take the step)."""
    order = lock(order)
    step = workflow.step(name, order.status, roles_by_unit(actor, order))
    own = dict((update(order) if callable(update) else update) or {})
    fields = {"status": step.target, **own}
    if step.starts_deadline:
        fields.update(deadline_fields(fields.get("urgency", order.urgency), now))
    details = (data(order) if callable(data) else data) or {}
    before = order.status
    for key, value in fields.items():
        setattr(order, key, value)
    order.save(update_fields=[*fields.keys(), "updated_at"])
    audit.record(
        actor=actor,
        action=f"hotline.order.{name}",
        target=order,
        data={"number": order.number, "from": before, "to": step.target, "due_at": order.due_at, **details},
    )
    return order
