"""Teams, their managers, brand projects, activities and shifts: written by registrars and managers."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.volunteers.models import Activity, BrandProject, Shift, SignUp, Team, TeamManager

S = Activity.Status


def _required(values: dict, *names: str) -> None:
    errors = {n: _("必填。") for n in names if not values.get(n) and values.get(n) != 0}
    if errors:
        raise InvalidInput(_("请填写必填项。"), errors=errors)


@transaction.atomic
def team_create(
    *, actor, name: str, region, credit_code: str = "", description: str = "", contact_phone: str = ""
) -> Team:
    _required({"name": name.strip(), "region": region}, "name", "region")
    if Team.objects.filter(region=region, name=name.strip()).exists():
        raise InvalidInput(_("该区域已有同名服务队。"), field="name")
    team = Team.objects.create(
        name=name.strip(),
        region=region,
        credit_code=credit_code.strip().upper(),
        description=description,
        contact_phone=contact_phone.strip(),
    )
    audit.record(actor=actor, action="volunteers.team.created", target=team, data={"region": region.code})
    return team


@transaction.atomic
def team_manager_add(*, team: Team, actor, username: str) -> TeamManager:
    user = get_user_model().objects.filter(username=username.strip()).first()
    if user is None:
        raise InvalidInput(_("找不到该用户名的账号。"), field="username")
    manager, created = TeamManager.objects.get_or_create(team=team, user=user)
    if not created:
        raise DomainError(_("该用户已是本队管理员。"))
    audit.record(
        actor=actor, action="volunteers.team.manager_added", target=team, data={"user": user.username}
    )
    return manager


@transaction.atomic
def team_manager_remove(*, team: Team, actor, manager_id: int) -> None:
    deleted, _n = TeamManager.objects.filter(team=team, pk=manager_id).delete()
    if deleted:
        audit.record(
            actor=actor, action="volunteers.team.manager_removed", target=team, data={"id": manager_id}
        )


@transaction.atomic
def project_save(*, actor, team: Team, project: BrandProject | None = None, **values) -> BrandProject:
    """Create (``project`` None) or edit a brand project; values: name, area, region, goals, results…"""
    _required(values, "name", "area", "region")
    project = project or BrandProject(team=team)
    for key in ("name", "area", "region", "goals", "results", "started_on", "is_active"):
        if key in values:
            setattr(project, key, values[key])
    created = project.pk is None
    project.save()
    audit.record(
        actor=actor,
        action=f"volunteers.project.{'created' if created else 'updated'}",
        target=project,
        data={"team": team.pk},
    )
    return project


ACTIVITY_FIELDS = (
    "title",
    "description",
    "area",
    "place",
    "latitude",
    "longitude",
    "region",
    "is_risky",
    "min_age",
    "brand_project",
)


@transaction.atomic
def activity_save(
    *,
    actor,
    team: Team,
    activity: Activity | None = None,
    required_skills=(),
    required_qualifications=(),
    **values,
) -> Activity:
    _required(values, "title", "place", "region")
    project = values.get("brand_project")
    if project is not None and project.team_id != team.pk:
        raise InvalidInput(_("品牌项目须属于本服务队。"), field="brand_project")
    activity = activity or Activity(team=team, created_by=actor)
    if activity.status in (S.CLOSED, S.CANCELLED):
        raise DomainError(_("活动已结束或已取消，不能修改。"))
    for key in ACTIVITY_FIELDS:
        if key in values:
            setattr(activity, key, values[key])
    created = activity.pk is None
    activity.save()
    activity.required_skills.set(required_skills)
    activity.required_qualifications.set(required_qualifications)
    audit.record(
        actor=actor, action=f"volunteers.activity.{'created' if created else 'updated'}", target=activity
    )
    return activity


@transaction.atomic
def shift_add(
    *,
    actor,
    activity: Activity,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
    note: str = "",
    now: datetime,
) -> Shift:
    if activity.status in (S.CLOSED, S.CANCELLED):
        raise DomainError(_("活动已结束或已取消，不能增加班次。"))
    errors = {}
    if ends_at <= starts_at:
        errors["ends_at"] = _("结束时间须晚于开始时间。")
    if starts_at <= now:
        errors["starts_at"] = _("开始时间须晚于现在。")
    if capacity is None or capacity < 1:
        errors["capacity"] = _("名额至少为1。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    shift = Shift.objects.create(
        activity=activity, starts_at=starts_at, ends_at=ends_at, capacity=capacity, note=note
    )
    audit.record(actor=actor, action="volunteers.shift.created", target=shift, data={"activity": activity.pk})
    return shift


@transaction.atomic
def shift_set_capacity(*, actor, shift: Shift, capacity: int, now: datetime) -> Shift:
    """Change the number of places; new places go to the waiting list in order."""
    from minsheng.volunteers.services.signups import promote_waiting

    if capacity is None or capacity < 1:
        raise InvalidInput(_("名额至少为1。"), field="capacity")
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    confirmed = shift.signups.filter(status=SignUp.Status.CONFIRMED).count()
    if capacity < confirmed:
        raise DomainError(
            _("已有%(n)s人报名，名额不能少于已报名人数。") % {"n": confirmed}, code="capacity_below_confirmed"
        )
    old, shift.capacity = shift.capacity, capacity
    shift.save(update_fields=["capacity"])
    audit.record(
        actor=actor,
        action="volunteers.shift.capacity_changed",
        target=shift,
        data={"from": old, "to": capacity},
    )
    promote_waiting(shift=shift, actor=actor, now=now)
    return shift


@transaction.atomic
def activity_publish(*, actor, activity: Activity, now: datetime) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status != S.DRAFT:
        raise DomainError(_("只有草稿状态的活动可以发布。"))
    if not activity.shifts.filter(starts_at__gt=now).exists():
        raise DomainError(_("请先添加至少一个尚未开始的班次，再发布活动。"))
    activity.status, activity.published_at = S.PUBLISHED, now
    activity.save(update_fields=["status", "published_at", "updated_at"])
    audit.record(actor=actor, action="volunteers.activity.published", target=activity)
    return activity


@transaction.atomic
def activity_close(*, actor, activity: Activity, now: datetime) -> Activity:
    """End sign-up: the activity took place (attendance is recorded by the service records app)."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status != S.PUBLISHED:
        raise DomainError(_("只有已发布的活动可以结束。"))
    activity.status = S.CLOSED
    activity.save(update_fields=["status", "updated_at"])
    # Nobody waits for a place any more.
    SignUp.objects.filter(shift__activity=activity, status=SignUp.Status.WAITLISTED).update(
        status=SignUp.Status.CANCELLED,
        waitlist_position=None,
        cancelled_at=now,
        cancel_reason=_("活动已结束"),
    )
    audit.record(actor=actor, action="volunteers.activity.closed", target=activity)
    return activity


