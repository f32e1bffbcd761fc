"""The register in Excel: import (dry run first, every row's errors reported) and export.

An exported sheet imports back unchanged: a row whose credit code (or, for a body in preparation,
whose region and name) is already in the register updates that record; other rows are new records.
A row may not change a record's state: that goes through the workflow, one body at a time.
"""

import json
import re
from collections.abc import Iterable
from functools import partial

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.core import sheets
from minsheng.core.errors import InvalidInput
from minsheng.core.sheets import CellError, Column, ImportReport
from minsheng.registry.associations import permissions
from minsheng.registry.associations.eligibility import credit_code_problem
from minsheng.registry.associations.models import Association, Industry, Kind, Level, Party
from minsheng.registry.associations.selectors import writable_areas_of
from minsheng.registry.associations.services.registry import DETAIL_FIELDS, Details, detail_problems
from minsheng.registry.associations.workflow import Decoupling, S
from minsheng.registry.credit_code import validate_credit_code

BATCH = 1000


def _credit_code(value) -> str:
    code = sheets.text(value, max_length=30)
    if not code:
        return ""
    code = validate_credit_code(code)
    problem = credit_code_problem(code)
    if problem:
        raise CellError(problem)
    return code


def _decoupling_labels() -> dict[str, str]:
    return {str(d.label): d.value for d in Decoupling} | {d.value: d.value for d in Decoupling}


DECOUPLING_ITEM = re.compile(r"^\s*(?P<label>[^（(]+?)\s*(?:[（(]\s*(?P<day>[\d./-]+)\s*[）)])?\s*$")


def _decoupling(value) -> dict[str, str]:
    """ "机构分离（2025-03-01）、职能分离" → {"institution": "2025-03-01", "functions": ""}."""
    s = sheets.text(value, max_length=500)
    done = {}
    if not s:
        return done
    by_label = _decoupling_labels()
    for item in filter(None, re.split(r"[、，,；;]", s)):
        match = DECOUPLING_ITEM.match(item)
        key = by_label.get(match.group("label")) if match else None
        if key is None:
            raise CellError(
                _("“%(item)s”不是脱钩事项；应为以下之一：%(labels)s。")
                % {"item": item.strip(), "labels": "、".join(str(d.label) for d in Decoupling)}
            )
        day = sheets.day(match.group("day")) if match.group("day") else None
        done[key] = day.isoformat() if day else ""
    return done


def _format_decoupling(done: dict) -> str:
    return "、".join(
        f"{d.label}（{done[d.value]}）" if done[d.value] else str(d.label)
        for d in Decoupling
        if d.value in done
    )


COLUMNS = (
    Column("name", gettext_lazy("名称"), partial(sheets.text, max_length=100), required=True),
    Column("credit_code", gettext_lazy("统一社会信用代码"), _credit_code),
    Column("kind", gettext_lazy("类型"), sheets.choice(Kind), required=True),
    Column("level", gettext_lazy("层级"), sheets.choice(Level), required=True),
    Column("industry", gettext_lazy("所属行业"), sheets.choice(Industry)),
    Column("region", gettext_lazy("登记地区代码"), partial(sheets.text, max_length=12), required=True),
    Column(
        "registration_unit", gettext_lazy("登记管理机关"), partial(sheets.text, max_length=100), required=True
    ),
    Column("supervising_unit", gettext_lazy("业务主管单位"), partial(sheets.text, max_length=100)),
    Column("individual_members", gettext_lazy("个人会员数"), sheets.integer),
    Column("unit_members", gettext_lazy("单位会员数"), sheets.integer),
    Column("funds", gettext_lazy("活动资金（元）"), sheets.decimal),
    Column("legal_representative", gettext_lazy("法定代表人"), partial(sheets.text, max_length=50)),
    Column("contact_person", gettext_lazy("联系人"), partial(sheets.text, max_length=50)),
    Column("contact_phone", gettext_lazy("联系电话"), partial(sheets.text, max_length=30)),
    Column("address", gettext_lazy("住所"), partial(sheets.text, max_length=200)),
    Column("registered_on", gettext_lazy("成立登记日期"), sheets.day),
    Column("status", gettext_lazy("状态"), sheets.choice(S)),
    Column("decoupling", gettext_lazy("已完成脱钩事项"), _decoupling),
    Column("party_organization", gettext_lazy("党组织"), sheets.choice(Party)),
    Column("party_members", gettext_lazy("正式党员数"), sheets.integer),
)


