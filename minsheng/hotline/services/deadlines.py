"""The overdue scan: flag orders whose handling deadline passed; idempotent."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.accounts.roles import Role
from minsheng.hotline.models import Order
from minsheng.hotline.workflow import RUNNING
from minsheng.orgs.models import Membership


@dataclass
class ScanResult:
    overdue: int = 0


def scan_overdue(*, now: datetime, batch: int = 500) -> ScanResult:
    """Mark running orders past their deadline (reads the partial due_at index), tell the unit's heads.

    Running it twice changes nothing the second time: an order is flagged once per deadline (an
    extension or reassignment clears the flag together with moving the deadline).
    """
    result = ScanResult()
    ids = list(
        Order.objects.filter(status__in=RUNNING, due_at__lt=now, overdue_since__isnull=True).values_list(
            "pk", flat=True
        )[:batch]
    )
    for pk in ids:
        result.overdue += _flag(pk, now)
    return result


@transaction.atomic
def _flag(pk: int, now: datetime) -> int:
    order = Order.objects.select_for_update().get(pk=pk)
    if (
        order.status not in RUNNING
        or order.overdue_since is not None
        or order.due_at is None
        or order.due_at >= now
    ):
        return 0
    order.overdue_since = now
    order.save(update_fields=["overdue_since", "updated_at"])
    audit.record(
        actor=None,
        action="hotline.order.overdue",
        target=order,
        data={"number": order.number, "due_at": order.due_at, "unit": order.unit_id},
    )
    transaction.on_commit(lambda: _tell_heads(order))
    return 1


def _tell_heads(order: Order) -> None:
    from django.urls import reverse

    from minsheng.notices.services import notify

    heads = Membership.objects.filter(unit_id=order.unit_id, role=Role.HEAD).select_related("user")
    for m in heads:
        notify(
            user=m.user,
            key=f"hotline.overdue.{order.pk}.{order.due_at:%Y%m%d%H%M}",
            subject=_("工单 %(number)s 已超期") % {"number": order.number},
            body=order.title,
            url=reverse("hotline:order", args=[order.number]),
        )
