"""This domain's part of `manage.py demo_seed` (runs after the volunteers demo).

Attendance for the past shifts' confirmed sign-ups (most approved, some waiting for the organizer), one
audited correction, imported paper history so that star levels vary, and a certificate for the demo
user "volunteer" whose verification address is printed.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from minsheng.core.periods import CHINA
from minsheng.volunteers.models import ServiceArea, Shift, SignUp, Team, Volunteer
from minsheng.volunteers.service import services
from minsheng.volunteers.service.documents import verify_url
from minsheng.volunteers.service.models import ServiceRecord, Source, Status
from minsheng.volunteers.service.services.certificates import Issuer

# Hours of paper history (before the platform) given to the first volunteers, for varied star levels.
HISTORY_HOURS = (112, 340, 96, 620, 45, 150)


def _actor_for(team: Team, demo):
    manager = team.managers.select_related("user").first()
    return manager.user if manager else demo.users["registrar"]


def _attendance(demo, *, now, rng) -> tuple[int, int]:
    approved = pending = 0
    past = (
        Shift.objects.filter(ends_at__lt=now - timedelta(hours=1))
        .select_related("activity__team")
        .order_by("starts_at")
    )
    for shift in past:
        actor = _actor_for(shift.activity.team, demo)
        to_approve = []
        for signup in shift.signups.filter(status=SignUp.Status.CONFIRMED).select_related("volunteer"):
            v = signup.volunteer
            arrive = shift.starts_at + timedelta(minutes=rng.randint(-20, 10))
            leave = shift.ends_at + timedelta(minutes=rng.randint(-30, 25))
            services.check_in(shift=shift, volunteer=v, actor=v.account, now=arrive)
            record = services.check_out(shift=shift, volunteer=v, actor=v.account, now=leave)
            if rng.random() < 0.8:
                to_approve.append(record)
            else:
                pending += 1
        if to_approve:
            approved += services.records_approve(
                records=to_approve, actor=actor, now=shift.ends_at + timedelta(days=1)
            )
    return approved, pending


def _history(demo, *, now) -> int:
    team = Team.objects.order_by("id").first()
    volunteers = list(Volunteer.objects.order_by("id")[: len(HISTORY_HOURS)])
    actor = _actor_for(team, demo)
    made = []
    for v, total in zip(volunteers, HISTORY_HOURS, strict=False):
        # Paper history: 4-hour services every 5 days, ending two months ago (clear of the demo's shifts).
        remaining, n = total * 60, 0
        while remaining > 0:
            minutes = min(240, remaining)
            start = (now - timedelta(days=60 + 5 * n)).astimezone(CHINA).replace(hour=9, minute=0)
            made.append(
                ServiceRecord(
                    volunteer=v,
                    team=team,
                    region_id=team.region_id,
                    area=ServiceArea.ELDERLY,
                    title=_("历史服务（纸质台账导入）"),
                    check_in_at=start,
                    check_out_at=start + timedelta(minutes=minutes),
                    minutes=minutes,
                    source=Source.IMPORT,
                    status=Status.APPROVED,
                    decided_by=actor,
                    decided_at=now - timedelta(days=200),
                )
            )
            remaining -= minutes
            n += 1
    ServiceRecord.objects.bulk_create(made)
    return len(made)


def seed(demo, *, now, rng) -> list[str]:
    approved, pending = _attendance(demo, now=now, rng=rng)
    imported = _history(demo, now=now)
    services.recompute()

    lines = [
        _("志愿服务记录：签到记录已认定%(a)s条、待审核%(p)s条，导入历史记录%(i)s条。")
        % {"a": approved, "p": pending, "i": imported}
    ]
    # One correction by the organizer, audited with before/after.
    corrected = (
        ServiceRecord.objects.filter(status=Status.APPROVED, shift__isnull=False).order_by("id").first()
    )
    if corrected is not None:
        actor = _actor_for(corrected.team, demo)
        services.record_correct(
            record=corrected, check_in_at=corrected.shift.starts_at, check_out_at=corrected.shift.ends_at,
            reason=_("志愿者签退时手机没电，按现场签到表更正"), actor=actor, now=now,
        )  # fmt: skip
    user = demo.users.get("volunteer")
    holder = Volunteer.objects.filter(account=user).first() if user else None
    if holder is not None:
        team = (
            Team.objects.filter(service_records__volunteer=holder, service_records__status=Status.APPROVED)
            .order_by("id")
            .first()
        )
        if team is not None:
            cert = services.certificate_issue(
                volunteer=holder, issuer=Issuer(team=team), actor=_actor_for(team, demo), now=now
            )
            lines.append(
                _("志愿服务证明：%(issuer)s为演示志愿者（volunteer）出具，%(h)s小时，核验地址 %(url)s")
                % {"issuer": cert.issuer_name, "h": cert.hours, "url": verify_url(cert.code)}
            )
    lines.append(
        _("志愿服务：组织者（organizer）在 %(staff)s 审核、打开签到二维码；志愿者在 %(me)s 查看时长与星级。")
        % {
            "staff": settings.MINSHENG_BASE_URL + "/volunteers/service/",
            "me": settings.MINSHENG_BASE_URL + "/portal/service/",
        }
    )
    return lines
