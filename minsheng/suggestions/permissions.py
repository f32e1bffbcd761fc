"""Who may do what to a suggestion: roles by the unit that counts for each step, and who sees identities.

The office (征集办公室) is a social work department's clerks (and its leaders, who read). The study
unit sees the matter but never the proposer: people speak more freely when the unit they criticise
cannot learn who they are.
"""

from minsheng.accounts.roles import CITIZEN, Role
from minsheng.orgs.models import Membership, Unit
from minsheng.suggestions.models import Suggestion, Topic

OFFICE_ROLES = (Role.CLERK, Role.LEADER)


def office_unit_ids(user, roles=OFFICE_ROLES) -> set[int]:
    """Social work departments where ``user`` holds ``roles``: the offices they work for."""
    if user is None or not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, unit__kind=Unit.Kind.SOCIAL_WORK, role__in=list(roles))
        .values_list("unit_id", flat=True)
        .distinct()
    )


def is_office_clerk(user, office_id: int) -> bool:
    return office_id in office_unit_ids(user, roles=(Role.CLERK,))


def roles_by_unit(user, suggestion: Suggestion) -> dict[str, frozenset[str]]:
    """Roles of ``user`` in the suggestion's office and study unit (see ``Step.unit``)."""
    if user is None or not user.is_authenticated:
        return {}
    wanted = {suggestion.office_id, suggestion.study_unit_id} - {None}
    held: dict[int, set[str]] = {}
    for unit_id, role in Membership.objects.filter(user=user, unit_id__in=wanted).values_list(
        "unit_id", "role"
    ):
        held.setdefault(unit_id, set()).add(role)
    result = {
        "office": frozenset(held.get(suggestion.office_id, ())),
        "study": frozenset(held.get(suggestion.study_unit_id, ())),
    }
    if is_proposer(user, suggestion):
        result = {key: roles | {CITIZEN} for key, roles in result.items()}
    return result


def citizen_roles() -> dict[str, frozenset[str]]:
    """A proposer proven by number and query code, acting without an account."""
    return {"office": frozenset({CITIZEN}), "study": frozenset({CITIZEN})}


def is_proposer(user, suggestion: Suggestion) -> bool:
    return bool(user and user.is_authenticated and suggestion.account_id == user.pk)


def is_office(user, suggestion: Suggestion) -> bool:
    return suggestion.office_id in office_unit_ids(user)


def may_unmask(user, suggestion: Suggestion) -> bool:
    """Only the office sees the proposer's identity; a study unit never does."""
    return is_office(user, suggestion)


def may_manage_topic(user, topic: Topic) -> bool:
    return is_office_clerk(user, topic.office_id)
