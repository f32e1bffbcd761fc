"""Certificates and their registration periods: first registration, re-registration after a lapse, renewal."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.talent import rules
from minsheng.talent.models import LEVEL_RANK, Certificate, Level, Registration, SocialWorker
from minsheng.talent.services.workers import check_region


@transaction.atomic
def certificate_add(
    *, worker: SocialWorker, level: str, number: str, passed_on: date | None, actor, today: date
) -> Certificate:
    check_region(actor, worker.region)
    number = (number or "").strip()
    errors = {}
    if level not in Level.values:
        errors["level"] = _("请选择证书等级。")
    if not number:
        errors["number"] = _("请填写证书编号。")
    elif len(number) > 40:
        errors["number"] = _("证书编号不能超过40个字符。")
    elif Certificate.objects.filter(number=number).exists():
        errors["number"] = _("证书编号%(n)s已登记过。") % {"n": number}
    if passed_on is None:
        errors["passed_on"] = _("请填写考试通过日期。")
    elif passed_on > today:
        errors["passed_on"] = _("考试通过日期不能晚于今天。")
    if not errors and worker.certificates.filter(level=level).exists():
        errors["level"] = _("该社会工作者已有此等级的证书。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    certificate = Certificate.objects.create(worker=worker, level=level, number=number, passed_on=passed_on)
    if LEVEL_RANK.get(level, 0) > LEVEL_RANK.get(worker.level, 0):
        worker.level = level
        worker.save(update_fields=["level", "updated_at"])
    audit.record(
        actor=actor,
        action="talent.certificate.added",
        target=certificate,
        data={"worker": worker.pk, "level": level, "number": number, "passed_on": passed_on},
    )
    return certificate


@transaction.atomic
def registration_register(
    *, certificate: Certificate, registered_on: date | None, actor, today: date, late_reason: str = ""
) -> Registration:
    """First registration (within a year of passing, or late with an explanation), or anew after a lapse."""
    # One registration at a time per certificate: the row lock orders concurrent attempts.
    certificate = (
        Certificate.objects.select_for_update().select_related("worker__region").get(pk=certificate.pk)
    )
    worker = certificate.worker
    check_region(actor, worker.region)
    if registered_on is None:
        raise InvalidInput(_("请填写登记日期。"), field="registered_on")
    if registered_on > today:
        raise InvalidInput(_("登记日期不能晚于今天。"), field="registered_on")
    last = certificate.registrations.order_by("-registered_on", "-id").first()
    late = False
    if last is None:
        try:
            late = rules.check_first_registration(
                passed_on=certificate.passed_on, registered_on=registered_on, late_reason=late_reason
            )
        except DomainError as e:
            raise InvalidInput(
                e.message, field="late_reason" if e.code == "late" else "registered_on"
            ) from None
    elif registered_on <= last.valid_until:
        # Still (or then) registered: the way on is a renewal in the last three months.
        raise DomainError(
            _("该证书的登记有效期至%(until)s，不能重新登记；请在%(opens)s至%(until)s期间办理续期。")
            % {"until": last.valid_until.isoformat(), "opens": last.renewal_opens.isoformat()},
            code="still_valid",
        )
    if last is not None:
        Registration.objects.filter(pk=last.pk).update(superseded=True)
    registration = Registration.objects.create(
        certificate=certificate,
        worker=worker,
        registered_on=registered_on,
        valid_until=rules.valid_until(registered_on),
        late=late,
        late_reason=late_reason.strip()[:300] if late else "",
        hours_required=rules.required_hours(certificate.level),
    )
    audit.record(
        actor=actor,
        action="talent.registration.registered",
        target=registration,
        data={
            "certificate": certificate.number,
            "registered_on": registered_on,
            "valid_until": registration.valid_until,
            "late": late,
            "after_lapse": last is not None,
        },
    )
    return registration


@transaction.atomic
def registration_renew(*, registration: Registration, actor, today: date) -> Registration:
    """Re-register in the last 3 months of validity, with the period's continuing education complete."""
    registration = (
        Registration.objects.select_for_update()
        .select_related("certificate", "worker__region")
        .get(pk=registration.pk)
    )
    check_region(actor, registration.worker.region)
    if Registration.objects.filter(renewed_from=registration).exists():
        raise DomainError(_("该登记已办理续期。"), code="renewed")
    if registration.superseded:
        raise DomainError(_("只能对该证书最近一次登记办理续期。"), code="not_last")
    starts = rules.check_renewal(until=registration.valid_until, today=today)
    progress = registration.progress
    if not progress.met:
        raise DomainError(
            _("本登记周期继续教育已完成%(done)s学时，应完成%(required)s学时，还差%(short)s学时，暂不能续期。")
            % {
                "done": rules.hours_text(progress.done),
                "required": progress.required,
                "short": rules.hours_text(progress.shortfall),
            },
            code="hours",
        )
    registration.superseded = True
    registration.save(update_fields=["superseded", "updated_at"])
    renewal = Registration.objects.create(
        certificate=registration.certificate,
        worker=registration.worker,
        registered_on=starts,
        valid_until=rules.valid_until(starts),
        renewed_from=registration,
        hours_required=rules.required_hours(registration.certificate.level),
    )
    audit.record(
        actor=actor,
        action="talent.registration.renewed",
        target=renewal,
        data={"from": registration.pk, "registered_on": starts, "valid_until": renewal.valid_until},
    )
    return renewal
