"""Reads that carry access rules. An order a user may not see does not exist (404)."""

from datetime import datetime

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from minsheng.audit.models import AuditEvent
from minsheng.hotline import workflow
from minsheng.hotline.models import DispatchRule, KnowledgeAnswer, Order, OrderCopy
from minsheng.hotline.workflow import RUNNING, TERMINAL
from minsheng.orgs.selectors import unit_ids_of


def orders_visible_to(user) -> QuerySet[Order]:
    """Orders of the user's hotline centres, dispatched to the user's units, or copied to them."""
    if not user.is_authenticated:
        return Order.objects.none()
    units = unit_ids_of(user)
    if not units:
        return Order.objects.none()
    return Order.objects.filter(Q(centre_id__in=units) | Q(unit_id__in=units) | Q(pk__in=_copied_to(units)))


def _copied_to(units):
    return OrderCopy.objects.filter(unit_id__in=units).values("order_id")


def order_for(user, *, number: str) -> Order:
    try:
        return (
            orders_visible_to(user)
            .select_related("region", "unit", "centre", "category", "requester", "knowledge_answer")
            .get(number=number)
        )
    except Order.DoesNotExist:
        raise Http404 from None


def queue(user, *, now: datetime, state: str = "", due: str = "", search: str = "", done: bool = False):
    """The user's orders: open ones nearest deadline first (``done``: the finished ones, newest first)."""
    qs = orders_visible_to(user)
    qs = qs.filter(status__in=TERMINAL) if done else qs.exclude(status__in=TERMINAL)
    if state:
        qs = qs.filter(status=state)
    if due == "overdue":
        qs = qs.filter(status__in=RUNNING, due_at__lt=now)
    if search:
        text = search.strip()
        qs = qs.filter(Q(number=text.upper()) | Q(title__icontains=text) | Q(address__icontains=text))
    order = ("-received_at", "-id") if done else ("due_at", "id")
    return qs.select_related("unit", "region", "category", "requester").order_by(*order)


def search_knowledge(text: str, *, limit: int = 8) -> list[KnowledgeAnswer]:
    """Active answers whose question, keywords or answer contain the words typed (all of them)."""
    words = [w for w in text.replace("，", " ").replace(",", " ").split() if w][:5]
    if not words:
        return []
    qs = KnowledgeAnswer.objects.filter(is_active=True)
    for w in words:
        qs = qs.filter(Q(question__icontains=w) | Q(keywords__icontains=w) | Q(answer__icontains=w))
    return list(qs.select_related("category")[:limit])


def rules_list() -> QuerySet[DispatchRule]:
    return DispatchRule.objects.select_related("category", "region", "unit").order_by(
        "category__code", "region__code"
    )


def order_timeline(order: Order) -> list[tuple]:
    """(when, what, who) of every recorded step of the order, from the audit log."""
    labels = {f"hotline.order.{s.name}": s.label for s in workflow.STEPS}
    labels.update({"hotline.order.received": _("登记"), "hotline.order.overdue": _("超期")})
    events = (
        AuditEvent.objects.filter(target_type="hotline.order", target_id=str(order.pk))
        .select_related("actor")
        .order_by("id")
    )
    return [
        (
            e.at,
            labels.get(e.action, e.action),
            getattr(e.actor, "display_name", "") or e.actor_label or _("系统"),
        )
        for e in events
    ]
