"""Who may read and write the registry of an area.

The registrar (登记管理员) of a social work department reads and writes the records of its region and
every area under it; the department's leader reads them. Anyone else has no page here (403), and a
record outside one's areas does not exist (404).
"""

from django.core.exceptions import PermissionDenied

from minsheng.accounts.roles import Role
from minsheng.orgs.selectors import social_work_region_paths


def _memo(user, name: str, roles) -> list[str]:
    # A page asks several times; the answer is kept on the request's user object (one request long).
    cache = user.__dict__.setdefault("_newemployment_paths", {})
    if name not in cache:
        cache[name] = social_work_region_paths(user, roles=roles)
    return cache[name]


def read_paths(user) -> list[str]:
    return _memo(user, "read", (Role.REGISTRAR, Role.LEADER))


def write_paths(user) -> list[str]:
    return _memo(user, "write", (Role.REGISTRAR,))


def in_paths(region, paths: list[str]) -> bool:
    return region is not None and any(region.path.startswith(p) for p in paths)


def require_reader(user) -> list[str]:
    """The user's readable region paths; 403 for staff with no social-work role here."""
    paths = read_paths(user)
    if not paths:
        raise PermissionDenied
    return paths


def require_writer(user) -> list[str]:
    paths = write_paths(user)
    if not paths:
        raise PermissionDenied
    return paths


def can_write(user, region) -> bool:
    return in_paths(region, write_paths(user))
