"""Sign-up and cancellation: the gates, the waiting list, promotion, and reminders."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError
from minsheng.core.periods import CHINA
from minsheng.volunteers import conf
from minsheng.volunteers.models import Activity, Shift, SignUp, Volunteer
from minsheng.volunteers.services.registration import age_on

St = SignUp.Status
ACTIVE = (St.CONFIRMED, St.WAITLISTED)


def when(dt: datetime) -> str:
    return date_format(dt.astimezone(CHINA), "Y-m-d H:i")


def notify_signup(signup: SignUp, *, kind: str, subject: str, body: str = "") -> None:
    account = signup.volunteer.account
    if account is None:
        return
    from minsheng.notices.services import notify

    notify(
        user=account,
        key=f"{kind}:{signup.pk}",
        subject=subject,
        body=body,
        url=reverse("volunteers_public:mine"),
    )


def missing_requirements(activity: Activity, volunteer: Volunteer) -> list[str]:
    """Names of the required skills and qualifications the volunteer does not have."""
    have = set(volunteer.skills.values_list("pk", flat=True))
    required = list(activity.required_skills.all()) + list(activity.required_qualifications.all())
    return sorted({s.name for s in required if s.pk not in have})


def refusal(*, shift: Shift, volunteer: Volunteer, now: datetime) -> DomainError | None:
    """Why this volunteer may not sign up for this shift now (None: they may)."""
    activity = shift.activity
    if volunteer.status != Volunteer.Status.ACTIVE:
        return DomainError(_("您的志愿者身份目前不可用，不能报名。"), code="inactive")
    if activity.status != Activity.Status.PUBLISHED:
        return DomainError(_("该活动当前不接受报名。"), code="not_published")
    if shift.starts_at <= now:
        return DomainError(_("该班次已开始或已结束，不能报名。"), code="started")
    if activity.insurance_missing:
        return DomainError(
            _("该活动有一定风险，组织方登记保险后才能报名，请稍后再来。"), code="insurance_missing"
        )
    if (
        activity.min_age
        and age_on(volunteer.birth_date, shift.starts_at.astimezone(CHINA).date()) < activity.min_age
    ):
        return DomainError(_("该活动要求年满%(age)s周岁。") % {"age": activity.min_age}, code="age")
    missing = missing_requirements(activity, volunteer)
    if missing:
        return DomainError(
            _("该活动要求具备以下技能或资质，您尚未登记：%(names)s。") % {"names": "、".join(missing)},
            code="requirements",
        )
    mine = SignUp.objects.filter(volunteer=volunteer, status__in=ACTIVE)
    if mine.filter(shift=shift).exists():
        return DomainError(_("您已报名该班次。"), code="duplicate")
    clash = (
        mine.filter(shift__starts_at__lt=shift.ends_at, shift__ends_at__gt=shift.starts_at)
        .select_related("shift__activity")
        .first()
    )
    if clash is not None:
        return DomainError(
            _("该班次与您已报名的“%(title)s”（%(when)s）时间冲突。")
            % {"title": clash.shift.activity.title, "when": when(clash.shift.starts_at)},
            code="overlap",
        )
    return None


@transaction.atomic
def signup_create(*, shift: Shift, volunteer: Volunteer, actor, now: datetime) -> SignUp:
    """Sign up; a full shift puts the volunteer on its waiting list (a later cancellation promotes)."""
    shift = Shift.objects.select_for_update().select_related("activity").get(pk=shift.pk)
    error = refusal(shift=shift, volunteer=volunteer, now=now)
    if error is not None:
        raise error
    active = shift.signups.filter(status__in=ACTIVE)
    confirmed = active.filter(status=St.CONFIRMED).count()
    signup = SignUp(shift=shift, volunteer=volunteer, created_at=now)
    if confirmed < shift.capacity and not active.filter(status=St.WAITLISTED).exists():
        signup.status, signup.confirmed_at = St.CONFIRMED, now
    else:
        last = active.aggregate(m=Max("waitlist_position"))["m"] or 0
        signup.status, signup.waitlist_position = St.WAITLISTED, last + 1
    try:
        with transaction.atomic():
            signup.save()
    except IntegrityError:
        raise DomainError(_("您已报名该班次。"), code="duplicate") from None
    audit.record(
        actor=actor,
        action="volunteers.signup.created",
        target=signup,
        data={"shift": shift.pk, "status": signup.status},
    )
    return signup


@transaction.atomic
def signup_cancel(*, signup: SignUp, actor, now: datetime, reason: str = "") -> SignUp:
    """Cancel before the shift starts; a freed place goes to the first on the waiting list."""
    shift = Shift.objects.select_for_update().select_related("activity").get(pk=signup.shift_id)
    signup = SignUp.objects.select_for_update().get(pk=signup.pk)
    if signup.status == St.CANCELLED:
        raise DomainError(_("该报名已取消。"), code="cancelled")
    if shift.starts_at <= now:
        raise DomainError(_("班次已开始，不能取消报名。"), code="started")
    was = signup.status
    signup.status, signup.waitlist_position = St.CANCELLED, None
    signup.cancelled_at, signup.cancel_reason = now, (reason or "").strip()[:200]
    signup.save(update_fields=["status", "waitlist_position", "cancelled_at", "cancel_reason"])
    audit.record(
        actor=actor,
        action="volunteers.signup.cancelled",
        target=signup,
        data={"was": was, "reason": signup.cancel_reason},
    )
    if was == St.CONFIRMED:
        promote_waiting(shift=shift, actor=actor, now=now)
    return signup


def promote_waiting(*, shift: Shift, actor, now: datetime) -> list[SignUp]:
    """Fill free places from the waiting list in order (caller holds the shift's row lock)."""
    free = shift.capacity - shift.signups.filter(status=St.CONFIRMED).count()
    if free <= 0 or shift.activity.status != Activity.Status.PUBLISHED:
        return []
    promoted = list(
        shift.signups.filter(status=St.WAITLISTED)
        .select_related("volunteer__account")
        .order_by("waitlist_position", "created_at", "id")[:free]
    )
    for signup in promoted:
        signup.status, signup.waitlist_position, signup.confirmed_at = St.CONFIRMED, None, now
        signup.save(update_fields=["status", "waitlist_position", "confirmed_at"])
        audit.record(
            actor=actor, action="volunteers.signup.promoted", target=signup, data={"shift": shift.pk}
        )
        notify_signup(
            signup,
            kind="signup-promoted",
            subject=_("候补成功：您已获得“%(title)s”（%(when)s）的名额")
            % {"title": shift.activity.title, "when": when(shift.starts_at)},
        )
    return promoted


def reminders_due(*, now: datetime):
    """Confirmed sign-ups of shifts starting within ``REMINDER_HOURS`` whose volunteer has an account."""
    return (
        SignUp.objects.filter(
            status=St.CONFIRMED,
            shift__starts_at__gt=now,
            shift__starts_at__lte=now + timedelta(hours=conf.get("REMINDER_HOURS")),
            shift__activity__status=Activity.Status.PUBLISHED,
            volunteer__account__isnull=False,
        )
        .select_related("volunteer__account", "shift__activity")
        .order_by("shift__starts_at", "id")
    )


def send_shift_reminders(*, now: datetime) -> int:
    """Remind each signed-up volunteer the day before; ``notify`` is idempotent per key."""
    from minsheng.notices.services import notify

    sent = 0
    for signup in reminders_due(now=now).iterator(chunk_size=500):
        activity = signup.shift.activity
        notice = notify(
            user=signup.volunteer.account,
            key=f"shift-reminder:{signup.pk}",
            subject=_("志愿服务提醒：“%(title)s”将于%(when)s开始")
            % {"title": activity.title, "when": when(signup.shift.starts_at)},
            body=_("地点：%(place)s。如不能参加，请提前取消报名，以便候补的志愿者参加。")
            % {"place": activity.place},
            url=reverse("volunteers_public:mine"),
        )
        sent += notice is not None
    return sent
