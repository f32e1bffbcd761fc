"""A person's petitions and reception bookings, for a subject-access export (``people.subject_export``)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from minsheng.people.subject_export import Section, Subject, register, target_of, when
from minsheng.petitions.models import Attachment, Petition, ReceptionBooking


def petitions_of(subject: Subject) -> Section:
    """The petitions the subject filed or represents, their attachments, and their bookings."""
    section = Section("petitions", _("信访件"))
    mine = Q(petitioner__in=subject.persons) | Q(representatives__person__in=subject.persons)
    for p in (
        Petition.objects.filter(mine).distinct().select_related("unit", "region").order_by("received_at")
    ):
        section.rows.append(
            {
                "number": p.number,
                "title": p.title,
                "kind": p.get_kind_display(),
                "channel": p.get_channel_display(),
                "status": p.get_status_display(),
                "received_at": when(p.received_at),
                "closed_at": when(p.closed_at),
                "unit": str(p.unit or ""),
                "region": str(p.region),
                "request": p.request,
            }
        )
        section.targets.append(target_of(p))
    for a in Attachment.objects.filter(petition__in=Petition.objects.filter(mine)).distinct():
        section.attachments.append(
            {
                "record": a.petition.number,
                "name": a.original_name,
                "size": a.size,
                "uploaded_at": when(a.uploaded_at),
            }
        )
    for b in ReceptionBooking.objects.filter(person__in=subject.persons).select_related("reception"):
        section.rows.append(
            {
                "number": _("接访预约 %(id)s") % {"id": b.pk},
                "title": str(b.reception),
                "status": b.get_status_display(),
                "received_at": when(b.created_at),
                "request": b.matter,
            }
        )
        section.targets.append(target_of(b))
    return section


register("petitions", petitions_of)
