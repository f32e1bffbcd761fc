"""Continuing education records, each counted in the registration period its date falls in."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import InvalidInput
from minsheng.talent import rules
from minsheng.talent.models import LEVEL_RANK, CEKind, ContinuingEducation, Registration, SocialWorker
from minsheng.talent.services.workers import check_region

MAX_HOURS = Decimal(1000)


def recount(registration: Registration) -> None:
    """Keep the period's credited hours (degrees once as 90) in step with its records.

    The period's row is locked first, so two records added at once cannot each miss the other."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    records = list(registration.education.values_list("kind", "hours"))
    registration.hours_done = rules.credited_hours(records)
    registration.save(update_fields=["hours_done", "updated_at"])


def period_of(worker: SocialWorker, on: date) -> Registration | None:
    """The period ``on`` falls in; with two certificates registered, the higher one's."""
    regs = [r for r in worker.registrations.select_related("certificate") if r.contains(on)]
    return max(regs, key=lambda r: (LEVEL_RANK[r.certificate.level], r.registered_on), default=None)


def check_record(*, worker, kind, title, provider, on, hours, today) -> tuple[dict, Registration]:
    """The cleaned record and its period, or ``InvalidInput`` with every field at fault."""
    errors = {}
    title, provider = (title or "").strip(), (provider or "").strip()
    if kind not in CEKind.values:
        errors["kind"] = _("请选择继续教育类型。")
    if not title:
        errors["title"] = _("请填写名称。")
    elif len(title) > 200:
        errors["title"] = _("名称不能超过200个字符。")
    if len(provider) > 100:
        errors["provider"] = _("举办机构不能超过100个字符。")
    if hours is None:
        errors["hours"] = _("请填写学时。")
    elif hours < 0 or hours > MAX_HOURS or (hours == 0 and kind != CEKind.DEGREE):
        errors["hours"] = _("学时应大于0且不超过1000。")
    elif hours != hours.quantize(Decimal("0.1")):
        errors["hours"] = _("学时最多保留1位小数。")
    registration = None
    if on is None:
        errors["on"] = _("请填写日期。")
    elif on > today:
        errors["on"] = _("日期不能晚于今天。")
    else:
        registration = period_of(worker, on)
        if registration is None:
            errors["on"] = _("该日期不在该社会工作者任何登记有效期内，不能计入继续教育学时。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    values = dict(kind=kind, title=title, provider=provider, on=on, hours=hours)
    return values, registration


@transaction.atomic
def ce_add(
    *, worker: SocialWorker, actor, today: date, kind, title, provider="", on, hours
) -> ContinuingEducation:
    check_region(actor, worker.region)
    values, registration = check_record(
        worker=worker, kind=kind, title=title, provider=provider, on=on, hours=hours, today=today
    )
    record = ContinuingEducation.objects.create(worker=worker, registration=registration, **values)
    recount(registration)
    audit.record(
        actor=actor,
        action="talent.education.added",
        # The worker is the target: their page lists its events, a deleted record's included.
        target=worker,
        data={"record": record.pk, "registration": registration.pk, **values},
    )
    return record


@transaction.atomic
def ce_delete(*, record: ContinuingEducation, actor) -> None:
    check_region(actor, record.worker.region)
    audit.record(
        actor=actor,
        action="talent.education.deleted",
        target=record.worker,
        data={"record": record.pk, "title": record.title, "on": record.on, "hours": record.hours},
    )
    registration = record.registration
    record.delete()
    recount(registration)
