"""Bulk import of historical cases from CSV or Excel (`manage.py import_cases`).

One pass over the file: each row is checked in Python (required cells, dates, known codes and
units, ID number and phone) and the good ones are written in batches — COPY on PostgreSQL,
``executemany`` on SQLite — inside one transaction. When any row is wrong the transaction is rolled
back and nothing is imported, unless a partial import was asked for; a dry run checks everything and
writes nothing. A case whose number is already in the database is skipped, so importing the same
file twice imports it once. Petitioners are matched by ID number (blind index) with the people already
on record and within the file; their personal data is encrypted as intake does it.

Imported cases are history: they get no audit events of their own; one event records the import.
"""

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as dtime

from django.db import connection, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core import uploads
from minsheng.core.bulk import BulkWriter, suspend_indexes
from minsheng.core.errors import InvalidInput
from minsheng.core.numbers import new_query_code
from minsheng.core.periods import CHINA
from minsheng.core.sheets import ImportReport, RowError
from minsheng.orgs.models import Region, Unit
from minsheng.people import crypto, masking
from minsheng.people.blind_index import id_number_index, name_index, phone_index
from minsheng.people.models import Person
from minsheng.people.validators import check_id_number, check_phone
from minsheng.petitions.models import Category, Petition
from minsheng.petitions.workflow import TERMINAL, Channel, Kind, Outcome, S

BATCH = 20_000
# header → key; the key itself is accepted as a header too
COLUMNS = {
    "信访件编号": "number", "收到日期": "received", "信访渠道": "channel", "信访类别": "kind",
    "标题": "title", "诉求": "request", "事实": "facts", "分类代码": "category", "问题属地代码": "region",
    "登记单位": "intake_unit", "责任单位": "unit", "状态": "status", "办结日期": "closed",
    "处理结果": "outcome", "信访人姓名": "name", "身份证号": "id_number", "电话": "phone", "地址": "address",
}  # fmt: skip
REQUIRED = ("number", "received", "title", "request", "region", "intake_unit")


class RowProblem(ValueError):
    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key, self.message = key, message


@dataclass
class Lookups:
    """Everything a row is checked against, read once."""

    regions: dict[str, int]
    units: dict[str, int]
    categories: dict[str, int]
    choices: dict[str, dict[str, str]]

    @classmethod
    def load(cls) -> "Lookups":
        def labels(choices):
            found = {str(label): value for value, label in choices.choices}
            return found | {value: value for value, _label in choices.choices}

        return cls(
            regions=dict(Region.objects.values_list("code", "pk")),
            units={
                **dict(Unit.objects.values_list("name", "pk")),
                **dict(Unit.objects.values_list("short_name", "pk")),
            },
            categories=dict(Category.objects.values_list("code", "pk")),
            choices={
                "channel": labels(Channel),
                "kind": labels(Kind),
                "status": labels(S),
                "outcome": labels(Outcome),
            },
        )


def read_rows(path: str) -> Iterator[tuple]:
    """The rows of a CSV (UTF-8 with or without BOM, or GB18030) or the first sheet of an .xlsx."""
    if path.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        # The same zip-bomb check as every spreadsheet upload, before openpyxl unpacks anything.
        with open(path, "rb") as f:
            uploads.check_zip(f, name=path)
        book = load_workbook(path, read_only=True, data_only=True)
        yield from book.worksheets[0].iter_rows(values_only=True)
        book.close()
        return
    with open(path, "rb") as f:
        head = f.read(65536)
    try:
        # Not final: the 64 KB may end inside a character.
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "gb18030"
    with open(path, encoding=encoding, newline="") as f:
        yield from csv.reader(f)


def _day(value, key: str) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=CHINA)
    if isinstance(value, date):
        return datetime.combine(value, dtime(12), tzinfo=CHINA)
    s = str(value).strip().replace("/", "-").replace(".", "-")
    try:
        if len(s) <= 10:
            return datetime.combine(date.fromisoformat(s), dtime(12), tzinfo=CHINA)
        return datetime.fromisoformat(s).replace(tzinfo=CHINA)
    except ValueError:
        raise RowProblem(key, _("日期格式应为 YYYY-MM-DD。")) from None


