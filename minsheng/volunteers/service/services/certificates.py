"""Certificates of service (谁记录谁证明): a team certifies the hours it recorded; the region's social
work department certifies the hours recorded in its area. Free by law; figures frozen at issue time.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Sum
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA
from minsheng.orgs.models import Unit
from minsheng.volunteers.models import Team, Volunteer
from minsheng.volunteers.service import codes
from minsheng.volunteers.service.models import Certificate, ServiceRecord, Status


@dataclass(frozen=True)
class Issuer:
    """Exactly one of ``team`` or ``unit`` (a social work department)."""

    team: Team | None = None
    unit: Unit | None = None

    @property
    def name(self) -> str:
        return self.team.name if self.team else self.unit.name

    def records(self):
        approved = ServiceRecord.objects.filter(status=Status.APPROVED)
        if self.team is not None:
            return approved.filter(team=self.team)
        return approved.filter(region__path__startswith=self.unit.region.path)


def covered(issuer: Issuer, volunteer: Volunteer, *, start: date | None, end: date | None) -> dict:
    qs = issuer.records().filter(volunteer=volunteer)
    if start:
        qs = qs.filter(check_in_at__gte=datetime.combine(start, datetime.min.time(), tzinfo=CHINA))
    if end:
        qs = qs.filter(check_in_at__lt=datetime.combine(end, datetime.max.time(), tzinfo=CHINA))
    return qs.aggregate(minutes=Sum("minutes"), first=Min("check_in_at"), last=Max("check_in_at"))


@transaction.atomic
def certificate_issue(
    *,
    volunteer: Volunteer,
    issuer: Issuer,
    actor,
    now: datetime,
    start: date | None = None,
    end: date | None = None,
) -> Certificate:
    if (issuer.team is None) == (issuer.unit is None):
        raise InvalidInput(_("请选择出具证明的服务队或单位。"), field="issuer")
    if start and end and start > end:
        raise InvalidInput(_("起始日期不能晚于截止日期。"), field="start")
    facts = covered(issuer, volunteer, start=start, end=end)
    if not facts["minutes"]:
        raise DomainError(
            _("该志愿者在所选期间没有由%(issuer)s认定的服务记录，无法出具证明。") % {"issuer": issuer.name},
            code="nothing_to_certify",
        )
    fields = dict(
        volunteer=volunteer,
        team=issuer.team,
        unit=issuer.unit,
        issuer_name=issuer.name[:100],
        name_enc=volunteer.name_enc,
        minutes=facts["minutes"],
        # A team certifies only its own hours; the star level (all approved hours) is the region's to state.
        stars=volunteer.stars if issuer.unit is not None else 0,
        period_start=start or facts["first"].astimezone(CHINA).date(),
        period_end=end or facts["last"].astimezone(CHINA).date(),
        issued_at=now,
        issued_by=actor,
    )
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(code=codes.new_code(), **fields)
            break
        except IntegrityError:  # a code already taken (about one in 10**17): draw another
            continue
    else:  # pragma: no cover
        raise DomainError(_("生成验证码失败，请重试。"))
    audit.record(
        actor=actor,
        action="volunteer_service.certificate.issued",
        target=certificate,
        data={"volunteer": volunteer.pk, "issuer": certificate.issuer_name, "minutes": certificate.minutes},
    )
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, actor, now: datetime) -> Certificate:
    if not (reason or "").strip():
        raise InvalidInput(_("请填写撤销原因。"), field="reason")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked:
        raise DomainError(_("该证明已撤销。"), code="revoked")
    certificate.revoked, certificate.revoked_at = True, now
    certificate.revoke_reason = reason.strip()[:200]
    certificate.save(update_fields=["revoked", "revoked_at", "revoke_reason"])
    audit.record(
        actor=actor,
        action="volunteer_service.certificate.revoked",
        target=certificate,
        data={"reason": certificate.revoke_reason},
    )
    return certificate
