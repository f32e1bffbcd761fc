"""Who may do what with service records and certificates (on top of ``volunteers.permissions.Scope``).

- The organizer (a ``TeamManager`` of the record's team) records, approves, rejects and corrects the
  team's records and certifies them: 谁组织谁记录，谁记录谁证明. Another team's manager sees nothing.
- A registrar of a social work department reads the records of its region, corrects and imports them,
  and issues certificates in the department's name; a leader of the department reads.
- A volunteer sees only their own records and certificates (portal).
"""

from minsheng.accounts.roles import Role
from minsheng.orgs.models import Membership, Unit
from minsheng.volunteers.permissions import Scope
from minsheng.volunteers.service.models import ServiceRecord


def may_decide(scope: Scope, record: ServiceRecord) -> bool:
    return record.team_id in scope.team_ids


def may_correct(scope: Scope, record: ServiceRecord) -> bool:
    return record.team_id in scope.team_ids or scope.covers(record.region.path, write=True)


def issuing_units(user) -> list[Unit]:
    """Social work departments in whose name ``user`` (their registrar) may certify."""
    if not user.is_authenticated:
        return []
    return list(
        Unit.objects.filter(
            kind=Unit.Kind.SOCIAL_WORK,
            is_active=True,
            pk__in=Membership.objects.filter(user=user, role=Role.REGISTRAR).values("unit_id"),
        ).select_related("region")
    )
