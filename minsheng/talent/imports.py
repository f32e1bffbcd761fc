"""Excel in and out: workers with their certificate and registration, and continuing-education records.

An upload is checked in full first (every row's errors, by row and column); nothing is written until
the registrar confirms, and a file with errors is refused as a whole unless they asked to import the
valid rows only. Each row is saved through the same services as a page, so it is audited the same way.
"""

import base64
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.core import sheets
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.sheets import CellError, Column
from minsheng.people import crypto
from minsheng.people.blind_index import id_number_index
from minsheng.people.services import Identity
from minsheng.talent import bulk, rules, selectors, services
from minsheng.talent.models import CEKind, Certificate, Field, Level, SocialWorker
from minsheng.talent.services.education import check_record
from minsheng.talent.services.workers import check_data, check_identity

WORKER_COLUMNS = (
    Column("name", gettext_lazy("姓名"), required=True),
    Column("id_number", gettext_lazy("身份证号码"), required=True),
    Column("phone", gettext_lazy("联系电话")),
    Column("region", gettext_lazy("执业区域"), required=True),
    Column("employer", gettext_lazy("工作单位"), lambda v: sheets.text(v, max_length=100)),
    Column("employer_credit_code", gettext_lazy("统一社会信用代码")),
    Column("field", gettext_lazy("服务领域"), sheets.choice(Field), required=True),
    Column("status", gettext_lazy("状态"), sheets.choice(SocialWorker.Status)),
    Column("level", gettext_lazy("证书等级"), sheets.choice(Level)),
    Column("number", gettext_lazy("证书编号"), lambda v: sheets.text(v, max_length=40)),
    Column("passed_on", gettext_lazy("考试通过日期"), sheets.day),
    Column("registered_on", gettext_lazy("登记日期"), sheets.day),
)

EDUCATION_COLUMNS = (
    Column("id_number", gettext_lazy("身份证号码")),
    Column("number", gettext_lazy("证书编号")),
    Column("kind", gettext_lazy("类型"), sheets.choice(CEKind), required=True),
    Column("title", gettext_lazy("名称"), required=True),
    Column("provider", gettext_lazy("举办机构")),
    Column("on", gettext_lazy("日期"), sheets.day, required=True),
    Column("hours", gettext_lazy("学时"), sheets.decimal, required=True),
)


def _refuse(error: InvalidInput):
    raise CellError("；".join(dict.fromkeys([*error.errors.values()] or [str(error.message)])))


@dataclass(frozen=True)
class WorkerRow:
    identity: Identity
    data: services.WorkerData
    level: str
    number: str
    passed_on: date | None
    registered_on: date | None


def import_workers(*, rows, actor, today: date, dry_run: bool, partial: bool) -> sheets.ImportReport:
    """Workers with their certificate and first registration; checked like the pages, saved in bulk.

    The checks that need the database (ID number already on the register, certificate number taken)
    read the file's values in a few queries up front, not one a row; the rows are written with
    ``bulk_create`` and the import is one audit event naming the workers it created.
    """
    regions = {}
    for r in selectors.regions_editable_by(actor):
        regions.setdefault(r.name, r)
        regions[r.code] = r
    taken_ids = _existing(
        SocialWorker.objects, "person__id_number_bi", {id_number_index(v) for v in _column(rows, "id_number")}
    )
    taken_numbers = _existing(Certificate.objects, "number", set(_column(rows, "number")))
    seen_ids: set[str] = set()
    seen_numbers: set[str] = set()

    def prepare(number: int, v: dict) -> WorkerRow:
        region = regions.get(v["region"])
        if region is None:
            raise CellError(
                _("执业区域“%(r)s”不存在或不在您的管辖范围内（可填区划代码）。") % {"r": v["region"]}
            )
        data = services.WorkerData(
            region=region,
            employer=v["employer"],
            employer_credit_code=v["employer_credit_code"],
            field=v["field"],
            status=v["status"] or SocialWorker.Status.ACTIVE,
        )
        try:
            check_data(data)
            identity = check_identity(
                Identity(name=v["name"], id_number=v["id_number"], phone=v["phone"]),
                taken=taken_ids.__contains__,
            )
        except InvalidInput as e:
            _refuse(e)
        if identity.id_number in seen_ids:
            raise CellError(_("身份证号码与本文件前面的行重复。"))
        seen_ids.add(identity.id_number)
        _check_certificate(v, today, seen_numbers, taken_numbers)
        return WorkerRow(identity, data, v["level"], v["number"], v["passed_on"], v["registered_on"])

    def save(prepared: list[WorkerRow]) -> int:
        workers = bulk.save_workers(prepared)
        audit.record(
            actor=actor,
            action="talent.workers.imported",
            data={"rows": len(workers), "workers": [w.pk for w in workers]},
        )
        return len(workers)

    return sheets.import_rows(
        rows=rows, columns=WORKER_COLUMNS, prepare=prepare, save=save, dry_run=dry_run, partial=partial
    )