@transaction.atomic
def activity_cancel(*, actor, activity: Activity, now: datetime, reason: str) -> Activity:
    from minsheng.volunteers.services.signups import notify_signup

    if not (reason or "").strip():
        raise InvalidInput(_("请填写取消原因。"), field="reason")
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status in (S.CLOSED, S.CANCELLED):
        raise DomainError(_("活动已结束或已取消。"))
    activity.status = S.CANCELLED
    activity.save(update_fields=["status", "updated_at"])
    active = list(
        SignUp.objects.filter(
            shift__activity=activity, status__in=[SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED]
        ).select_related("volunteer__account", "shift")
    )
    SignUp.objects.filter(pk__in=[s.pk for s in active]).update(
        status=SignUp.Status.CANCELLED,
        waitlist_position=None,
        cancelled_at=now,
        cancel_reason=reason.strip()[:200],
    )
    for signup in active:
        notify_signup(
            signup,
            kind="activity-cancelled",
            subject=_("志愿服务活动“%(title)s”已取消") % {"title": activity.title},
            body=reason.strip(),
        )
    audit.record(
        actor=actor,
        action="volunteers.activity.cancelled",
        target=activity,
        data={"reason": reason.strip(), "signups": len(active)},
    )
    return activity


@transaction.atomic
def insurance_record(
    *, actor, activity: Activity, policy_number: str, insurer: str, now: datetime
) -> Activity:
    """Record the accident insurance of a risky activity; sign-up opens only after this."""
    errors = {}
    if not policy_number.strip():
        errors["policy_number"] = _("请填写保单号。")
    if not insurer.strip():
        errors["insurer"] = _("请填写保险公司。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    activity.insurance_policy_number = policy_number.strip()
    activity.insurance_insurer = insurer.strip()
    activity.insurance_recorded_at = now
    activity.save(
        update_fields=["insurance_policy_number", "insurance_insurer", "insurance_recorded_at", "updated_at"]
    )
    data = {"policy_number": activity.insurance_policy_number, "insurer": activity.insurance_insurer}
    audit.record(actor=actor, action="volunteers.activity.insurance_recorded", target=activity, data=data)
    return activity
