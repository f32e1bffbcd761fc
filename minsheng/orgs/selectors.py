"""Who holds which role where; the one place that answers "may this user act for this unit"."""

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
