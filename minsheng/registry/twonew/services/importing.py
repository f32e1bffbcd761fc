"""Import and export of the unit registry (Excel), with ``core.sheets``' semantics: a dry run reports
every row's errors; nothing is written while any row is wrong unless a partial import was asked for.

A row whose credit code is already registered in the registrar's area updates that unit; a code
registered elsewhere is refused (each unit is kept by the area it is in).
"""

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.core import sheets
from minsheng.core.sheets import CellError, Column
from minsheng.registry.credit_code import validate_credit_code
from minsheng.registry.twonew import rules, selectors
from minsheng.registry.twonew.models import Coverage, Industry, Organization

BATCH = 2000
UPDATED_FIELDS = ("kind", "name", "region", "industry", "employees", "full_members", "probationary_members",
                  "operating", "party_contact")  # fmt: skip


def _operating(value) -> bool:
    # An empty cell means "in business": the usual case, and what a new row in the sheet describes.
    return True if value in (None, "") else sheets.boolean(value)


def _name(value) -> str:
    return sheets.text(value, max_length=100)


def _contact(value) -> str:
    return sheets.text(value, max_length=40)


def _choice(choices):
    """``sheets.choice`` with the labels translated once per import, not once per cell."""
    known = {str(label): stored for stored, label in choices.choices} | {v: v for v in choices.values}
    slow = sheets.choice(choices)  # its message, for a value that is not known

    def parse(value):
        s = sheets.text(value)
        if not s:
            return ""
        return known[s] if s in known else slow(s)

    return parse


def columns(regions: dict | None = None) -> list[Column]:
    def region(value):
        code = sheets.text(value, max_length=12)
        if not code:
            return None
        if regions is None or code not in regions:
            raise CellError(_("区划代码%(code)s不存在或不在您的管辖范围内。") % {"code": code})
        return regions[code]

    return [
        Column("name", gettext_lazy("单位名称"), _name, required=True),
        Column("credit_code", gettext_lazy("统一社会信用代码"), validate_credit_code, required=True),
        Column("kind", gettext_lazy("类型"), _choice(Organization.Kind), required=True),
        Column("region", gettext_lazy("区划代码"), region, required=True),
        Column("industry", gettext_lazy("行业"), _choice(Industry), required=True),
        Column("employees", gettext_lazy("从业人员数"), sheets.integer),
        Column("full_members", gettext_lazy("正式党员数"), sheets.integer),
        Column("probationary_members", gettext_lazy("预备党员数"), sheets.integer),
        Column("operating", gettext_lazy("是否在营"), _operating),
        Column("party_contact", gettext_lazy("党建联络员"), _contact),
    ]


COLUMNS = columns()


def _codes_in(rows, cols) -> set[str]:
    header = [sheets.text(c) for c in rows[0]] if rows else []
    names = {str(cols[1].header), cols[1].key}
    i = next((n for n, c in enumerate(header) if c in names), None)
    if i is None:
        return set()
    return {str(r[i]).strip().upper() for r in rows[1:] if i < len(r) and r[i] not in (None, "")}


def _existing(codes: set[str]) -> dict[str, tuple[int, str]]:
    found, codes = {}, sorted(codes)
    for start in range(0, len(codes), 900):
        chunk = codes[start : start + 900]
        for pk, code, path in Organization.objects.filter(credit_code__in=chunk).values_list(
            "pk", "credit_code", "region__path"
        ):
            found[code] = (pk, path)
    return found


