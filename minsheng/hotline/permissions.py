"""Who may do what to an order, and who may see the requester."""

from minsheng.accounts.roles import Role
from minsheng.hotline.models import Order
from minsheng.orgs.models import Membership, Unit


def roles_by_unit(user, order: Order) -> dict[str, frozenset[str]]:
    """Roles of ``user`` in the order's hotline centre ("centre") and its handling unit ("current")."""
    if user is None or not user.is_authenticated:
        return {}
    wanted = {order.centre_id, order.unit_id} - {None}
    held: dict[int, set[str]] = {}
    for unit_id, role in Membership.objects.filter(user=user, unit_id__in=wanted).values_list(
        "unit_id", "role"
    ):
        held.setdefault(unit_id, set()).add(role)
    return {
        "centre": frozenset(held.get(order.centre_id, ())),
        "current": frozenset(held.get(order.unit_id, ())) if order.unit_id else frozenset(),
    }


def may_unmask(user, order: Order, roles: dict | None = None) -> bool:
    """The centre may see who called; the handling unit too, except the informant of a 举报
    (DESIGN.md §3: the identity of informants never reaches the unit). Copies give no right."""
    if order.requester_id is None:
        return False
    roles = roles_by_unit(user, order) if roles is None else roles
    if roles.get("centre"):
        return True
    return bool(roles.get("current")) and not order.is_report


def hides_requester(user, order: Order, roles: dict | None = None) -> bool:
    """Whether the page must not even show the masked requester (a 举报 seen from outside the centre)."""
    if not order.is_report:
        return False
    return not (roles_by_unit(user, order) if roles is None else roles).get("centre")


def centres_of(user, roles=(Role.OPERATOR, Role.HEAD, Role.LEADER)) -> list[Unit]:
    """The hotline centres where the user holds one of ``roles``."""
    if not user.is_authenticated:
        return []
    return list(
        Unit.objects.filter(
            kind=Unit.Kind.HOTLINE_CENTRE,
            is_active=True,
            memberships__user=user,
            memberships__role__in=list(roles),
        )
        .select_related("region")
        .distinct()
    )


def oversight_region_paths(user) -> list[str]:
    """Areas whose rates and rankings the user may read: their hotline centres' and governments'."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(
            user=user, unit__kind__in=[Unit.Kind.HOTLINE_CENTRE, Unit.Kind.GOVERNMENT], unit__is_active=True
        )
        .values_list("unit__region__path", flat=True)
        .distinct()
    )
