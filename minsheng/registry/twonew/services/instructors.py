"""Party-building instructors (党建指导员) and their assignment to units without an organization."""

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.orgs.models import Region
from minsheng.people import crypto
from minsheng.people.masking import mask_phone
from minsheng.people.validators import check_phone
from minsheng.registry.twonew import selectors
from minsheng.registry.twonew.models import Instructor, Organization


@transaction.atomic
def instructor_create(
    *, actor, name: str, region: Region, phone: str = "", work_unit: str = ""
) -> Instructor:
    selectors.require_editor(actor, region)
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("请填写姓名。"), field="name")
    phone = check_phone(phone) if (phone or "").strip() else ""
    instructor = Instructor.objects.create(
        name=name,
        region=region,
        work_unit=(work_unit or "").strip(),
        phone_encrypted=crypto.encrypt(phone),
        phone_masked=mask_phone(phone),
    )
    audit.record(
        actor=actor,
        action="twonew.instructor.created",
        target=instructor,
        data={"name": name, "region": region.code, "phone": phone, "work_unit": instructor.work_unit},
        sensitive=("phone",),
    )
    return instructor


@transaction.atomic
def instructor_assign(*, actor, instructor: Instructor, units: list[Organization]) -> int:
    """Send ``instructor`` to ``units`` (one, or many ticked on the gap list); returns how many changed.

    Only units without a party organization get an instructor: a covered unit is guided by its own.
    """
    if not instructor.active:
        raise DomainError(_("该党建指导员已不在岗。"))
    selectors.require_editor(actor, instructor.region)
    ids = sorted({u.pk for u in units})
    if not ids:
        raise InvalidInput(_("请选择单位。"), field="units")
    locked = list(Organization.objects.select_for_update().filter(pk__in=ids).select_related("region"))
    for unit in locked:
        selectors.require_editor(actor, unit.region)
        if unit.coverage:
            raise DomainError(_("%(unit)s已建立党组织，无需派党建指导员。") % {"unit": unit.name})
    changed = [u for u in locked if u.instructor_id != instructor.pk]
    Organization.objects.filter(pk__in=[u.pk for u in changed]).update(instructor=instructor)
    for unit in changed:
        audit.record(
            actor=actor,
            action="twonew.unit.instructor_assigned",
            target=unit,
            data={"instructor": instructor.pk, "previous": unit.instructor_id},
        )
    return len(changed)


@transaction.atomic
def instructor_unassign(*, actor, organization: Organization) -> Organization:
    unit = Organization.objects.select_for_update().select_related("region").get(pk=organization.pk)
    selectors.require_editor(actor, unit.region)
    if unit.instructor_id is None:
        return unit
    previous = unit.instructor_id
    unit.instructor = None
    unit.save(update_fields=["instructor", "updated_at"])
    audit.record(
        actor=actor, action="twonew.unit.instructor_removed", target=unit, data={"previous": previous}
    )
    return unit
