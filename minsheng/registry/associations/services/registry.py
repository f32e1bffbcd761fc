"""Writes to the register: every one keyword-only, atomic, with an actor, and audited."""

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.orgs.models import Region
from minsheng.registry.associations import permissions, workflow
from minsheng.registry.associations.eligibility import credit_code_problem, eligibility_problems
from minsheng.registry.associations.models import Association, Party
from minsheng.registry.associations.workflow import Decoupling, S
from minsheng.registry.credit_code import validate_credit_code

# Kept out of the audit log in clear: a personal phone number of the contact person.
SENSITIVE = ("contact_phone",)


@dataclass
class Details:
    """What staff type about a body (everything but its region and state)."""

    name: str
    kind: str
    level: str
    registration_unit: str
    credit_code: str = ""
    industry: str = ""
    supervising_unit: str = ""
    individual_members: int = 0
    unit_members: int = 0
    funds: Decimal = Decimal(0)
    legal_representative: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    address: str = ""
    registered_on: date | None = None
    party_organization: str = Party.NONE
    party_members: int = 0


DETAIL_FIELDS = tuple(f.name for f in fields(Details))


def detail_problems(details: Details, *, status: str, code_checked: bool = False) -> dict[str, str]:
    """Field → message for everything wrong with ``details`` in ``status`` (no database reads).

    Normalizes ``details.credit_code`` in place when it is valid; ``code_checked`` skips that when the
    caller (the import's column parser) has validated it already.
    """
    problems: dict[str, str] = {}
    if not details.name.strip():
        problems["name"] = _("请填写名称。")
    if not details.registration_unit.strip():
        problems["registration_unit"] = _("请填写登记管理机关。")
    if details.credit_code and not code_checked:
        try:
            details.credit_code = validate_credit_code(details.credit_code)
        except InvalidInput as e:
            problems["credit_code"] = str(e.message)
        else:
            prefix = credit_code_problem(details.credit_code)
            if prefix:
                problems["credit_code"] = prefix
    elif not details.credit_code and status != S.PREPARING:
        problems["credit_code"] = _("已登记的行业协会商会须填写统一社会信用代码。")
    if status != S.PREPARING and details.registered_on is None:
        problems["registered_on"] = _("已登记的行业协会商会须填写成立登记日期。")
    if details.party_organization != Party.NONE and details.party_members < 1:
        problems["party_members"] = _("已建立党组织的，请填写正式党员数。")
    # A dissolved body's historic figures are kept as they were.
    if status != S.DISSOLVED:
        problems.update(
            eligibility_problems(
                level=details.level,
                individual_members=details.individual_members,
                unit_members=details.unit_members,
                funds=details.funds,
            )
        )
    return problems


def _check(details: Details, *, status: str, exclude_pk: int | None = None) -> None:
    problems = detail_problems(details, status=status)
    if details.credit_code and "credit_code" not in problems:
        taken = Association.objects.filter(credit_code=details.credit_code).exclude(pk=exclude_pk)
        if taken.exists():
            problems["credit_code"] = _("统一社会信用代码“%(c)s”已登记。") % {"c": details.credit_code}
    if problems:
        raise InvalidInput(" ".join(problems.values()), errors=problems)


def _apply(association: Association, details: Details) -> dict[str, list]:
    changed = {}
    for name, value in asdict(details).items():
        if name == "credit_code":
            value = value or None
        old = getattr(association, name)
        if old != value:
            changed[name] = [old, value]
            setattr(association, name, value)
    return changed


CREATE_STATES = (S.PREPARING, S.ACTIVE)


@transaction.atomic
def association_create(
    *, actor, region: Region, details: Details, status: str = S.PREPARING, now: datetime
) -> Association:
    """Enter a body in the register: in preparation (筹备), or already registered (an existing body)."""
    permissions.ensure_registrar_of(actor, region.path)
    if status not in CREATE_STATES:
        raise InvalidInput(_("新登记的行业协会商会只能为“筹备中”或“正常”。"), field="status")
    _check(details, status=status)
    association = Association(region=region, status=status)
    _apply(association, details)
    association.save()
    audit.record(
        actor=actor,
        action="associations.association.created",
        target=association,
        data={"region": region.code, "status": status, **_audit_view(details)},
        sensitive=SENSITIVE,
    )
    return association


