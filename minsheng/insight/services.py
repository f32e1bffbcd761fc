"""Writes of insight: storing the scheduled reports (keyword-only, atomic, audited)."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.accounts.roles import Role
from minsheng.insight import reports
from minsheng.insight.models import Report
from minsheng.insight.scope import region_scope
from minsheng.notices.services import notify
from minsheng.orgs.models import Membership, Unit


@dataclass
class ScheduleResult:
    created: list[Report] = field(default_factory=list)


def _previous_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def generate_due_reports(*, now: datetime) -> ScheduleResult:
    """For every active petition bureau: last month's briefing and, in January, last year's annual
    report — each once (a second run, or a second worker, finds it made and does nothing)."""
    today = timezone.localtime(now).date()
    month = _previous_month(today)
    result = ScheduleResult()
    for bureau in Unit.objects.filter(kind=Unit.Kind.PETITION_BUREAU, is_active=True).select_related(
        "region"
    ):
        month_end = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        wanted = [(Report.Kind.MONTHLY, month, month_end)]
        if today.month == 1:
            wanted.append((Report.Kind.ANNUAL, date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)))
        for kind, start, end in wanted:
            if Report.objects.filter(kind=kind, period_start=start, unit=bureau).exists():
                continue
            made = report_generate(kind=kind, start=start, end=end, unit=bureau, now=now, actor=None)
            if made is not None:
                result.created.append(made)
    return result


def _content(kind: str, start: date, unit: Unit, today: date) -> tuple[bytes, bytes]:
    scope = region_scope(unit.region, unit=unit)
    if kind == Report.Kind.ANNUAL:
        make = reports.annual_report
        arg = start.year
    else:
        make = reports.monthly_briefing
        arg = start
    return make(arg, scope=scope, fmt="pdf", today=today), make(arg, scope=scope, fmt="xlsx", today=today)


def report_generate(*, kind: str, start: date, end: date, unit: Unit, now: datetime, actor) -> Report | None:
    """Generate and store one report for ``unit``'s area and remind its leaders; None if it exists."""
    today = timezone.localtime(now).date()
    pdf, xlsx = _content(kind, start, unit, today)  # seconds of work: outside the transaction
    stem = f"{kind}-{start:%Y-%m}-{unit.pk}"
    try:
        with transaction.atomic():
            report = Report(kind=kind, period_start=start, period_end=end, unit=unit, created_at=now)
            report.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
            report.xlsx.save(f"{stem}.xlsx", ContentFile(xlsx), save=False)
            report.save()
            audit.record(
                actor=actor,
                action="insight.report.generated",
                target=report,
                data={"kind": kind, "period_start": start.isoformat(), "unit": unit.pk},
            )
            _tell_leaders(report)
    except IntegrityError:  # a concurrent run stored it first: drop our files
        for stored in (report.pdf, report.xlsx):
            if stored.name:
                stored.storage.delete(stored.name)
        return None
    return report


def _tell_leaders(report: Report) -> None:
    leaders = Membership.objects.filter(unit=report.unit, role__in=[Role.LEADER, Role.HEAD]).select_related(
        "user"
    )
    subject = _("已生成：%(report)s") % {"report": report}
    url = reverse("insight:stored", args=[report.pk, "pdf"])
    for m in leaders:
        notify(
            user=m.user,
            key=f"insight-report-{report.kind}-{report.period_start:%Y-%m}-{report.unit_id}",
            subject=subject,
            body=_("可在“察民情”页面下载 PDF 和 Excel。"),
            url=url,
        )
