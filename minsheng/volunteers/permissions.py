"""Who may read and write what in volunteer administration.

- A registrar (登记管理员) of a social work department reads and writes every team, activity and
  volunteer of its region subtree; a leader of such a department reads them.
- A team manager (the "organizer", listed in ``TeamManager``) reads and writes its own teams, their
  brand projects, activities, shifts and sign-ups, and sees (masked) the volunteers of its teams and
  those signed up for its activities.
- Anyone else: a staff page answers 403, a record 404.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from minsheng.accounts.roles import Role
from minsheng.orgs.selectors import social_work_region_paths
from minsheng.volunteers.models import Team, TeamManager


@dataclass(frozen=True)
class Scope:
    write_paths: tuple[str, ...] = ()
    read_paths: tuple[str, ...] = ()
    team_ids: frozenset[int] = frozenset()

    @property
    def is_staff(self) -> bool:
        return bool(self.read_paths or self.team_ids)

    @property
    def is_registrar(self) -> bool:
        return bool(self.write_paths)

    def covers(self, path: str, *, write: bool) -> bool:
        return any(path.startswith(p) for p in (self.write_paths if write else self.read_paths))

    def may_write_team(self, team: Team) -> bool:
        return team.pk in self.team_ids or self.covers(team.region.path, write=True)

    def may_read_team(self, team: Team) -> bool:
        return team.pk in self.team_ids or self.covers(team.region.path, write=False)


def scope_of(user) -> Scope:
    if not user.is_authenticated:
        return Scope()
    return Scope(
        write_paths=tuple(social_work_region_paths(user, roles=(Role.REGISTRAR,))),
        read_paths=tuple(social_work_region_paths(user)),
        team_ids=frozenset(TeamManager.objects.filter(user=user).values_list("team_id", flat=True)),
    )


def require_staff(scope: Scope) -> None:
    if not scope.is_staff:
        raise PermissionDenied


def require_registrar(scope: Scope) -> None:
    if not scope.is_registrar:
        raise PermissionDenied


def require_team_write(scope: Scope, team: Team) -> None:
    if not scope.may_write_team(team):
        raise PermissionDenied


def may_unmask_volunteer(scope: Scope, volunteer) -> bool:
    """Clear identity data is for the registrar of the volunteer's area only (and audited)."""
    return scope.covers(volunteer.region.path, write=True)
