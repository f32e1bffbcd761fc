"""Who may do what to a case: roles by the unit that counts for each step, and who may see identities."""

from django.db.models import BooleanField, ExpressionWrapper, Q

from minsheng.accounts.roles import CITIZEN, Role
from minsheng.orgs.models import Membership
from minsheng.orgs.selectors import roles_in, unit_ids_of
from minsheng.petitions.models import Petition


def roles_by_unit(user, petition: Petition) -> dict[str, frozenset[str]]:
    """Roles of ``user`` in the case's current, intake and review units (see ``Step.unit``).

    Until a case is routed (and again after an objection) the intake bureau is the unit in charge,
    so its roles are the "current" ones: that is how its clerk may redirect a registered case.
    """
    if user is None or not user.is_authenticated:
        return {}
    current = petition.unit_id or petition.intake_unit_id
    wanted = {current, petition.intake_unit_id, petition.review_unit_id} - {None}
    held: dict[int, set[str]] = {}
    for unit_id, role in Membership.objects.filter(user=user, unit_id__in=wanted).values_list(
        "unit_id", "role"
    ):
        held.setdefault(unit_id, set()).add(role)
    result = {
        "current": frozenset(held.get(current, ())),
        "intake": frozenset(held.get(petition.intake_unit_id, ())),
        "review": frozenset(held.get(petition.review_unit_id, ())),
    }
    if is_petitioner(user, petition):
        result = {key: roles | {CITIZEN} for key, roles in result.items()}
    return result


def citizen_roles() -> dict[str, frozenset[str]]:
    """A petitioner proven by number and query code, acting without an account."""
    return {"current": frozenset({CITIZEN}), "intake": frozenset({CITIZEN}), "review": frozenset({CITIZEN})}


def is_petitioner(user, petition: Petition) -> bool:
    return bool(user and user.is_authenticated and petition.account_id == user.pk)


def is_accused(user, petition: Petition) -> bool:
    """The unit complained about must never learn who complained (Arts. 30, 46)."""
    return accused_among(petition, unit_ids_of(user))


def accused_among(petition: Petition, unit_ids: set[int]) -> bool:
    """``is_accused`` for lists: the viewer's unit ids are read once for all rows."""
    return petition.accused_unit_id is not None and petition.accused_unit_id in unit_ids


def may_see_petitioner_files(user, petition: Petition) -> bool:
    """The petitioner's files (an ID card, a signed letter) name them: never for the accused unit."""
    return not is_accused(user, petition)


def accused_flag(unit_ids: set[int]) -> ExpressionWrapper:
    """``accused_among`` inside a query: true on the rows whose accused unit is one of ``unit_ids``."""
    return ExpressionWrapper(Q(accused_unit_id__in=list(unit_ids)), output_field=BooleanField())


def may_unmask(user, petition: Petition) -> bool:
    """Staff handling the case may see the petitioner's identity; the accused unit never."""
    if petition.petitioner_id is None or is_accused(user, petition):
        return False
    return any(roles_by_unit(user, petition).values())


# 领导接访下访: who in a unit schedules its reception days and receives the matters booked there.
RECEPTION_ORGANIZERS = frozenset({Role.CLERK, Role.HEAD, Role.LEADER})


def may_organize_receptions(user, unit) -> bool:
    return bool(roles_in(user, unit) & RECEPTION_ORGANIZERS)
