"""The demo's reference data: regions, units, staff logins with one generated password, categories."""

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password

from minsheng.accounts.models import ApiToken, User
from minsheng.orgs.models import Membership, Region, Unit
from minsheng.petitions.models import Category

from . import data

PASSWORD_FILE = "demo_password.txt"
# No 0/o, 1/l/i: the password is read off a terminal and typed into a login form.
_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


@dataclass
class DemoWorld:
    regions: dict[str, Region] = field(default_factory=dict)  # by code
    units: dict[str, Unit] = field(default_factory=dict)  # by key of data.UNITS
    users: dict[str, User] = field(default_factory=dict)  # by username
    categories: dict[str, Category] = field(default_factory=dict)  # by code
    kept_users: list[str] = field(default_factory=list)  # existed before the seed; password untouched

    def unit_key(self, unit: Unit | None) -> str | None:
        return next((k for k, u in self.units.items() if unit is not None and u.pk == unit.pk), None)


def password_path() -> Path:
    return Path(settings.DATA_DIR) / PASSWORD_FILE


def demo_password() -> tuple[str, bool]:
    """The demo password kept in DATA_DIR, generated on first use: (password, newly generated)."""
    path = password_path()
    if path.exists():
        text = path.read_text(encoding="utf-8").strip()
        if text:
            return text, False
    password = "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(3))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return password, True


def is_seeded() -> bool:
    return Region.objects.filter(code=data.MARKER_REGION).exists()


def build(password: str) -> DemoWorld:
    """Create regions, units, categories and users (users that already exist are left as they are)."""
    w = DemoWorld()
    for code, name, level, parent in data.REGIONS:
        w.regions[code] = Region.objects.create(
            code=code, name=name, level=level, parent=w.regions[parent] if parent else None
        )
    for key, (name, short, kind, region) in data.UNITS.items():
        w.units[key] = Unit.objects.create(name=name, short_name=short, kind=kind, region=w.regions[region])
    for code, name, children in data.CATEGORIES:
        top, _ = Category.objects.get_or_create(code=code, defaults={"name": name})
        w.categories[code] = top
        for child_code, child_name in children:
            w.categories[child_code], _ = Category.objects.get_or_create(
                code=child_code, defaults={"name": child_name, "parent": top}
            )
    # One hash for all: hashing is deliberately slow, and every demo login shares the password.
    hashed = make_password(password)
    for username, (display, _what, memberships, extra) in data.USERS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create(username=username, password=hashed, display_name=display, **extra)
        else:
            w.kept_users.append(username)
        for unit_key, roles in memberships:
            for role in roles:
                Membership.objects.get_or_create(user=user, unit=w.units[unit_key], role=role)
        w.users[username] = user
    return w


def reset_passwords(password: str) -> int:
    """Give every demo login the (new) password: used when the password file was lost."""
    return User.objects.filter(username__in=data.USERS).update(password=make_password(password))


def issue_clerk_token(world: DemoWorld) -> str:
    """An API token for the clerk; only its hash is kept, so it is shown once."""
    _token, key = ApiToken.issue(user=world.users["clerk"], name="演示：外部系统登记接口")
    return key
