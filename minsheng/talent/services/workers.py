"""The register of social workers: who they are, where they practise, for whom they work."""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import InvalidInput
from minsheng.orgs.models import Region
from minsheng.people.blind_index import id_number_index
from minsheng.people.services import Identity, person_record
from minsheng.people.validators import check_id_number, check_phone
from minsheng.talent import selectors
from minsheng.talent.models import Field, SocialWorker

# GB 32100: 18 characters of digits and capitals without I, O, S, V, Z.
CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")


@dataclass(frozen=True)
class WorkerData:
    region: Region
    employer: str = ""
    employer_credit_code: str = ""
    field: str = Field.COMMUNITY
    status: str = SocialWorker.Status.ACTIVE


def check_region(actor, region: Region | None) -> Region:
    """A registrar keeps only the workers of its own area."""
    if region is None:
        raise InvalidInput(_("请选择执业区域。"), field="region")
    if not selectors.may_edit_region(actor, region):
        raise InvalidInput(_("执业区域不在您所在社会工作部门的管辖范围内。"), field="region")
    return region


def check_data(data: WorkerData) -> WorkerData:
    errors = {}
    if data.field not in Field.values:
        errors["field"] = _("服务领域不正确。")
    if data.status not in SocialWorker.Status.values:
        errors["status"] = _("状态不正确。")
    code = (data.employer_credit_code or "").strip().upper()
    if code and not CREDIT_CODE.fullmatch(code):
        errors["employer_credit_code"] = _("统一社会信用代码应为18位数字或大写字母。")
    if code and not data.employer.strip():
        errors["employer"] = _("填写了统一社会信用代码时须填写工作单位名称。")
    if len(data.employer.strip()) > 100:
        errors["employer"] = _("工作单位名称不能超过100个字符。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    return data


def check_identity(identity: Identity, *, worker: SocialWorker | None = None, taken=None) -> Identity:
    """Clean and check name, ID number and phone; ``taken(blind_index)`` answers "already a worker?"
    (an import passes a set read in one query instead of one query a row)."""
    errors = {}
    if not identity.name.strip():
        errors["name"] = _("请填写姓名。")
    elif len(identity.name.strip()) > 60:
        errors["name"] = _("姓名不能超过60个字符。")
    id_number = ""
    try:
        id_number = check_id_number(identity.id_number) if identity.id_number else ""
        if not id_number:
            errors["id_number"] = _("请填写身份证号码。")
    except InvalidInput as e:
        errors["id_number"] = str(e.message)
    try:
        phone = check_phone(identity.phone) if identity.phone else ""
    except InvalidInput as e:
        errors["phone"], phone = str(e.message), ""
    if id_number and "id_number" not in errors:
        if taken is not None:
            exists = taken(id_number_index(id_number))
        else:
            others = SocialWorker.objects.filter(person__id_number_bi=id_number_index(id_number))
            exists = (others.exclude(pk=worker.pk) if worker is not None else others).exists()
        if exists:
            errors["id_number"] = _("该身份证号码已在社会工作者名册中。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    return Identity(name=identity.name.strip(), id_number=id_number, phone=phone)


@transaction.atomic
def worker_create(*, identity: Identity, data: WorkerData, actor) -> SocialWorker:
    check_region(actor, data.region)
    check_data(data)
    identity = check_identity(identity)
    person = person_record(identity=identity, actor=actor)
    worker = SocialWorker.objects.create(
        person=person,
        region=data.region,
        employer=data.employer.strip(),
        employer_credit_code=data.employer_credit_code.strip().upper(),
        field=data.field,
        status=data.status,
    )
    audit.record(
        actor=actor,
        action="talent.worker.created",
        target=worker,
        data={**_summary(worker), "id_number": identity.id_number, "phone": identity.phone},
        sensitive=("id_number", "phone"),
    )
    return worker


@transaction.atomic
def worker_update(
    *, worker: SocialWorker, data: WorkerData, actor, identity: Identity | None = None
) -> SocialWorker:
    """Change where and for whom a worker practises; ``identity`` (all of it) corrects name/ID/phone."""
    check_region(actor, worker.region)  # may keep this record at all
    check_region(actor, data.region)  # and may move it there
    check_data(data)
    before = _summary(worker)
    changed_identity = False
    if identity is not None:
        identity = check_identity(identity, worker=worker)
        worker.person = person_record(identity=identity, actor=actor)
        changed_identity = True
    worker.region = data.region
    worker.employer = data.employer.strip()
    worker.employer_credit_code = data.employer_credit_code.strip().upper()
    worker.field = data.field
    worker.status = data.status
    worker.save()
    after = _summary(worker)
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    audit.record(
        actor=actor,
        action="talent.worker.updated",
        target=worker,
        data={"changes": changes, "identity": "***" if changed_identity else ""},
    )
    return worker


def _summary(worker: SocialWorker) -> dict:
    return {
        "region": worker.region.code,
        "employer": worker.employer,
        "employer_credit_code": worker.employer_credit_code,
        "field": worker.field,
        "status": worker.status,
    }
