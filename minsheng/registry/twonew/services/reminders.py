"""The monthly reminder to registrars: gaps (应建未建) and branches that still need a committee."""

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng.accounts.roles import Role
from minsheng.core.periods import CHINA
from minsheng.notices.services import notify
from minsheng.orgs.models import Membership, Unit
from minsheng.registry.twonew import conf, coverage
from minsheng.registry.twonew.models import Organization, PartyOrganization


@transaction.atomic
def remind_registrars(*, now: datetime) -> int:
    """Remind each registrar of a social work department once a month; returns how many were reminded.

    Idempotent: the notice key names the unit and the month, so the task may run any number of times.
    """
    month = now.astimezone(CHINA).strftime("%Y-%m")
    sent = 0
    memberships = Membership.objects.filter(
        role=Role.REGISTRAR, unit__kind=Unit.Kind.SOCIAL_WORK, unit__is_active=True
    ).select_related("user", "unit__region")
    for membership in memberships:
        path = membership.unit.region.path
        units = Organization.objects.filter(region__path__startswith=path)
        gaps = coverage.units_with_status(units, "gaps").count()
        todo = PartyOrganization.objects.filter(
            region__path__startswith=path,
            dissolved_on__isnull=True,
            members__gte=conf.get("COMMITTEE_MIN_MEMBERS"),
            has_committee=False,
        ).count()
        if not gaps and not todo:
            continue
        subject = _("两新组织：应建未建%(gaps)s个，待设支部委员会%(todo)s个") % {"gaps": gaps, "todo": todo}
        notice = notify(
            user=membership.user,
            key=f"twonew.todo.{membership.unit_id}.{month}",
            subject=subject,
            url=reverse("registry:twonew:gaps"),
        )
        sent += notice is not None
    return sent
