"""The organizer approves or rejects records (谁组织谁记录): one at a time or a page at a time.

Permission is checked by the caller through ``permissions.may_decide``; here the state rules: only a
pending record that has been checked out can be approved or rejected. Approved minutes and stars move
in the same transaction.
"""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.volunteers.service.models import ServiceRecord, Status
from minsheng.volunteers.service.services import stars


def _decidable(records) -> list[ServiceRecord]:
    locked = list(
        ServiceRecord.objects.select_for_update().filter(pk__in=[r.pk for r in records]).order_by("pk")
    )
    for record in locked:
        if record.status != Status.PENDING:
            raise DomainError(
                _("记录“%(title)s”已审核过，不能重复审核。") % {"title": record.title}, code="decided"
            )
        if record.is_open:
            raise DomainError(
                _("记录“%(title)s”尚未签退，请先补录签退时间再审核。") % {"title": record.title}, code="open"
            )
    return locked


@transaction.atomic
def records_approve(*, records, actor, now: datetime) -> int:
    """Approve pending, checked-out records; all or none. Returns how many were approved."""
    if not records:
        raise InvalidInput(_("请选择要认定的记录。"), field="records")
    locked = _decidable(records)
    ServiceRecord.objects.filter(pk__in=[r.pk for r in locked]).update(
        status=Status.APPROVED, decided_by=actor, decided_at=now, updated_at=now
    )
    for record in locked:
        audit.record(
            actor=actor,
            action="volunteer_service.record.approved",
            target=record,
            data={"minutes": record.minutes, "volunteer": record.volunteer_id},
        )
    stars.recompute({r.volunteer_id for r in locked})
    return len(locked)


@transaction.atomic
def record_reject(*, record: ServiceRecord, reason: str, actor, now: datetime) -> ServiceRecord:
    if not (reason or "").strip():
        raise InvalidInput(_("请填写不予认定的原因。"), field="reason")
    # An open record may be rejected (a check-in without service); approving needs a check-out.
    record = ServiceRecord.objects.select_for_update().get(pk=record.pk)
    if record.status != Status.PENDING:
        raise DomainError(
            _("记录“%(title)s”已审核过，不能重复审核。") % {"title": record.title}, code="decided"
        )
    record.status, record.decided_by, record.decided_at = Status.REJECTED, actor, now
    record.notes = reason.strip()[:200]
    record.save(update_fields=["status", "decided_by", "decided_at", "notes", "updated_at"])
    audit.record(
        actor=actor,
        action="volunteer_service.record.rejected",
        target=record,
        data={"reason": record.notes, "minutes": record.minutes},
    )
    return record
