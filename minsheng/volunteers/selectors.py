"""Reads that carry the access rules (see permissions.py): a record outside the reader's scope is a 404."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from minsheng.core.periods import CHINA
from minsheng.orgs.selectors import within_regions
from minsheng.volunteers.models import Activity, BrandProject, Shift, SignUp, Team, Volunteer
from minsheng.volunteers.permissions import Scope

ACTIVE = (SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED)


def team_q(scope: Scope, prefix: str = "") -> Q:
    """Teams the scope may read: its own and those of its regions (``prefix`` reaches a team's fields)."""
    return Q(**{f"{prefix}pk__in": list(scope.team_ids)}) | within_regions(
        list(scope.read_paths), field=f"{prefix}region__path"
    )


def teams_for(scope: Scope) -> QuerySet[Team]:
    return (
        Team.objects.filter(team_q(scope))
        .select_related("region")
        .annotate(
            n_members=Count("members", distinct=True),
            n_activities=Count("activities", distinct=True),
        )
        .order_by("name")
    )


def team_for(scope: Scope, pk: int) -> Team:
    return get_object_or_404(Team.objects.filter(team_q(scope)).select_related("region"), pk=pk)


def project_for(scope: Scope, pk: int) -> BrandProject:
    return get_object_or_404(
        BrandProject.objects.filter(team_q(scope, "team__")).select_related("team__region", "region"), pk=pk
    )


def with_shift_counts(shifts: QuerySet[Shift]) -> QuerySet[Shift]:
    return shifts.annotate(
        n_confirmed=Count("signups", filter=Q(signups__status=SignUp.Status.CONFIRMED)),
        n_waiting=Count("signups", filter=Q(signups__status=SignUp.Status.WAITLISTED)),
    ).annotate(n_free=F("capacity") - F("n_confirmed"))


def activities_for(scope: Scope, *, status: str = "", team=None) -> QuerySet[Activity]:
    qs = (
        Activity.objects.filter(team_q(scope, "team__"))
        .select_related("team", "region", "brand_project")
        .annotate(first_shift=Min("shifts__starts_at"), n_shifts=Count("shifts", distinct=True))
    )
    if status:
        qs = qs.filter(status=status)
    if team is not None:
        qs = qs.filter(team=team)
    return qs.order_by("-first_shift", "-id")


def activity_for(scope: Scope, pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.filter(team_q(scope, "team__")).select_related(
            "team__region", "region", "brand_project"
        ),
        pk=pk,
    )


def shifts_of(activity: Activity) -> QuerySet[Shift]:
    return with_shift_counts(activity.shifts.all()).order_by("starts_at", "id")


def signups_of(shift: Shift) -> QuerySet[SignUp]:
    return shift.signups.select_related("volunteer").order_by(
        "status", "waitlist_position", "created_at", "id"
    )


def volunteers_for(scope: Scope) -> QuerySet[Volunteer]:
    """Registrars/leaders: volunteers of their area; managers: their teams' and their activities'."""
    team_ids = list(scope.team_ids)
    q = within_regions(list(scope.read_paths), field="region__path")
    if team_ids:
        q |= Q(Exists(Team.members.through.objects.filter(volunteer_id=OuterRef("pk"), team_id__in=team_ids)))
        q |= Q(
            Exists(SignUp.objects.filter(volunteer_id=OuterRef("pk"), shift__activity__team_id__in=team_ids))
        )
    return Volunteer.objects.filter(q).select_related("region")


def volunteer_for(scope: Scope, pk: int) -> Volunteer:
    return get_object_or_404(volunteers_for(scope), pk=pk)


def search_volunteers(scope: Scope, *, q: str = "", skill=None, region=None, status: str = "") -> QuerySet:
    qs = volunteers_for(scope)
    if q:
        from minsheng.people.blind_index import id_number_index, name_index, phone_index

        qs = qs.filter(
            Q(name_bi=name_index(q)) | Q(id_number_bi=id_number_index(q)) | Q(phone_bi=phone_index(q))
        )
    if skill is not None:
        qs = qs.filter(skills=skill)
    if region is not None:
        qs = qs.filter(region__path__startswith=region.path)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-registered_at", "-id")


# -- portal


def published_activities(
    *, now: datetime, region=None, skill=None, day: date | None = None
) -> QuerySet[Activity]:
    """Published activities with a shift still to come, soonest first."""
    upcoming = Shift.objects.filter(activity=OuterRef("pk"), starts_at__gt=now)
    if day is not None:
        start = datetime.combine(day, time.min, tzinfo=CHINA)
        upcoming = upcoming.filter(starts_at__gte=start, starts_at__lt=start + timedelta(days=1))
    qs = (
        Activity.objects.filter(status=Activity.Status.PUBLISHED)
        .filter(Exists(upcoming))
        .select_related("team", "region")
        .annotate(next_shift=Min("shifts__starts_at", filter=Q(shifts__starts_at__gt=now)))
    )
    if region is not None:
        qs = qs.filter(region__path__startswith=region.path)
    if skill is not None:
        qs = qs.filter(Q(required_skills=skill) | Q(required_qualifications=skill)).distinct()
    return qs.order_by("next_shift", "id")


def public_activity(pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.filter(
            status__in=[Activity.Status.PUBLISHED, Activity.Status.CLOSED]
        ).select_related("team", "region", "brand_project"),
        pk=pk,
    )


def volunteer_of(user) -> Volunteer | None:
    """The volunteer registered to a portal account, if any."""
    if not user.is_authenticated:
        return None
    return Volunteer.objects.filter(account=user).select_related("region").first()


def my_signups(volunteer: Volunteer) -> QuerySet[SignUp]:
    return volunteer.signups.select_related("shift__activity__team", "shift__activity__region").order_by(
        "-shift__starts_at", "-id"
    )


def my_signup(volunteer: Volunteer, pk: int) -> SignUp:
    return get_object_or_404(volunteer.signups.select_related("shift__activity"), pk=pk)


def public_shift(pk: int) -> Shift:
    return get_object_or_404(
        Shift.objects.filter(activity__status=Activity.Status.PUBLISHED).select_related("activity"), pk=pk
    )
