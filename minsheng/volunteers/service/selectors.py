"""Reads that carry the access rules: a record outside the reader's scope is a 404."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from minsheng.audit.models import AuditEvent
from minsheng.core.periods import CHINA
from minsheng.orgs.selectors import within_regions
from minsheng.volunteers.models import Shift, SignUp, Team, Volunteer
from minsheng.volunteers.permissions import Scope
from minsheng.volunteers.selectors import team_q
from minsheng.volunteers.service import codes
from minsheng.volunteers.service.models import Certificate, ServiceRecord, Status


def _record_q(scope: Scope) -> Q:
    return Q(team_id__in=list(scope.team_ids)) | within_regions(list(scope.read_paths), field="region__path")


def records_for(
    scope: Scope, *, status: str = "", team: Team | None = None, area: str = "", month: date | None = None
) -> QuerySet:
    """Records the user may see; ``area`` and ``month`` (its first day) are the dashboard's drill-down."""
    qs = ServiceRecord.objects.filter(_record_q(scope)).select_related(
        "volunteer", "team", "shift", "region", "decided_by"
    )
    if status:
        qs = qs.filter(status=status)
    if area:
        qs = qs.filter(area=area)
    if month is not None:
        start = datetime.combine(month.replace(day=1), time.min, tzinfo=CHINA)
        end = datetime.combine(
            (month.replace(day=28) + timedelta(days=4)).replace(day=1), time.min, tzinfo=CHINA
        )
        qs = qs.filter(check_in_at__gte=start, check_in_at__lt=end)
    if team is not None:
        qs = qs.filter(team=team)
    return qs.order_by("-check_in_at", "-id")


def record_for(scope: Scope, pk: int) -> ServiceRecord:
    return get_object_or_404(records_for(scope), pk=pk)


def decidable_records(scope: Scope, pks) -> list[ServiceRecord]:
    """The pending records among ``pks`` that the user's teams organized (others are silently not there)."""
    return list(
        ServiceRecord.objects.filter(pk__in=pks, team_id__in=list(scope.team_ids), status=Status.PENDING)
    )


ACTION_LABELS = {
    "volunteer_service.record.checked_in": _("签到"),
    "volunteer_service.record.checked_out": _("签退"),
    "volunteer_service.record.entered": _("组织者录入"),
    "volunteer_service.record.corrected": _("更正"),
    "volunteer_service.record.approved": _("认定"),
    "volunteer_service.record.rejected": _("不予认定"),
}


def history_of(record: ServiceRecord) -> list[AuditEvent]:
    """The record's audit events, oldest first, each with a ``label`` to show."""
    events = list(
        AuditEvent.objects.filter(target_type=ServiceRecord._meta.label_lower, target_id=str(record.pk))
    )
    for e in events:
        e.label = ACTION_LABELS.get(e.action, e.action)
    return events


def managed_teams(scope: Scope) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=list(scope.team_ids)).order_by("name")


def visible_teams(scope: Scope) -> QuerySet[Team]:
    return Team.objects.filter(team_q(scope)).order_by("name")


def writable_teams(scope: Scope) -> QuerySet[Team]:
    q = Q(pk__in=list(scope.team_ids)) | within_regions(list(scope.write_paths), field="region__path")
    return Team.objects.filter(q).select_related("region").order_by("name")


def shifts_for(scope: Scope, *, now: datetime, days: int = 7) -> QuerySet[Shift]:
    """Shifts of the user's own teams around today: where check-in is run."""
    return (
        Shift.objects.filter(activity__team_id__in=list(scope.team_ids))
        .filter(starts_at__gte=now - timedelta(days=days), starts_at__lte=now + timedelta(days=days))
        .select_related("activity__team")
        .order_by("starts_at", "id")
    )


def shift_for(scope: Scope, pk: int) -> Shift:
    """A shift whose check-in the user runs: only the organizing team's managers (else 404)."""
    return get_object_or_404(
        Shift.objects.filter(activity__team_id__in=list(scope.team_ids)).select_related(
            "activity__team", "activity__region"
        ),
        pk=pk,
    )


def roster(shift: Shift) -> list[dict]:
    """Confirmed volunteers of a shift with their record, for the check-in page (two queries)."""
    signups = list(
        shift.signups.filter(status=SignUp.Status.CONFIRMED).select_related("volunteer").order_by("id")
    )
    records = {r.volunteer_id: r for r in ServiceRecord.objects.filter(shift=shift)}
    return [{"volunteer": s.volunteer, "record": records.get(s.volunteer_id)} for s in signups]


def roster_volunteer(shift: Shift, pk: int) -> Volunteer:
    return get_object_or_404(
        Volunteer.objects.filter(signups__shift=shift, signups__status=SignUp.Status.CONFIRMED), pk=pk
    )


def certificates_for(scope: Scope, *, unit_ids=()) -> QuerySet[Certificate]:
    q = Q(team_id__in=list(scope.team_ids)) | Q(unit_id__in=list(unit_ids))
    q |= within_regions(list(scope.read_paths), field="volunteer__region__path")
    return Certificate.objects.filter(q).select_related("volunteer", "team", "unit", "issued_by")


def certificate_for(scope: Scope, pk: int, *, unit_ids=()) -> Certificate:
    return get_object_or_404(certificates_for(scope, unit_ids=unit_ids), pk=pk)


# -- portal


def my_records(volunteer: Volunteer) -> QuerySet[ServiceRecord]:
    return volunteer.service_records.select_related("team", "shift").order_by("-check_in_at", "-id")


def my_certificates(volunteer: Volunteer) -> QuerySet[Certificate]:
    return volunteer.certificates.order_by("-issued_at", "-id")


def my_certificate(volunteer: Volunteer, pk: int) -> Certificate:
    return get_object_or_404(volunteer.certificates.all(), pk=pk)


def certificate_by_code(typed: str) -> Certificate | None:
    code = codes.normalize(typed)
    if not code:
        return None
    return Certificate.objects.filter(code=code).first()
