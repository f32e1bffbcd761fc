"""Reminders to organizers: records waiting for approval, and check-ins never checked out.

Idempotent per (manager, team, day) through ``notify``'s key, so the periodic task may run any number
of times a day and each manager hears once a day at most.
"""

from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng.core.periods import CHINA
from minsheng.notices.services import notify
from minsheng.volunteers.models import TeamManager
from minsheng.volunteers.service import conf
from minsheng.volunteers.service.models import ServiceRecord, Status

PENDING_AFTER = timedelta(days=3)


def remind_organizers(*, now: datetime) -> int:
    grace = timedelta(hours=conf.get("CHECKIN_GRACE_HOURS"))
    waiting = (
        ServiceRecord.objects.filter(status=Status.PENDING)
        .filter(
            Q(check_out_at__isnull=False, check_out_at__lt=now - PENDING_AFTER)
            | Q(check_out_at__isnull=True, shift__ends_at__lt=now - grace)
        )
        .values("team_id")
        .annotate(
            pending=Count("id", filter=Q(check_out_at__isnull=False)),
            open=Count("id", filter=Q(check_out_at__isnull=True)),
        )
    )
    by_team = {row["team_id"]: row for row in waiting}
    if not by_team:
        return 0
    day = now.astimezone(CHINA).date().isoformat()
    url = reverse("volunteer_service:records") + "?status=pending"
    sent = 0
    for manager in TeamManager.objects.filter(team_id__in=list(by_team)).select_related("user", "team"):
        row = by_team[manager.team_id]
        body = _("%(team)s：%(pending)s条服务记录待审核，%(open)s条签到未签退需补录。") % {
            "team": manager.team.name, "pending": row["pending"], "open": row["open"],
        }  # fmt: skip
        if notify(
            user=manager.user,
            key=f"volunteer_service.waiting:{manager.team_id}:{day}",
            subject=_("志愿服务记录待处理"),
            body=body,
            url=url,
        ):
            sent += 1
    return sent
