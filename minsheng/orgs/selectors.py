"""Who holds which role where; the one place that answers "may this user act for this unit"."""

from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Q

from minsheng.accounts.roles import Role
from minsheng.orgs.models import DutyItem, Membership, Region, Unit


def roles_in(user, unit: Unit | None) -> frozenset[str]:
    if unit is None or not user.is_authenticated:
        return frozenset()
    return frozenset(Membership.objects.filter(user=user, unit=unit).values_list("role", flat=True))


def unit_ids_of(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("unit_id", flat=True))


def unit_region_paths(user, *, kind: str, roles=None) -> list[str]:
    """Region paths of the user's units of ``kind`` (where they hold one of ``roles``, if given)."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user=user, unit__kind=kind)
    if roles is not None:
        memberships = memberships.filter(role__in=list(roles))
    return list(memberships.values_list("unit__region__path", flat=True).distinct())


def units_and_bureau_paths(user) -> tuple[set[int], list[str]]:
    """``unit_ids_of`` and ``bureau_region_paths`` from one query: every list of cases asks both."""
    if not user.is_authenticated:
        return set(), []
    rows = Membership.objects.filter(user=user).values_list("unit_id", "unit__kind", "unit__region__path")
    units, paths = set(), set()
    for unit, kind, path in rows:
        units.add(unit)
        if kind == Unit.Kind.PETITION_BUREAU:
            paths.add(path)
    return units, sorted(paths)


def bureau_region_paths(user) -> list[str]:
    """Region paths over which the user's petition bureaus (and leaders) have oversight."""
    return unit_region_paths(user, kind=Unit.Kind.PETITION_BUREAU)


def social_work_region_paths(user, roles=(Role.REGISTRAR, Role.LEADER)) -> list[str]:
    """Region paths of the user's social work departments (社会工作部门) where they hold ``roles``.

    Registries, volunteer records and social-work talent are kept by area: a registrar of a county
    sees and edits the records of that county and every street and community under it.
    """
    return unit_region_paths(user, kind=Unit.Kind.SOCIAL_WORK, roles=roles)


def within_regions(paths: list[str], field: str = "region__path") -> Q:
    """A filter for rows whose region lies in one of ``paths`` (matches nothing when empty)."""
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__startswith": p}) for p in paths))


def nearest_unit(region: Region | None, kind: str) -> Unit | None:
    """The active unit of ``kind`` in ``region`` or, failing that, the nearest region above it."""
    while region is not None:
        unit = Unit.objects.filter(kind=kind, region=region, is_active=True).first()
        if unit:
            return unit
        region = region.parent
    return None


def bureau_above(region: Region) -> Unit | None:
    """The petition bureau of the level above ``region`` (for 复查 and 督办)."""
    return nearest_unit(region.parent, Unit.Kind.PETITION_BUREAU)


def bureau_of(region: Region) -> Unit | None:
    """The petition bureau responsible for ``region`` (its own or the nearest above)."""
    return nearest_unit(region, Unit.Kind.PETITION_BUREAU)


def clerk_bureaus(user) -> list[Unit]:
    """The active petition bureaus where ``user`` is a clerk: only they register petitions.

    Each unit carries ``region_path`` (its region's ``path``). Read afresh on every request, so a clerk
    taken off a bureau is refused at once; in plain SQL, because building this three-table join with
    the ORM cost several times what the database spends on it, on every intake.
    """
    unit, membership, region = (
        connection.ops.quote_name(m._meta.db_table) for m in (Unit, Membership, Region)
    )
    return list(
        Unit.objects.raw(
            f"SELECT u.*, r.path AS region_path FROM {membership} m"
            f" JOIN {unit} u ON u.id = m.unit_id JOIN {region} r ON r.id = u.region_id"
            " WHERE m.user_id = %s AND m.role = %s AND u.kind = %s AND u.is_active = %s ORDER BY m.id",
            [user.pk, Role.CLERK.value, Unit.Kind.PETITION_BUREAU.value, True],
        )
    )


def intake_bureau(bureaus: list[Unit], region: Region) -> Unit:
    """Of a clerk's bureaus (from ``clerk_bureaus``), the one that registers a matter in ``region``:
    the nearest above it, else the first."""
    above = [b for b in bureaus if region.path.startswith(b.region_path)]
    return max(above, key=lambda b: len(b.region_path)) if above else bureaus[0]


def duty_list_allows(region: Region, code: str) -> bool:
    """职责清单: may a matter (``code``) be given to this street/township or community to lead?

    A region whose list is empty has not published one yet and is not restricted; once it has, a
    matter outside it must be led by a department ("小马拉大车" is what the list exists to stop).
    """
    items = DutyItem.objects.filter(region=region)
    return not items.exists() or items.filter(code=code).exists()