class CaseImport:
    """Checks rows and turns them into petition (and person) rows; keeps the report."""

    def __init__(self, lookups: Lookups, *, now: datetime):
        self.lk = lookups
        self.now = now
        self.numbers_in_file: set[str] = set()
        self.people_in_file: dict[str, int] = {}  # id_number blind index → person id

    def check(self, cells: dict) -> dict:
        """The petition row for one file row (person fields under ``_person``); raises RowProblem."""
        for key in REQUIRED:
            if not cells.get(key):
                raise RowProblem(key, _("必填。"))
        number = cells["number"].upper()
        if len(number) > 20:
            raise RowProblem("number", _("不能超过%(n)s个字符。") % {"n": 20})
        if number in self.numbers_in_file:
            raise RowProblem("number", _("编号在文件中重复。"))
        self.numbers_in_file.add(number)
        received = _day(cells["received"], "received")
        if received > self.now:
            raise RowProblem("received", _("收到日期不能晚于今天。"))
        row = {
            "number": number, "received_at": received, "created_at": received, "updated_at": received,
            "title": cells["title"][:120], "request": cells["request"], "facts": cells.get("facts") or "",
            "channel": self._choice(cells, "channel", Channel.LETTER),
            "kind": self._choice(cells, "kind", Kind.REQUEST),
            "status": self._choice(cells, "status", S.CLOSED),
            "outcome": self._choice(cells, "outcome", ""),
            "region_id": self._ref(self.lk.regions, cells, "region"),
            "intake_unit_id": self._ref(self.lk.units, cells, "intake_unit"),
            "unit_id": self._ref(self.lk.units, cells, "unit"),
            "category_id": self._ref(self.lk.categories, cells, "category"),
        }  # fmt: skip
        if row["status"] in TERMINAL:
            if not cells.get("closed"):
                raise RowProblem("closed", _("已办结的信访件须填写办结日期。"))
            row["closed_at"] = row["updated_at"] = _day(cells["closed"], "closed")
            if row["closed_at"] < received:
                raise RowProblem("closed", _("办结日期不能早于收到日期。"))
        elif cells.get("closed"):
            raise RowProblem("status", _("填写了办结日期，状态却不是办结状态。"))
        row["_person"] = self._person(cells, row["kind"])
        row["is_anonymous"] = row["_person"] is None and row["kind"] == Kind.REPORT
        return row

    def _choice(self, cells, key, default):
        value = cells.get(key)
        if not value:
            return default
        found = self.lk.choices[key].get(value)
        if found is None:
            raise RowProblem(key, _("应为以下之一：%(labels)s。") % {"labels": "、".join(self._labels(key))})
        return found

    def _labels(self, key):
        return [k for k, v in self.lk.choices[key].items() if k != v]

    def _ref(self, table, cells, key):
        value = cells.get(key)
        if not value:
            return None
        found = table.get(value)
        if found is None:
            unknown = {"region": _("未知的区划代码。"), "category": _("未知的分类代码。")}
            raise RowProblem(key, unknown.get(key) or _("未知的单位。"))
        return found

    def _person(self, cells, kind) -> dict | None:
        name, id_number, phone = cells.get("name"), cells.get("id_number"), cells.get("phone")
        if not (name or id_number or phone):
            # Old records often lost the petitioner's data: kept as history without one.
            return None
        try:
            id_number = check_id_number(id_number) if id_number else ""
        except Exception as e:
            raise RowProblem("id_number", str(getattr(e, "message", e))) from None
        try:
            phone = check_phone(phone) if phone else ""
        except Exception as e:
            raise RowProblem("phone", str(getattr(e, "message", e))) from None
        return {
            "name": name or "",
            "id_number": id_number,
            "phone": phone,
            "address": cells.get("address") or "",
        }


def import_cases(
    path: str,
    *,
    actor=None,
    dry_run: bool = True,
    partial: bool = False,
    now: datetime,
    progress: Callable[[int], None] | None = None,
    rebuild_indexes: bool = False,
) -> ImportReport:
    """Import the historical cases in the file at ``path``; see the module docstring for the rules.

    ``rebuild_indexes`` (PostgreSQL): drop the secondary indexes of the petitions table for the
    import and build them again at the end — much faster for a file as large as the table, but the
    table is locked for everyone until the import commits: for a migration window, not office hours.
    """
    report = ImportReport(dry_run=dry_run, partial=partial)
    rows = read_rows(path)
    header = next(rows, None)
    if not header:
        raise InvalidInput(_("文件是空的。"), field="file")
    positions, names = _positions(header)
    width = max(positions.values()) + 1
    work = CaseImport(Lookups.load(), now=now)
    try:
        suspended = suspend_indexes(Petition, enabled=rebuild_indexes and not dry_run, rebuild_on_error=False)
        with transaction.atomic(), suspended as timing:
            writer = _Writer(work)
            for number, raw in enumerate(rows, start=2):
                if not any(c not in (None, "") for c in raw):
                    continue
                report.rows += 1
                if isinstance(raw, list) and len(raw) >= width:  # CSV: all text, the fast path
                    cells = {k: raw[i].strip() for k, i in positions.items()}
                else:
                    cells = {k: _cell(raw, i) for k, i in positions.items()}
                try:
                    row = work.check(cells)
                except RowProblem as p:
                    report.errors.append(RowError(number, names.get(p.key, p.key), p.message))
                    continue
                report.valid += 1
                if not dry_run:
                    writer.add(row)
                if progress and report.rows % 10_000 == 0:
                    progress(report.rows)
            if dry_run or (report.errors and not partial):
                raise _Rollback
            report.saved = writer.finish()
            audit.record(
                actor=actor,
                action="petitions.petition.imported",
                data={"file": str(path).rsplit("/", 1)[-1], "rows": report.rows, "saved": report.saved},
                actor_label="" if actor else "import_cases",
            )
        if "seconds" in timing:
            report.seconds["indexes"] = timing["seconds"]
    except _Rollback:
        report.saved = 0
    if progress:
        progress(report.rows)
    return report


