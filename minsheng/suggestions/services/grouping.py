"""议题: the office groups similar suggestions so that a unit studies and answers one issue once."""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.orgs.models import Unit
from minsheng.suggestions.models import Suggestion, SuggestionGroup
from minsheng.suggestions.permissions import is_office_clerk
from minsheng.suggestions.services.transitions import take
from minsheng.suggestions.workflow import OPEN, S


@transaction.atomic
def suggestions_group(
    *,
    suggestions: list[Suggestion],
    actor,
    now: datetime,
    title: str = "",
    group: SuggestionGroup | None = None,
) -> SuggestionGroup:
    """Put open suggestions of one office into ``group`` (a new one named ``title`` when None).

    Members are studied by one unit: a received member joins the unit already studying the group
    (and its study clock starts); members being studied by different units cannot be grouped.
    """
    if group is not None:  # as stored: the caller's copy may predate an assignment
        group = SuggestionGroup.objects.select_for_update().get(pk=group.pk)
    members = list(
        Suggestion.objects.select_for_update().filter(pk__in=[s.pk for s in suggestions]).order_by("id")
    )
    if group is None and len(members) < 2:
        raise InvalidInput(_("请至少选择两条建议合并为一个议题。"), field="suggestions")
    if not members:
        raise InvalidInput(_("请选择要加入议题的建议。"), field="suggestions")
    offices = {m.office_id for m in members} | ({group.office_id} if group else set())
    if len(offices) != 1 or not is_office_clerk(actor, offices.pop()):
        raise DomainError(_("只有征集办公室的登记员可以合并本办公室的建议。"), code="forbidden")
    for m in members:
        if m.status not in OPEN:
            raise DomainError(
                _("建议%(number)s已办结或已转出，不能加入议题。") % {"number": m.number}, code="wrong_state"
            )
        if m.group_id and (group is None or m.group_id != group.pk):
            raise DomainError(_("建议%(number)s已在其他议题中。") % {"number": m.number}, code="grouped")
    units = {m.study_unit_id for m in members if m.status == S.STUDYING}
    if group is not None and group.study_unit_id:
        units.add(group.study_unit_id)
    if len(units) > 1:
        raise DomainError(_("所选建议正由不同单位研究，不能合并为一个议题。"), code="units")
    if group is None:
        title = (title or "").strip() or members[0].title
        group = SuggestionGroup.objects.create(
            office_id=members[0].office_id, title=title[:120], created_by=actor
        )
    study_unit_id = units.pop() if units else None
    if study_unit_id and group.study_unit_id != study_unit_id:
        group.study_unit_id = study_unit_id
        group.save(update_fields=["study_unit", "updated_at"])
    Suggestion.objects.filter(pk__in=[m.pk for m in members]).update(group=group)
    unit = Unit.objects.get(pk=study_unit_id) if study_unit_id else None
    for m in members:
        if m.status == S.RECEIVED and unit is not None:
            take(
                "assign",
                suggestion=m,
                actor=actor,
                now=now,
                update={"study_unit": unit, "assigned_at": now},
                data={"group": group.pk},
            )
    audit.record(
        actor=actor,
        action="suggestions.group.joined",
        target=group,
        data={"title": group.title, "numbers": [m.number for m in members]},
    )
    return group


@transaction.atomic
def suggestion_ungroup(*, suggestion: Suggestion, actor) -> Suggestion:
    """Take an open suggestion out of its group (it is then studied on its own)."""
    locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if not is_office_clerk(actor, locked.office_id):
        raise DomainError(_("只有征集办公室的登记员可以调整议题。"), code="forbidden")
    if locked.group_id is None:
        raise DomainError(_("该建议不在议题中。"), code="not_grouped")
    if locked.status not in OPEN:
        raise DomainError(_("已办结的建议不能移出议题。"), code="wrong_state")
    group_id = locked.group_id
    locked.group = None
    locked.save(update_fields=["group", "updated_at"])
    audit.record(
        actor=actor,
        action="suggestions.suggestion.ungrouped",
        target=locked,
        data={"number": locked.number, "group": group_id},
    )
    return locked