@transaction.atomic
def association_update(*, association: Association, actor, details: Details, region: Region | None = None):
    """Correct a body's details; the state changes only through ``association_step``."""
    association = Association.objects.select_for_update().select_related("region").get(pk=association.pk)
    permissions.ensure_registrar_of(actor, association.region.path)
    _check(details, status=association.status, exclude_pk=association.pk)
    changed = _apply(association, details)
    if region is not None and region.pk != association.region_id:
        permissions.ensure_registrar_of(actor, region.path)
        changed["region"] = [association.region.code, region.code]
        association.region = region
    if not changed:
        return association
    association.save()
    # Old and new values of each changed field; a changed phone number is noted, not copied into the log.
    data = {"changed": {k: [_plain(v) for v in pair] for k, pair in changed.items() if k not in SENSITIVE}}
    data.update({k: "changed" for k in SENSITIVE if k in changed})
    audit.record(actor=actor, action="associations.association.updated", target=association, data=data)
    return association


@transaction.atomic
def association_step(*, association: Association, actor, name: str, reason: str = "", now: datetime):
    """Take a step of ``workflow.STEPS`` (approve, start/finish decoupling, transform, dissolve)."""
    association = Association.objects.select_for_update().select_related("region").get(pk=association.pk)
    step = workflow.step(name, association.status, permissions.roles_for(actor, association))
    reason = (reason or "").strip()
    if step.needs_reason and not reason:
        raise InvalidInput(_("请填写“%(step)s”的原因。") % {"step": step.label}, field="reason")
    if name == "approve":
        if association.registered_on is None:
            association.registered_on = now.date()
        _check(details_of(association), status=S.ACTIVE, exclude_pk=association.pk)
    if name == "finish_decoupling":
        missing = [d.label for d in Decoupling if d.value not in (association.decoupling or {})]
        if missing:
            raise DomainError(
                _("脱钩事项尚未全部完成：%(steps)s。") % {"steps": "、".join(str(m) for m in missing)},
                code="decoupling_incomplete",
            )
    before = association.status
    association.status = step.target
    association.status_reason = reason[:200]
    association.save(update_fields=["status", "status_reason", "registered_on", "updated_at"])
    audit.record(
        actor=actor,
        action=f"associations.association.{name}",
        target=association,
        data={"from": before, "to": step.target, "reason": reason},
    )
    return association


@transaction.atomic
def association_record_decoupling(
    *, association: Association, actor, step: str, done_on: date | None, now: datetime
) -> Association:
    """Mark one of the five separations done on ``done_on`` (or not done, with None)."""
    association = Association.objects.select_for_update().select_related("region").get(pk=association.pk)
    permissions.ensure_registrar_of(actor, association.region.path)
    if association.status != S.DECOUPLING:
        raise DomainError(_("只有“脱钩改革中”的行业协会商会才能登记脱钩事项。"), code="wrong_state")
    if step not in Decoupling.values:
        raise InvalidInput(_("没有这一脱钩事项。"), field="step")
    if done_on is not None and done_on > now.date():
        raise InvalidInput(_("完成日期不能晚于今天。"), field="done_on")
    done = dict(association.decoupling or {})
    if done_on is None:
        done.pop(step, None)
    else:
        done[step] = done_on.isoformat()
    association.decoupling = done
    association.save(update_fields=["decoupling", "updated_at"])
    audit.record(
        actor=actor,
        action="associations.association.decoupling_recorded",
        target=association,
        data={"step": step, "done_on": done_on.isoformat() if done_on else None},
    )
    return association


def details_of(association: Association) -> Details:
    values = {name: getattr(association, name) for name in DETAIL_FIELDS}
    values["credit_code"] = values["credit_code"] or ""
    return Details(**values)


def _plain(value):
    return (
        value.isoformat()
        if isinstance(value, date)
        else (str(value) if isinstance(value, Decimal) else value)
    )


def _audit_view(details: Details) -> dict:
    return {k: _plain(v) for k, v in asdict(details).items()}
