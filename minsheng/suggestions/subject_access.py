"""A person's suggestions, for a subject-access export (``people.subject_export``)."""

from django.utils.translation import gettext as _

from minsheng.people.subject_export import Section, Subject, register, target_of, when
from minsheng.suggestions.models import Suggestion


def suggestions_of(subject: Subject) -> Section:
    """The suggestions the subject proposed."""
    section = Section("suggestions", _("人民建议"))
    for s in Suggestion.objects.filter(proposer__in=subject.persons).order_by("received_at"):
        section.rows.append(
            {
                "number": s.number,
                "title": s.title,
                "status": s.get_status_display(),
                "received_at": when(s.received_at),
                "replied_at": when(s.replied_at),
                "proposal": s.proposal,
            }
        )
        section.targets.append(target_of(s))
    return section


register("suggestions", suggestions_of)
