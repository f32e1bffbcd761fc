"""Whose area a registry page covers, shared by the registers kept by social work departments.

The registrar (登记管理员) of a social work department keeps the records of its region and every
region under it; the department's leaders read them; anyone else has no page here (403).
"""

from django.core.exceptions import PermissionDenied

from minsheng.accounts.roles import Role
from minsheng.orgs.selectors import social_work_region_paths


def read_paths(user) -> list[str]:
    return social_work_region_paths(user, roles=(Role.REGISTRAR, Role.LEADER))


def write_paths(user) -> list[str]:
    return social_work_region_paths(user, roles=(Role.REGISTRAR,))


def covers(paths: list[str], region_path: str) -> bool:
    return any(region_path.startswith(p) for p in paths)


def require_reader(user) -> list[str]:
    """The paths the user reads; ``PermissionDenied`` (403) for a user with none."""
    paths = read_paths(user)
    if not paths:
        raise PermissionDenied
    return paths


def require_registrar(user) -> list[str]:
    """The paths the user keeps; ``PermissionDenied`` (403) for a user with none."""
    paths = write_paths(user)
    if not paths:
        raise PermissionDenied
    return paths
