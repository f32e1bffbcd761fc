"""A person's hotline orders, for a subject-access export (``people.subject_export``)."""

from django.utils.translation import gettext as _

from minsheng.hotline.models import Order
from minsheng.people.subject_export import Section, Subject, register, target_of, when


def orders_of(subject: Subject) -> Section:
    """The orders the subject called or wrote in."""
    section = Section("hotline", _("接诉即办工单"))
    for o in (
        Order.objects.filter(requester__in=subject.persons).select_related("unit").order_by("received_at")
    ):
        section.rows.append(
            {
                "number": o.number,
                "title": o.title,
                "kind": o.get_kind_display(),
                "status": o.get_status_display(),
                "received_at": when(o.received_at),
                "closed_at": when(o.closed_at),
                "unit": str(o.unit or ""),
                "content": o.content,
            }
        )
        section.targets.append(target_of(o))
    return section


register("hotline", orders_of)