def units_import(*, actor, rows, filename: str = "", dry_run: bool = True, partial: bool = False):
    """Check (and unless ``dry_run``, save) ``rows`` read by ``sheets.read_table``; returns the report."""
    selectors.require_reader(actor)
    regions = {r.code: r for r in selectors.regions_editable_by(actor)}
    if not regions:
        raise PermissionDenied
    cols = columns(regions)
    existing = _existing(_codes_in(rows, cols))
    seen: dict[str, int] = {}
    paths = selectors.edit_paths(actor)

    def prepare(number: int, values: dict):
        code = values["credit_code"]
        if code in seen:
            raise CellError(_("统一社会信用代码与第%(row)s行重复。") % {"row": seen[code]})
        seen[code] = number
        counts = ("employees", "full_members", "probationary_members")
        values = {k: (0 if v is None and k in counts else v) for k, v in values.items()}
        if values["full_members"] + values["probationary_members"] > values["employees"]:
            raise CellError(_("党员人数（正式+预备）不能多于从业人员数。"))
        pk = None
        if code in existing:
            pk, path = existing[code]
            if not any(path.startswith(p) for p in paths):
                raise CellError(_("该统一社会信用代码已在其他地区登记。"))
        return pk, values

    def save(prepared) -> int:
        return _save(prepared)

    report = sheets.import_rows(
        rows=rows, columns=cols, prepare=prepare, save=save, dry_run=dry_run, partial=partial
    )
    if report.saved:
        with transaction.atomic():
            audit.record(
                actor=actor,
                action="twonew.units.imported",
                data={"file": filename, "rows": report.rows, "saved": report.saved, "partial": partial,
                      "errors": len(report.errors)},
            )  # fmt: skip
    return report


def _save(prepared) -> int:
    # New units go in by executemany: building a model instance per row cost five times the insert.
    now = timezone.now()
    new = [
        (v["kind"], v["name"], v["credit_code"], v["region"].pk, v["industry"], v["employees"],
         v["full_members"], v["probationary_members"], v["operating"], v["party_contact"], Coverage.NONE,
         now, now)
        for pk, v in prepared
        if pk is None
    ]  # fmt: skip
    table = connection.ops.quote_name(Organization._meta.db_table)
    sql = (
        f"INSERT INTO {table} (kind, name, credit_code, region_id, industry, employees, full_members,"
        " probationary_members, operating, party_contact, coverage, created_at, updated_at)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(new), BATCH):
            cursor.executemany(sql, new[start : start + BATCH])
    changed = []
    for pk, values in prepared:
        if pk is not None:
            values = {k: v for k, v in values.items() if k != "credit_code"}
            changed.append(Organization(pk=pk, **values))
    for start in range(0, len(changed), BATCH):
        Organization.objects.bulk_update(changed[start : start + BATCH], UPDATED_FIELDS)
    return len(new) + len(changed)


# -- export


def export_headers() -> list:
    return [c.header for c in COLUMNS] + [
        gettext_lazy("所在区域"),
        gettext_lazy("组织覆盖"),
        gettext_lazy("应建未建"),
        gettext_lazy("党建指导员"),
    ]


def export_rows(units):
    """Rows of the export: the import's columns first (so an export can be edited and re-imported)."""
    kinds, industries, cover = dict(Organization.Kind.choices), dict(Industry.choices), dict(Coverage.choices)
    yes, no = _("是"), _("否")
    fields = ("name", "credit_code", "kind", "region__code", "industry", "employees", "full_members",
              "probationary_members", "operating", "party_contact", "region__name", "coverage",
              "instructor__name")  # fmt: skip
    for row in units.order_by("region__code", "name", "pk").values_list(*fields).iterator(chunk_size=2000):
        values = dict(zip(fields, row, strict=True))
        gap = rules.is_gap(
            operating=values["operating"], full_members=values["full_members"], coverage=values["coverage"]
        )
        yield (
            values["name"],
            values["credit_code"],
            str(kinds.get(values["kind"], values["kind"])),
            values["region__code"],
            str(industries.get(values["industry"], values["industry"])),
            values["employees"],
            values["full_members"],
            values["probationary_members"],
            yes if values["operating"] else no,
            values["party_contact"],
            values["region__name"],
            str(cover.get(values["coverage"], "")),
            yes if gap else no,
            values["instructor__name"] or "",
        )
