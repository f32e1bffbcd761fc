"""The periodic overdue scan: remind whoever holds an overdue suggestion, once per deadline.

Idempotent: ``reminded_at`` marks the suggestion and ``notify`` de-duplicates per (user, key), so the
scan may run any number of times, on several workers.
"""

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.accounts.models import User
from minsheng.accounts.roles import Role
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.workflow import Clock


def scan_overdue(*, now: datetime, batch: int = 500) -> int:
    """Remind the study unit (study clock) or the office (reply clock) of each newly overdue suggestion."""
    ids = list(
        Suggestion.objects.filter(due_at__lt=now, reminded_at__isnull=True).values_list("pk", flat=True)[
            :batch
        ]
    )
    return sum(_remind(pk, now) for pk in ids)


@transaction.atomic
def _remind(pk: int, now: datetime) -> int:
    from minsheng.notices.services import notify

    s = Suggestion.objects.select_for_update().get(pk=pk)
    if s.due_at is None or s.due_at >= now or s.reminded_at is not None:
        return 0
    if s.due_clock == Clock.STUDY:
        unit_id, roles = s.study_unit_id, (Role.HANDLER, Role.HEAD)
        subject = _("人民建议%(number)s研究办理已超期") % {"number": s.number}
    else:
        unit_id, roles = s.office_id, (Role.CLERK,)
        subject = _("人民建议%(number)s答复建议人已超期") % {"number": s.number}
    users = User.objects.filter(memberships__unit_id=unit_id, memberships__role__in=roles).distinct()
    url = reverse("suggestions:suggestion", args=[s.number])
    key = f"suggestions:{s.pk}:{s.due_clock}:{s.due_at.isoformat()}"
    for user in users:
        notify(user=user, key=key, subject=subject, body=s.title, url=url)
    s.reminded_at = now
    s.save(update_fields=["reminded_at", "updated_at"])
    audit.record(
        actor=None,
        action="suggestions.suggestion.overdue",
        target=s,
        data={"number": s.number, "clock": s.due_clock, "due_at": s.due_at},
    )
    return 1
