"""Who holds which role where; the one place that answers "may this user act for this unit"."""

from django.db import connection

from minsheng.accounts.roles import Role
from minsheng.orgs.models import Membership, Region, Unit


def roles_in(user, unit: Unit | None) -> frozenset[str]:
    if unit is None or not user.is_authenticated:
        return frozenset()
    return frozenset(Membership.objects.filter(user=user, unit=unit).values_list("role", flat=True))


def unit_ids_of(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("unit_id", flat=True))


def bureau_region_paths(user) -> list[str]:
    """Region paths over which the user's petition bureaus (and leaders) have oversight."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user)
        .filter(unit__kind=Unit.Kind.PETITION_BUREAU)
        .values_list("unit__region__path", flat=True)
        .distinct()
    )


def bureau_above(region: Region) -> Unit | None:
    """The petition bureau of the level above ``region`` (for 复查 and 督办)."""
    parent = region.parent
    while parent is not None:
        unit = Unit.objects.filter(kind=Unit.Kind.PETITION_BUREAU, region=parent, is_active=True).first()
        if unit:
            return unit
        parent = parent.parent
    return None


def bureau_of(region: Region) -> Unit | None:
    """The petition bureau responsible for ``region`` (its own or the nearest above)."""
    node = region
    while node is not None:
        unit = Unit.objects.filter(kind=Unit.Kind.PETITION_BUREAU, region=node, is_active=True).first()
        if unit:
            return unit
        node = node.parent
    return None


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
