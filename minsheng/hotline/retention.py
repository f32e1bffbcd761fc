"""Retention of hotline orders (``people.retention``; the period is in ``retention_conf``)."""

from datetime import datetime

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan

from minsheng.hotline.models import Order
from minsheng.hotline.workflow import TERMINAL
from minsheng.people.retention import PURGED_TITLE, Link, Rule, register


def _order_ended(cutoff: datetime, p: str = "") -> Q:
    ended = Coalesce(f"{p}closed_at", f"{p}visited_at", f"{p}replied_at", f"{p}received_at")
    return Q(**{f"{p}status__in": TERMINAL}) & Q(LessThan(ended, cutoff))


def _orders_scrub(ids: list[int]) -> None:
    texts = (
        "content address answer_text redirect_reason objection_reason objection_decision "
        "extension_reason extension_explanation reply visit_note"
    ).split()
    # The exact spot can be someone's door; the area (region) stays for the maps and counts.
    Order.objects.filter(pk__in=ids).update(
        title=str(PURGED_TITLE), lat=None, long=None, **dict.fromkeys(texts, "")
    )


ORDERS = register(
    Rule(
        "hotline",
        "hotline.order",
        Order,
        _order_ended,
        _orders_scrub,
        links=(Link(Order, "requester"),),
    )
)
