"""Annual work reports: filed (recorded by the registrar), reviewed, reminded."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.accounts.roles import Role
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.orgs.models import Membership, Unit
from minsheng.registry.associations import conf, permissions
from minsheng.registry.associations.deadlines import Deadline, due_date, report_year
from minsheng.registry.associations.models import AnnualReport, Association
from minsheng.registry.associations.workflow import OPERATING


@dataclass
class Filing:
    """What the body filed for the year."""

    submitted_on: date
    supervisor_submitted_on: date | None = None
    individual_members: int = 0
    unit_members: int = 0
    income: Decimal = Decimal(0)
    expenses: Decimal = Decimal(0)
    net_assets: Decimal = Decimal(0)
    summary: str = ""


@transaction.atomic
def annual_report_submit(
    *, association: Association, actor, year: int, filing: Filing, now: datetime
) -> AnnualReport:
    """Record the year's report as filed; a returned report is filed again over the same row."""
    association = Association.objects.select_for_update().select_related("region").get(pk=association.pk)
    permissions.ensure_registrar_of(actor, association.region.path)
    today = now.date()
    if association.status not in OPERATING:
        raise DomainError(_("只有已成立登记且未注销的行业协会商会报送年度工作报告。"), code="wrong_state")
    if year > report_year(today) or (association.registered_on and year < association.registered_on.year):
        raise InvalidInput(_("年度须为成立登记以来已结束的年度。"), field="year")
    problems = {}
    if filing.submitted_on > today:
        problems["submitted_on"] = _("报送日期不能晚于今天。")
    if filing.supervisor_submitted_on and filing.supervisor_submitted_on > filing.submitted_on:
        problems["supervisor_submitted_on"] = _("业务主管单位初审应在报送登记管理机关之前。")
    if filing.submitted_on.year <= year:
        problems["submitted_on"] = _("年度工作报告在年度结束后报送。")
    if problems:
        raise InvalidInput(" ".join(problems.values()), errors=problems)
    report = AnnualReport.objects.filter(association=association, year=year).first()
    if report is not None and report.state != AnnualReport.State.RETURNED:
        raise DomainError(_("%(year)s年度工作报告已报送。") % {"year": year}, code="duplicate")
    resubmitted = report is not None
    report = report or AnnualReport(association=association, year=year)
    for name, value in filing.__dict__.items():
        setattr(report, name, value)
    report.state = AnnualReport.State.SUBMITTED
    report.reviewed_at, report.reviewed_by, report.return_reason = None, None, ""
    report.save()
    audit.record(
        actor=actor,
        action="associations.report.resubmitted" if resubmitted else "associations.report.submitted",
        target=report,
        data={"association": association.pk, "year": year, "submitted_on": filing.submitted_on.isoformat()},
    )
    return report


@transaction.atomic
def annual_report_review(*, report: AnnualReport, actor, accept: bool, reason: str = "", now: datetime):
    """Accept the report, or return it with a reason (it must then be filed again)."""
    report = AnnualReport.objects.select_for_update().select_related("association__region").get(pk=report.pk)
    permissions.ensure_registrar_of(actor, report.association.region.path)
    if report.state != AnnualReport.State.SUBMITTED:
        raise DomainError(_("该年度工作报告已审核。"), code="wrong_state")
    reason = (reason or "").strip()
    if not accept and not reason:
        raise InvalidInput(_("退回时请填写原因。"), field="reason")
    report.state = AnnualReport.State.ACCEPTED if accept else AnnualReport.State.RETURNED
    report.return_reason = "" if accept else reason[:300]
    report.reviewed_at, report.reviewed_by = now, actor
    report.save(update_fields=["state", "return_reason", "reviewed_at", "reviewed_by", "updated_at"])
    audit.record(
        actor=actor,
        action="associations.report.accepted" if accept else "associations.report.returned",
        target=report,
        data={"reason": report.return_reason},
    )
    return report


# -- reminders


def _registrars_by_path() -> dict[str, list]:
    """Region path of each social work department → its active registrars."""
    found: dict[str, list] = {}
    for m in Membership.objects.filter(
        role=Role.REGISTRAR, unit__kind=Unit.Kind.SOCIAL_WORK, unit__is_active=True, user__is_active=True
    ).select_related("user", "unit__region"):
        found.setdefault(m.unit.region.path, []).append(m.user)
    return found


def _nearest(paths: dict[str, list], region_path: str) -> list:
    """The registrars of the nearest department at or above the region (the one that registered it)."""
    best = max((p for p in paths if region_path.startswith(p)), key=len, default=None)
    return paths[best] if best else []


def remind_annual_reports(*, now: datetime) -> int:
    """Remind each body's registrars of a report not filed, from ``REMIND_DAYS_BEFORE`` days before
    each due date on. One notice per registrar, body, year and deadline: the scan may run any number
    of times. Returns how many notices were created."""
    from minsheng.notices.services import notify
    from minsheng.registry.associations.selectors import missing_reports

    today = now.date()
    year = report_year(today)
    ahead = timedelta(days=conf.get("REMIND_DAYS_BEFORE"))
    registrars = _registrars_by_path()
    created = 0
    for deadline in Deadline:
        due = due_date(year, deadline)
        if today < due - ahead:
            continue
        missing = missing_reports(Association.objects.all(), year=year, deadline=deadline)
        for association in missing.select_related("region").order_by("pk").iterator(chunk_size=500):
            subject = _subject(association, year, deadline, due, today)
            url = reverse("registry:associations:detail", args=[association.pk])
            for user in _nearest(registrars, association.region.path):
                key = f"associations:report:{association.pk}:{year}:{deadline.value}"
                with transaction.atomic():
                    if notify(user=user, key=key, subject=subject, url=url):
                        created += 1
    return created


def _subject(association, year, deadline, due, today) -> str:
    values = {
        "name": association.name,
        "year": year,
        "what": Deadline(deadline).label,
        "due": due.isoformat(),
    }
    if today > due:
        return _("%(name)s %(year)s年度工作报告（%(what)s）已逾期：应于%(due)s前报送。") % values
    return _("%(name)s %(year)s年度工作报告（%(what)s）尚未报送，截止日期%(due)s。") % values