def _column(rows, key: str) -> list[str]:
    """The non-empty cleaned texts of one column of the file (by its header or key)."""
    if not rows:
        return []
    col = next(c for c in WORKER_COLUMNS if c.key == key)
    names = {str(col.header), col.key}
    header = [sheets.text(c) for c in rows[0]]
    i = next((n for n, h in enumerate(header) if h in names), None)
    if i is None:
        return []
    values = []
    for row in rows[1:]:
        if i < len(row):
            try:
                value = sheets.text(row[i]).upper() if key == "id_number" else sheets.text(row[i])
            except CellError:
                continue
            if value:
                values.append(value)
    return values


def _existing(qs, field: str, values: set[str], chunk: int = 500) -> set[str]:
    values = sorted(values)
    found: set[str] = set()
    for i in range(0, len(values), chunk):
        found.update(qs.filter(**{f"{field}__in": values[i : i + chunk]}).values_list(field, flat=True))
    return found


def _check_certificate(v: dict, today: date, seen: set[str], taken: set[str]) -> None:
    number, level, passed_on, registered_on = v["number"], v["level"], v["passed_on"], v["registered_on"]
    if not number:
        if level or passed_on or registered_on:
            raise CellError(_("填写了证书等级、通过日期或登记日期时须填写证书编号。"))
        return
    problems = []
    if not level:
        problems.append(_("请填写证书等级。"))
    if passed_on is None:
        problems.append(_("请填写考试通过日期。"))
    elif passed_on > today:
        problems.append(_("考试通过日期不能晚于今天。"))
    if number in seen or number in taken:
        problems.append(_("证书编号%(n)s已登记过。") % {"n": number})
    seen.add(number)
    if registered_on and passed_on and not problems:
        if registered_on > today:
            problems.append(_("登记日期不能晚于今天。"))
        else:
            try:
                rules.check_first_registration(passed_on=passed_on, registered_on=registered_on)
            except DomainError as e:
                if e.code == "late":
                    problems.append(
                        _(
                            "取得证书已超过1年才登记，属逾期登记：请不填登记日期导入，再在页面上办理并填写情况说明。"
                        )
                    )
                else:
                    problems.append(str(e.message))
    if problems:
        raise CellError("；".join(problems))


def import_education(*, rows, actor, today: date, dry_run: bool, partial: bool) -> sheets.ImportReport:
    editable = SocialWorker.objects.filter(
        selectors.within_regions(selectors.editable_paths(actor))
    ).select_related("region")

    def prepare(number: int, v: dict):
        worker = None
        if v["number"]:
            worker = editable.filter(certificates__number=v["number"]).first()
        elif v["id_number"]:
            worker = editable.filter(person__id_number_bi=id_number_index(v["id_number"])).first()
        else:
            raise CellError(_("请填写身份证号码或证书编号。"))
        if worker is None:
            raise CellError(_("未找到该社会工作者（或不在您的管辖范围内）。"))
        try:
            values, _period = check_record(
                worker=worker, today=today, **{k: v[k] for k in ("kind", "title", "provider", "on", "hours")}
            )
        except InvalidInput as e:
            _refuse(e)
        return worker, values

    def save(prepared) -> int:
        for worker, values in prepared:
            services.ce_add(worker=worker, actor=actor, today=today, **values)
        audit.record(actor=actor, action="talent.education.imported", data={"rows": len(prepared)})
        return len(prepared)

    return sheets.import_rows(
        rows=rows, columns=EDUCATION_COLUMNS, prepare=prepare, save=save, dry_run=dry_run, partial=partial
    )


KINDS = {"workers": (WORKER_COLUMNS, import_workers), "education": (EDUCATION_COLUMNS, import_education)}


def template_workbook(kind: str) -> bytes:
    columns = KINDS[kind][0]
    return sheets.workbook_bytes([c.header for c in columns], [], title=_("导入模板"))


# -- the upload between the dry run and the confirmation: encrypted (it holds ID numbers), per user


def _pending_dir() -> Path:
    return Path(settings.DATA_DIR) / "pending" / "talent"


def keep_upload(*, content: bytes, filename: str, user) -> str:
    token = secrets.token_urlsafe(16)
    path = _pending_dir() / f"{user.pk}-{token}"
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = ".csv" if filename.lower().endswith(".csv") else ".xlsx"
    path.write_text(suffix + "\n" + crypto.encrypt(base64.b64encode(content).decode()), encoding="ascii")
    return token


def take_upload(*, token: str, user, keep: bool = False) -> tuple[bytes, str]:
    if not token.replace("-", "").replace("_", "").isalnum():
        raise InvalidInput(_("上传的文件已失效，请重新上传。"), field="file")
    path = _pending_dir() / f"{user.pk}-{token}"
    try:
        suffix, body = path.read_text(encoding="ascii").split("\n", 1)
    except (FileNotFoundError, ValueError):
        raise InvalidInput(_("上传的文件已失效，请重新上传。"), field="file") from None
    if not keep:
        path.unlink(missing_ok=True)
    return base64.b64decode(crypto.decrypt(body)), "upload" + suffix