class _Importer:
    """``prepare`` and ``save`` for ``sheets.import_rows``, with what they look up once per file."""

    def __init__(self, *, actor, rows):
        self.actor = actor
        self.regions = {r.code: r for r in writable_areas_of(actor)}
        self.write_paths = permissions.write_paths(actor)
        self.seen_codes: dict[str, int] = {}
        self.seen_names: dict[tuple[str, str], int] = {}
        self.by_code, self.by_name = self._existing(rows)

    @staticmethod
    def _existing(rows) -> tuple[dict, dict]:
        """Records already registered under the file's credit codes, and bodies in preparation under
        the file's names (one query per 2,000)."""
        header = [sheets.text(c) for c in (rows[0] if rows else ())]
        names = {str(COLUMNS[0].header), "name"}
        codes = {str(COLUMNS[1].header), "credit_code"}
        ci = next((i for i, h in enumerate(header) if h in codes), None)
        ni = next((i for i, h in enumerate(header) if h in names), None)
        wanted_codes = {
            str(r[ci]).strip().upper() for r in rows[1:] if ci is not None and ci < len(r) and r[ci]
        }
        wanted_names = {str(r[ni]).strip() for r in rows[1:] if ni is not None and ni < len(r) and r[ni]}
        by_code, by_name = {}, {}
        codes_list = list(wanted_codes)
        for i in range(0, len(codes_list), 2000):
            for a in Association.objects.filter(credit_code__in=codes_list[i : i + 2000]).select_related(
                "region"
            ):
                by_code[a.credit_code] = a
        names_list = list(wanted_names)
        for i in range(0, len(names_list), 2000):
            for a in Association.objects.filter(credit_code__isnull=True, name__in=names_list[i : i + 2000]):
                by_name[(a.region_id, a.name)] = a
        return by_code, by_name

    def prepare(self, number: int, values: dict):
        region = self.regions.get(values["region"])
        if region is None:
            raise CellError(_("登记地区代码“%(c)s”不在您管理的地区之内。") % {"c": values["region"]})
        details = Details(**{k: values[k] for k in DETAIL_FIELDS if values.get(k) is not None})
        details.party_organization = values["party_organization"] or Party.NONE
        existing = self._match(number, details, region)
        # A blank state or decoupling cell of a known record keeps what the register says.
        default = existing.status if existing else (S.ACTIVE if values["credit_code"] else S.PREPARING)
        status = values["status"] or default
        decoupling = values["decoupling"] or (dict(existing.decoupling or {}) if existing else {})
        problems = detail_problems(details, status=status, code_checked=True)
        if decoupling and status not in (S.DECOUPLING, S.DECOUPLED, S.TRANSFORMING, S.DISSOLVED):
            problems["decoupling"] = _("只有启动过脱钩改革的行业协会商会才有已完成脱钩事项。")
        if status == S.DECOUPLED and len(decoupling) < len(Decoupling):
            problems["decoupling"] = _("“已脱钩”的行业协会商会须已完成全部五项脱钩事项。")
        if existing is not None and existing.status != status:
            problems["status"] = _("登记中的状态为“%(now)s”；状态变更请在详情页逐一办理。") % {
                "now": S(existing.status).label
            }
        if problems:
            raise CellError(" ".join(f"{_label(k)}：{m}" for k, m in problems.items()))
        return existing, region, status, details, decoupling

    def _match(self, number: int, details: Details, region) -> Association | None:
        code = details.credit_code
        if code:
            if code in self.seen_codes:
                raise CellError(_("统一社会信用代码与第%(n)s行重复。") % {"n": self.seen_codes[code]})
            self.seen_codes[code] = number
            existing = self.by_code.get(code)
            if existing is not None and not permissions.covers(self.write_paths, existing.region.path):
                raise CellError(_("统一社会信用代码“%(c)s”已由其他地区登记。") % {"c": code})
            return existing
        key = (region.code, details.name)
        if key in self.seen_names:
            raise CellError(_("与第%(n)s行为同一地区同名的筹备中组织。") % {"n": self.seen_names[key]})
        self.seen_names[key] = number
        return self.by_name.get((region.pk, details.name))

    def save(self, prepared: list) -> int:
        new, changed, changed_ids = [], [], []
        now = timezone.now()
        for existing, region, status, details, decoupling in prepared:
            if existing is None:
                values = {**vars(details), "credit_code": details.credit_code or None}
                new.append(Association(region=region, status=status, decoupling=decoupling, **values))
                continue
            touched = False
            for k, v in [*vars(details).items(), ("decoupling", decoupling), ("region", region)]:
                v = (v or None) if k == "credit_code" else v
                if getattr(existing, k) != v:
                    setattr(existing, k, v)
                    touched = True
            if touched:
                existing.updated_at = now
                changed.append(existing)
                changed_ids.append(existing.pk)
        _insert(new, now)
        Association.objects.bulk_update(
            changed, [*DETAIL_FIELDS, "decoupling", "region", "updated_at"], BATCH
        )
        audit.record(
            actor=self.actor,
            action="associations.association.imported",
            data={"created": len(new), "updated": changed_ids},
        )
        return len(new) + len(changed)


