"""What each source contributes to the rollup: its records of some days, grouped and counted in SQL.

One function per source returns ``values()`` rows with the dimension and measure names of
``insight.Rollup``; the other apps' models are read here and nowhere else in insight.
"""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.db.models import Case, Count, DateField, F, Q, QuerySet, Sum, When
from django.db.models.functions import TruncDate

from minsheng.core.periods import CHINA
from minsheng.insight.models import Source


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The instants from the start of ``first`` to the end of ``last``, local (China) time."""
    return (
        datetime.combine(first, time.min, tzinfo=CHINA),
        datetime.combine(last + timedelta(days=1), time.min, tzinfo=CHINA),
    )


def _by_day(records: QuerySet, day_field: str, first: date, last: date, **dimensions) -> QuerySet:
    """``records`` of the days ``first``..``last`` (by ``day_field``, local time) as ``values()`` rows of
    the day, the area and ``dimensions``: what every source groups by before it counts."""
    start, end = day_bounds(first, last)
    return records.filter(**{f"{day_field}__gte": start, f"{day_field}__lt": end}).values(
        day=TruncDate(day_field, tzinfo=CHINA),
        region_ref=F("region_id"),
        path=F("region__path"),
        **dimensions,
    )


def _due_day(open_rule: Q):
    return Case(
        When(open_rule, then=TruncDate("due_at", tzinfo=CHINA)), default=None, output_field=DateField()
    )


def petitions(first: date, last: date) -> QuerySet:
    from minsheng.petitions.models import Petition
    from minsheng.petitions.selectors import running_duty, supervised_for
    from minsheng.petitions.workflow import Clock, Rating

    accepted = Q(accepted_at__isnull=False)
    completed = Q(answered_at__isnull=False)
    return (
        _by_day(
            Petition.objects.annotate(
                late_accept=supervised_for(Clock.NOTIFY), late_answer=supervised_for(Clock.HANDLE)
            ),
            "received_at",
            first,
            last,
            unit_ref=F("unit_id"),
            owner=F("intake_unit_id"),
            cat=F("category_id"),
            chan=F("channel"),
            state=F("status"),
            kind_=F("kind"),
            accused_ref=F("accused_unit_id"),
            due=_due_day(running_duty()),
        )
        .annotate(
            count=Count("id"),
            accepted=Count("id", filter=accepted),
            accepted_on_time=Count("id", filter=accepted & Q(late_accept=False)),
            completed=Count("id", filter=completed),
            completed_on_time=Count("id", filter=completed & Q(late_answer=False)),
            rated=Count("id", filter=~Q(rating="")),
            satisfied=Count("id", filter=Q(rating=Rating.SATISFIED)),
            basically=Count("id", filter=Q(rating=Rating.BASICALLY)),
            repeat=Count("id", filter=Q(repeat_of__isnull=False)),
            supervised=Sum("supervision_count"),
            forwarded=Count("id", filter=Q(assignment_kind="forward")),
            assigned=Count("id", filter=Q(assignment_kind="assign")),
        )
        .order_by()
    )


def hotline(first: date, last: date) -> QuerySet:
    from minsheng.hotline.models import Order
    from minsheng.hotline.services.rollups import visit_counts
    from minsheng.hotline.workflow import RUNNING

    replied = Q(replied_at__isnull=False)
    # The hotline's own SQL for return visits, counted here over the visited orders of these days.
    visited = Q(visited_at__isnull=False)
    visits = {
        name: Count("id", filter=(visited & agg.filter) if agg.filter else visited)
        for name, agg in visit_counts().items()
    }
    return (
        _by_day(
            Order.objects,
            "received_at",
            first,
            last,
            unit_ref=F("unit_id"),
            owner=F("centre_id"),
            cat=F("category_id"),
            chan=F("channel"),
            state=F("status"),
            kind_=F("kind"),
            due=_due_day(Q(status__in=RUNNING, due_at__isnull=False)),
        )
        .annotate(
            count=Count("id"),
            accepted=Count("id", filter=Q(accepted_at__isnull=False)),
            completed=Count("id", filter=replied),
            completed_on_time=Count("id", filter=replied & Q(replied_at__lte=F("due_at"))),
            rated=Count("id", filter=Q(visited_at__isnull=False, reached=True)),
            **visits,
        )
        .order_by()
    )


def suggestions(first: date, last: date) -> QuerySet:
    from minsheng.suggestions.models import Suggestion
    from minsheng.suggestions.workflow import ADOPTED_STATES, OPEN

    decided = Q(decided_at__isnull=False)
    return (
        _by_day(
            Suggestion.objects,
            "received_at",
            first,
            last,
            unit_ref=F("study_unit_id"),
            owner=F("office_id"),
            cat=F("topic_id"),
            chan=F("channel"),
            state=F("status"),
            due=_due_day(Q(status__in=OPEN, due_at__isnull=False)),
        )
        .annotate(
            count=Count("id"),
            accepted=Count("id", filter=Q(assigned_at__isnull=False)),
            completed=Count("id", filter=decided),
            completed_on_time=Count(
                "id", filter=decided & (Q(due_at__isnull=True) | Q(decided_at__lte=F("due_at")))
            ),
            rated=Count("id", filter=Q(rated_at__isnull=False)),
            adopted=Count("id", filter=Q(status__in=ADOPTED_STATES)),
        )
        .order_by()
    )


def volunteer_hours(first: date, last: date) -> QuerySet:
    from minsheng.volunteers.service.models import ServiceRecord, Status

    return (
        _by_day(
            ServiceRecord.objects,
            "check_in_at",
            first,
            last,
            owner=F("team_id"),
            cat=F("area"),
            chan=F("source"),
            state=F("status"),
        )
        .annotate(
            count=Count("id"),
            completed=Count("id", filter=Q(status=Status.APPROVED)),
            minutes=Sum("minutes", filter=Q(status=Status.APPROVED)),
        )
        .order_by()
    )


def _touched(model_path: str, day_field: str) -> Callable:
    def days_of(ids: list[int]) -> set[date]:
        """The days (of receipt or check-in) of the records ``ids``."""
        from django.apps import apps

        model = apps.get_model(model_path)
        days: set[date] = set()
        for k in range(0, len(ids), 5000):
            days |= set(
                model.objects.filter(pk__in=ids[k : k + 5000])
                .annotate(d=TruncDate(day_field, tzinfo=CHINA))
                .values_list("d", flat=True)
                .distinct()
                .order_by()
            )
        return days

    return days_of


def _first(model_path: str, day_field: str) -> Callable:
    def first_day() -> date | None:
        from django.apps import apps
        from django.utils import timezone

        model = apps.get_model(model_path)
        earliest = model.objects.order_by(day_field).values_list(day_field, flat=True).first()
        return timezone.localtime(earliest, CHINA).date() if earliest else None

    return first_day


# source → (grouped rows of a day range, the days of some records, the first day of all)
SOURCES = {
    Source.PETITION: (
        petitions,
        _touched("petitions.Petition", "received_at"),
        _first("petitions.Petition", "received_at"),
    ),
    Source.HOTLINE: (
        hotline,
        _touched("hotline.Order", "received_at"),
        _first("hotline.Order", "received_at"),
    ),
    Source.SUGGESTION: (
        suggestions,
        _touched("suggestions.Suggestion", "received_at"),
        _first("suggestions.Suggestion", "received_at"),
    ),
    Source.VOLUNTEER: (
        volunteer_hours,
        _touched("volunteer_service.ServiceRecord", "check_in_at"),
        _first("volunteer_service.ServiceRecord", "check_in_at"),
    ),
}


# The audit log's name of each source's records: every write of them is audited (project rule).
AUDIT_TARGETS = {
    "petitions.petition": Source.PETITION,
    "hotline.order": Source.HOTLINE,
    "suggestions.suggestion": Source.SUGGESTION,
    "volunteer_service.servicerecord": Source.VOLUNTEER,
}
