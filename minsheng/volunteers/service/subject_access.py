"""A person's volunteer registrations and service records, for a subject-access export
(``people.subject_export``). The volunteers themselves are found by ``volunteers.subject_access``."""

from django.utils.translation import gettext as _

from minsheng.people.subject_export import Section, Subject, register, target_of, when
from minsheng.volunteers.service.models import ServiceRecord


def volunteering_of(subject: Subject) -> Section:
    """Each volunteer registration of the subject, followed by its service records."""
    section = Section("volunteers", _("志愿服务"))
    for v in subject.inline.get("volunteers", []):
        section.rows.append(
            {
                "number": str(v.pk),
                "title": _("志愿者注册"),
                "status": v.get_status_display(),
                "received_at": when(v.registered_at),
                "approved_hours": round(v.approved_minutes / 60, 1),
                "stars": v.stars,
            }
        )
        section.targets.append(target_of(v))
        for r in ServiceRecord.objects.filter(volunteer=v).select_related("team").order_by("check_in_at"):
            section.rows.append(
                {
                    "number": str(r.pk),
                    "title": r.title,
                    "status": r.get_status_display(),
                    "received_at": when(r.check_in_at),
                    "minutes": r.minutes,
                    "team": str(r.team),
                }
            )
            section.targets.append(target_of(r))
    return section


register("volunteers", volunteering_of)