# From this many new rows on, PostgreSQL takes them by COPY (about 4× bulk_create; bench/registry_import.py).
COPY_FROM = 500


def _insert(objects: list[Association], now) -> None:
    if connection.vendor != "postgresql" or len(objects) < COPY_FROM:
        Association.objects.bulk_create(objects, batch_size=BATCH)
        return
    fields = [f for f in Association._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(Association._meta.db_table)
    for o in objects:
        o.created_at = o.updated_at = now
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for o in objects:
            copy.write_row([_copy_value(f, o) for f in fields])


def _copy_value(field, obj):
    value = getattr(obj, field.attname)
    return json.dumps(value, ensure_ascii=False) if field.get_internal_type() == "JSONField" else value


def _label(field: str) -> str:
    if field == "decoupling":
        return _("已完成脱钩事项")
    if field == "status":
        return _("状态")
    return str(Association._meta.get_field(field).verbose_name)


def association_import(
    *, actor, content: bytes, filename: str, dry_run: bool = True, partial: bool = False
) -> ImportReport:
    """Check every row of the workbook; unless ``dry_run``, save them all in one transaction, or
    (``partial``) only the valid ones. Nothing is saved while any row is wrong and ``partial`` is off."""
    if not permissions.write_paths(actor):
        raise InvalidInput(_("只有登记管理员可以导入。"), field="file")
    rows = sheets.read_table(content, filename)
    return import_table(actor=actor, rows=rows, dry_run=dry_run, partial=partial)


def import_table(*, actor, rows, dry_run: bool = True, partial: bool = False) -> ImportReport:
    importer = _Importer(actor=actor, rows=rows)
    return sheets.import_rows(
        rows=rows,
        columns=COLUMNS,
        prepare=importer.prepare,
        save=importer.save,
        dry_run=dry_run,
        partial=partial,
    )


# -- export

EXTRA_HEADERS = (gettext_lazy("登记地区"),)


def export_rows(associations: Iterable[Association]) -> Iterable[tuple]:
    for a in associations:
        yield (
            a.name,
            a.credit_code or "",
            a.get_kind_display(),
            a.get_level_display(),
            a.get_industry_display() if a.industry else "",
            a.region.code,
            a.registration_unit,
            a.supervising_unit,
            a.individual_members,
            a.unit_members,
            a.funds,
            a.legal_representative,
            a.contact_person,
            a.contact_phone,
            a.address,
            a.registered_on,
            a.get_status_display(),
            _format_decoupling(a.decoupling or {}),
            a.get_party_organization_display(),
            a.party_members,
            a.region.name,
        )


def export_workbook(associations) -> bytes:
    headers = [c.header for c in COLUMNS] + list(EXTRA_HEADERS)
    return sheets.workbook_bytes(headers, export_rows(associations), title=_("行业协会商会"))


def template_workbook() -> bytes:
    """An empty sheet with the headers, to fill in."""
    return sheets.workbook_bytes([c.header for c in COLUMNS], [], title=_("行业协会商会"))
