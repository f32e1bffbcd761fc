"""Who may do what in the association register.

The registrar (登记管理员) of a social work department keeps the register of its region and every
region under it; the leaders of that department read it; nobody else sees it (a record is a 404, a
staff page a 403).
"""

from django.utils.translation import gettext as _

from minsheng.accounts.roles import Role
from minsheng.core.errors import DomainError
from minsheng.registry.scope import covers, read_paths, require_reader, require_registrar, write_paths

# The area rules are the registry's (``registry.scope``); the views ask them here with the rest.
__all__ = [
    "covers",
    "ensure_registrar_of",
    "read_paths",
    "require_reader",
    "require_registrar",
    "roles_for",
    "write_paths",
]


def roles_for(user, association) -> frozenset[str]:
    """REGISTRAR where the user keeps the record's region, LEADER where it only reads it."""
    path = association.region.path
    if covers(write_paths(user), path):
        return frozenset({Role.REGISTRAR})
    if covers(read_paths(user), path):
        return frozenset({Role.LEADER})
    return frozenset()


def ensure_registrar_of(user, region_path: str) -> None:
    """For services: the actor must keep the register of ``region_path``."""
    if not covers(write_paths(user), region_path):
        raise DomainError(_("您不是该地区的登记管理员，不能修改其行业协会商会登记信息。"), code="forbidden")
