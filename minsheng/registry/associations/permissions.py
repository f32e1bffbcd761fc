"""Who may do what in the association register.

The registrar (登记管理员) of a social work department keeps the register of its region and every
region under it; the leaders of that department read it; nobody else sees it (a record is a 404, a
staff page a 403).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from minsheng.accounts.roles import Role
from minsheng.core.errors import DomainError
from minsheng.orgs.selectors import social_work_region_paths


def read_paths(user) -> list[str]:
    return social_work_region_paths(user, roles=(Role.REGISTRAR, Role.LEADER))


def write_paths(user) -> list[str]:
    return social_work_region_paths(user, roles=(Role.REGISTRAR,))


def covers(paths: list[str], region_path: str) -> bool:
    return any(region_path.startswith(p) for p in paths)


def roles_for(user, association) -> frozenset[str]:
    """REGISTRAR where the user keeps the record's region, LEADER where it only reads it."""
    path = association.region.path
    if covers(write_paths(user), path):
        return frozenset({Role.REGISTRAR})
    if covers(read_paths(user), path):
        return frozenset({Role.LEADER})
    return frozenset()


def require_reader(user) -> list[str]:
    """The paths the user reads; ``PermissionDenied`` (403) for a user with none."""
    paths = read_paths(user)
    if not paths:
        raise PermissionDenied
    return paths


def require_registrar(user) -> list[str]:
    paths = write_paths(user)
    if not paths:
        raise PermissionDenied
    return paths


def ensure_registrar_of(user, region_path: str) -> None:
    """For services: the actor must keep the register of ``region_path``."""
    if not covers(write_paths(user), region_path):
        raise DomainError(_("您不是该地区的登记管理员，不能修改其行业协会商会登记信息。"), code="forbidden")
