"""A person's social worker registration, for a subject-access export (``people.subject_export``)."""

from django.utils.translation import gettext as _

from minsheng.people.subject_export import Section, Subject, register, target_of, when
from minsheng.talent.models import SocialWorker


def registration_of(subject: Subject) -> Section:
    """The subject's social worker registration and the numbers of their certificates."""
    section = Section("talent", _("社会工作者登记"))
    for w in SocialWorker.objects.filter(person__in=subject.persons).prefetch_related("certificates"):
        section.rows.append(
            {
                "number": str(w.pk),
                "status": w.get_status_display(),
                "level": w.get_level_display(),
                "employer": w.employer,
                "received_at": when(w.created_at),
                "certificates": [c.number for c in w.certificates.all()],
            }
        )
        section.targets.append(target_of(w))
    return section


register("talent", registration_of)