class _Rollback(Exception):
    pass


def _positions(header: Iterable) -> tuple[dict[str, int], dict[str, str]]:
    cells = ["" if c is None else str(c).strip().lstrip("\ufeff") for c in header]
    positions, names = {}, {key: name for name, key in COLUMNS.items()}
    for name, key in COLUMNS.items():
        for i, c in enumerate(cells):
            if c in (name, key):
                positions[key] = i
    missing = [names[k] for k in REQUIRED if k not in positions]
    if missing:
        raise InvalidInput(_("表头缺少必填列：%(cols)s。") % {"cols": "、".join(missing)}, field="file")
    return positions, names


def _cell(raw, i):
    v = raw[i] if i < len(raw) else None
    if v is None:
        return ""
    if isinstance(v, (datetime, date)):
        return v
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


class _Writer:
    """Batches of checked rows: skips numbers already imported, finds or creates petitioners, writes."""

    def __init__(self, work: CaseImport):
        self.work = work
        self.batch: list[dict] = []
        self.saved = 0
        self.cases = BulkWriter(Petition, batch=10**9)  # flushed per batch by hand
        self.cases.columns = [c for c in self.cases.columns if c[0] != "id"]  # the sequence numbers them
        self.people = BulkWriter(Person, batch=10**9)

    def add(self, row: dict) -> None:
        self.batch.append(row)
        if len(self.batch) >= BATCH:
            self._flush()

    def finish(self) -> int:
        self._flush()
        return self.saved

    def _flush(self) -> None:
        if not self.batch:
            return
        with connection.cursor() as cursor:
            numbers = [r["number"] for r in self.batch]
            if connection.vendor == "postgresql":  # one array parameter, not 20,000 placeholders
                cursor.execute("SELECT number FROM petitions_petition WHERE number = ANY(%s)", [numbers])
                known = {n for (n,) in cursor.fetchall()}
            else:
                known = set(Petition.objects.filter(number__in=numbers).values_list("number", flat=True))
        todo = [r for r in self.batch if r["number"] not in known]
        self.batch = []
        self._petitioners(todo)
        for row in todo:
            row["query_code_enc"] = crypto.encrypt(new_query_code())
            self.cases.add(row)
        self.cases.flush()
        self.saved += len(todo)

    def _petitioners(self, rows: list[dict]) -> None:
        """Set ``petitioner_id``: the person on record with the same ID number, else a new one."""
        wanted = {id_number_index(p["id_number"]) for r in rows if (p := r["_person"]) and p["id_number"]}
        wanted -= self.work.people_in_file.keys()
        if wanted:
            found = Person.objects.filter(id_number_bi__in=wanted).values_list("id_number_bi", "pk")
            self.work.people_in_file.update(dict(found))
        new = [r for r in rows if r["_person"] and not self._known(r)]
        ids = _new_ids(len(new))
        for row, pk in zip(new, ids, strict=True):
            p = row["_person"]
            bi = id_number_index(p["id_number"]) if p["id_number"] else ""
            if bi and bi in self.work.people_in_file:  # twice in this batch
                row["petitioner_id"] = self.work.people_in_file[bi]
                continue
            self.people.add(_person_row(pk, p, row["received_at"]))
            row["petitioner_id"] = pk
            if bi:
                self.work.people_in_file[bi] = pk
        self.people.flush()

    def _known(self, row) -> bool:
        p = row["_person"]
        pk = self.work.people_in_file.get(id_number_index(p["id_number"])) if p["id_number"] else None
        if pk:
            row["petitioner_id"] = pk
        return bool(pk)


def _new_ids(n: int) -> list[int]:
    """``n`` fresh primary keys for people, taken from the sequence (PostgreSQL) or past the last one."""
    if not n:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('people_person', 'id')) FROM generate_series(1, %s)",
                [n],
            )
            return [r[0] for r in cursor.fetchall()]
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM people_person")
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + n))


def _person_row(pk: int, p: dict, when: datetime) -> dict:
    return {
        "id": pk, "created_at": when, "updated_at": when,
        "name_enc": crypto.encrypt(p["name"]), "name_bi": name_index(p["name"]) if p["name"] else "",
        "name_masked": masking.mask_name(p["name"]),
        "id_number_enc": crypto.encrypt(p["id_number"]),
        "id_number_bi": id_number_index(p["id_number"]) if p["id_number"] else "",
        "phone_enc": crypto.encrypt(p["phone"]), "phone_bi": phone_index(p["phone"]) if p["phone"] else "",
        "phone_masked": masking.mask_phone(p["phone"]) if p["phone"] else "",
        "address_enc": crypto.encrypt(p["address"]), "is_organization": False,
    }  # fmt: skip


def write_errors_csv(report: ImportReport, out: io.TextIOBase) -> None:
    """The refused rows as CSV (行号, 列, 问题), to fix in the source file."""
    w = csv.writer(out)
    w.writerow([_("行号"), _("列"), _("问题")])
    for e in report.errors:
        w.writerow([e.row, e.column, e.message])
