"""The periodic deadline scan: close cases whose petitioner's window ran out, supervise overdue duties.

Idempotent: running it twice, or on two workers at once, changes nothing the second time.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction

from minsheng import audit
from minsheng.orgs.selectors import bureau_above
from minsheng.petitions import workflow
from minsheng.petitions.models import Petition, Supervision
from minsheng.petitions.services.transitions import take
from minsheng.petitions.workflow import PAUSED, TERMINAL, WINDOWS, S


@dataclass
class ScanResult:
    closed: int = 0
    supervised: int = 0


def scan_deadlines(*, now: datetime, batch: int = 500) -> ScanResult:
    """One pass over open cases whose deadline has passed (reads the partial due_at index)."""
    result = ScanResult()
    # A case in a hearing has its clock stopped (Art. 36); its due_at moves when the hearing ends.
    due = Petition.objects.filter(due_at__lt=now).exclude(status__in=TERMINAL | PAUSED)
    window_ids = list(due.filter(due_clock__in=WINDOWS).values_list("pk", flat=True)[:batch])
    for pk in window_ids:
        result.closed += _close_window(pk, now)
    duty_ids = list(
        due.exclude(due_clock__in=WINDOWS)
        .filter(overdue_since__isnull=True)
        .values_list("pk", flat=True)[:batch]
    )
    for pk in duty_ids:
        result.supervised += _supervise(pk, now)
    return result


@transaction.atomic
def _close_window(pk: int, now: datetime) -> int:
    petition = Petition.objects.select_for_update().get(pk=pk)
    closable = petition.status in workflow.BY_NAME["close"].source
    if not closable or petition.due_at is None or petition.due_at >= now:
        return 0
    take("close", petition=petition, actor=None, now=now, update={"closed_at": now}, as_system=True)
    return 1


@transaction.atomic
def _supervise(pk: int, now: datetime) -> int:
    # of=self: PostgreSQL refuses FOR UPDATE on the nullable side of the outer join to unit.
    petition = (
        Petition.objects.select_for_update(of=("self",))
        .select_related("unit", "intake_unit", "region")
        .get(pk=pk)
    )
    if (
        petition.status in TERMINAL | PAUSED
        or petition.overdue_since is not None
        or petition.due_at is None
        or petition.due_at >= now
    ):
        return 0
    responsible = petition.unit or petition.intake_unit
    by_unit = bureau_above(responsible.region) if responsible else None
    try:
        with transaction.atomic():
            Supervision.objects.create(
                petition=petition,
                clock=petition.due_clock,
                due_at=petition.due_at,
                raised_at=now,
                by_unit=by_unit,
            )
    except IntegrityError:
        return 0
    petition.overdue_since = now
    petition.supervision_count += 1
    petition.save(update_fields=["overdue_since", "supervision_count", "updated_at"])
    audit.record(
        actor=None,
        action="petitions.petition.supervised",
        target=petition,
        data={"number": petition.number, "clock": petition.due_clock, "due_at": petition.due_at,
              "by_unit": by_unit.pk if by_unit else None, "status": S(petition.status).label},
    )  # fmt: skip
    return 1
