"""Reads that carry access rules: a record of another area does not exist (404, not 403)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404

from minsheng.orgs.models import Region
from minsheng.orgs.selectors import within_regions
from minsheng.registry.associations import permissions
from minsheng.registry.associations.deadlines import Deadline, due_date
from minsheng.registry.associations.models import AnnualReport, Association
from minsheng.registry.associations.workflow import OPERATING, PUBLIC


@dataclass(frozen=True)
class Filters:
    area: str = ""  # a region code: that region and everything under it
    kind: str = ""
    level: str = ""
    industry: str = ""
    status: str = ""
    party: str = ""
    q: str = ""  # name or credit code


def associations_visible_to(user) -> QuerySet[Association]:
    return Association.objects.filter(within_regions(permissions.read_paths(user)))


def association_for(user, pk: int) -> Association:
    try:
        return associations_visible_to(user).select_related("region").get(pk=pk)
    except Association.DoesNotExist:
        raise Http404 from None


def filtered(qs: QuerySet[Association], filters: Filters) -> QuerySet[Association]:
    if filters.area:
        region = Region.objects.filter(code=filters.area).only("path").first()
        qs = qs.filter(region__path__startswith=region.path) if region else qs.none()
    for field in ("kind", "level", "industry", "status"):
        value = getattr(filters, field)
        if value:
            qs = qs.filter(**{field: value})
    if filters.party:
        qs = qs.filter(party_organization=filters.party)
    text = filters.q.strip()
    if text:
        qs = qs.filter(Q(name__icontains=text) | Q(credit_code=text.upper()))
    return qs


def association_list(user, filters: Filters) -> QuerySet[Association]:
    return filtered(associations_visible_to(user), filters).select_related("region").order_by("name", "id")


def status_counts(qs: QuerySet[Association]) -> dict[str, int]:
    rows = qs.order_by().values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def areas_of(user) -> QuerySet[Region]:
    """Regions the user reads down to street level, for the area filter and the create form."""
    return Region.objects.filter(within_regions(permissions.read_paths(user), field="path")).filter(
        level__lte=Region.Level.STREET
    )


def writable_areas_of(user) -> QuerySet[Region]:
    return Region.objects.filter(within_regions(permissions.write_paths(user), field="path")).filter(
        level__lte=Region.Level.STREET
    )


# -- annual reports


def due_for_year(qs: QuerySet[Association], year: int) -> QuerySet[Association]:
    """Bodies that owe a report of ``year``: operating and registered by the end of that year."""
    return qs.filter(status__in=OPERATING).filter(
        Q(registered_on__isnull=True) | Q(registered_on__lte=date(year, 12, 31))
    )


def _filed(year: int, deadline: str):
    reports = AnnualReport.objects.filter(association=OuterRef("pk"), year=year)
    if deadline == Deadline.SUPERVISOR:
        return Exists(reports.filter(supervisor_submitted_on__isnull=False))
    return Exists(reports.exclude(state=AnnualReport.State.RETURNED))


def missing_reports(qs: QuerySet[Association], *, year: int, deadline: str) -> QuerySet[Association]:
    """Bodies of ``qs`` that have not filed the report of ``year`` for ``deadline`` (due or not yet).

    Directly registered bodies (no supervising unit) owe no preliminary review.
    """
    qs = due_for_year(qs, year)
    if deadline == Deadline.SUPERVISOR:
        qs = qs.exclude(supervising_unit="")
    return qs.filter(~_filed(year, deadline))


def overdue(user, *, year: int, deadline: str, today: date, filters: Filters) -> QuerySet[Association]:
    """Bodies the user may see whose report of ``year`` was due by ``deadline`` before ``today``."""
    if today <= due_date(year, deadline):
        return Association.objects.none()
    base = filtered(associations_visible_to(user), filters)
    return missing_reports(base, year=year, deadline=deadline).select_related("region").order_by("name", "id")


def reports_of_year(user, *, year: int, state: str = "", filters: Filters) -> QuerySet[AnnualReport]:
    visible = filtered(associations_visible_to(user), filters)
    qs = AnnualReport.objects.filter(year=year, association__in=visible)
    if state:
        qs = qs.filter(state=state)
    return qs.select_related("association", "association__region", "reviewed_by").order_by(
        "association__name", "id"
    )


def report_for(user, pk: int) -> AnnualReport:
    try:
        return (
            AnnualReport.objects.filter(association__in=associations_visible_to(user))
            .select_related("association", "association__region")
            .get(pk=pk)
        )
    except AnnualReport.DoesNotExist:
        raise Http404 from None


# -- public register


def public_register(*, q: str = "") -> QuerySet[Association]:
    """What the public may read: registered bodies (and their dissolution), public fields only."""
    qs = Association.objects.filter(status__in=PUBLIC, credit_code__isnull=False)
    text = q.strip()
    if text:
        qs = qs.filter(Q(name__icontains=text) | Q(credit_code=text.upper()))
    return qs.only(
        "name", "credit_code", "kind", "level", "registration_unit", "status", "legal_representative"
    ).order_by("name", "id")
