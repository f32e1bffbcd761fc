"""Registering and editing a unit."""

from dataclasses import asdict, dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import InvalidInput
from minsheng.orgs.models import Region
from minsheng.registry.credit_code import validate_credit_code
from minsheng.registry.twonew import selectors
from minsheng.registry.twonew.models import Industry, Organization

FIELDS = (
    "kind",
    "name",
    "credit_code",
    "region",
    "industry",
    "employees",
    "full_members",
    "probationary_members",
    "operating",
    "party_contact",
)


@dataclass
class UnitData:
    kind: str
    name: str
    credit_code: str
    region: Region
    industry: str
    employees: int = 0
    full_members: int = 0
    probationary_members: int = 0
    operating: bool = True
    party_contact: str = ""


def clean_unit(data: UnitData) -> UnitData:
    """Normalize ``data`` or raise ``InvalidInput`` naming every wrong field (also used by the import)."""
    errors = {}
    try:
        data.credit_code = validate_credit_code(data.credit_code)
    except InvalidInput as e:
        errors["credit_code"] = str(e.message)
    data.name = (data.name or "").strip()
    if not data.name:
        errors["name"] = _("请填写单位名称。")
    if data.kind not in Organization.Kind.values:
        errors["kind"] = _("请选择单位类型。")
    if data.industry not in Industry.values:
        errors["industry"] = _("请选择行业。")
    for key in ("employees", "full_members", "probationary_members"):
        if getattr(data, key) is None or getattr(data, key) < 0:
            errors[key] = _("须为不小于0的整数。")
    if not errors and data.full_members + data.probationary_members > max(data.employees, 0):
        errors["employees"] = _("党员人数（正式+预备）不能多于从业人员数。")
    if errors:
        raise InvalidInput(_("请检查填写的内容。"), errors=errors)
    return data


def _values(data: UnitData) -> dict:
    return {k: v for k, v in asdict(data).items() if k != "region"} | {"region": data.region}


def _audit_data(org: Organization) -> dict:
    return {k: (getattr(org, k).code if k == "region" else getattr(org, k)) for k in FIELDS}


@transaction.atomic
def unit_create(*, actor, data: UnitData) -> Organization:
    selectors.require_editor(actor, data.region)
    clean_unit(data)
    if Organization.objects.filter(credit_code=data.credit_code).exists():
        raise InvalidInput(_("该统一社会信用代码已登记。"), field="credit_code")
    try:
        with transaction.atomic():
            org = Organization.objects.create(**_values(data))
    except IntegrityError:
        raise InvalidInput(_("该统一社会信用代码已登记。"), field="credit_code") from None
    audit.record(actor=actor, action="twonew.unit.created", target=org, data=_audit_data(org))
    return org


@transaction.atomic
def unit_update(*, actor, organization: Organization, data: UnitData) -> Organization:
    org = Organization.objects.select_for_update().get(pk=organization.pk)
    selectors.require_editor(actor, org.region)
    selectors.require_editor(actor, data.region)
    clean_unit(data)
    if Organization.objects.filter(credit_code=data.credit_code).exclude(pk=org.pk).exists():
        raise InvalidInput(_("该统一社会信用代码已登记。"), field="credit_code")
    before = _audit_data(org)
    for key, value in _values(data).items():
        setattr(org, key, value)
    org.save()
    after = _audit_data(org)
    changed = {k: [before[k], after[k]] for k in FIELDS if before[k] != after[k]}
    if changed:
        audit.record(actor=actor, action="twonew.unit.updated", target=org, data={"changed": changed})
    return org
