"""Spreadsheets in and out: staff keep registries in Excel, so every registry imports and exports one.

An import is declared as columns (header, parser, required) plus two callbacks from the domain:
``prepare`` turns one parsed row into something to save (or refuses it with a message) and ``save``
writes all prepared rows in one transaction. Nothing is written on a dry run, and nothing at all when
any row is wrong unless the user asked for a partial import: a half-imported registry is worse than
none, because nobody can tell which half.
"""

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from minsheng.core import uploads
from minsheng.core.errors import DomainError, InvalidInput

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ROWS = 200_000  # a bigger file is a migration job for the command line, not an upload


class CellError(ValueError):
    """A cell's value cannot be used; the message is shown to the user beside the row and column."""


@dataclass(frozen=True)
class Column:
    key: str  # the name the domain's ``prepare`` receives the value under
    header: Any  # the header cell, as staff see it (translatable); the key is accepted too
    parse: Callable[[Any], Any] = lambda v: text(v)
    required: bool = False


@dataclass(frozen=True)
class RowError:
    row: int  # the spreadsheet row number, header = 1, as Excel shows it
    column: str  # the header of the column at fault, "" for the whole row
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportReport:
    rows: int = 0  # data rows read
    valid: int = 0  # rows without an error
    saved: int = 0  # rows written (0 on a dry run or a refused import)
    dry_run: bool = True
    partial: bool = False
    errors: list[RowError] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # time of named phases, e.g. "indexes"

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "rows": self.rows,
            "valid": self.valid,
            "saved": self.saved,
            "dry_run": self.dry_run,
            "partial": self.partial,
            "errors": [e.as_dict() for e in self.errors],
        }


# -- parsers: each takes a cell value (str, number, date or None) and returns the value or raises CellError


def text(value, *, max_length: int = 200) -> str:
    s = "" if value is None else str(value).strip()
    if isinstance(value, float) and value.is_integer():
        s = str(int(value))  # Excel stores typed-in codes and phone numbers as numbers
    if len(s) > max_length:
        raise CellError(_("不能超过%(n)s个字符。") % {"n": max_length})
    return s


def integer(value, *, minimum: int | None = 0) -> int | None:
    if value in (None, ""):
        return None
    try:
        n = int(Decimal(str(value).strip().replace(",", "")))
    except (InvalidOperation, ValueError):
        raise CellError(_("须为整数。")) from None
    if minimum is not None and n < minimum:
        raise CellError(_("不能小于%(n)s。") % {"n": minimum})
    return n


def decimal(value, *, minimum: Decimal | None = Decimal(0)) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        d = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise CellError(_("须为数字。")) from None
    if not d.is_finite() or (minimum is not None and d < minimum):
        raise CellError(_("不能小于%(n)s。") % {"n": minimum})
    return d


def day(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip().replace("/", "-").replace(".", "-")
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise CellError(_("日期格式应为 YYYY-MM-DD。")) from None


YES = {"是", "有", "y", "yes", "true", "1", "√"}
NO = {"否", "无", "n", "no", "false", "0", ""}


def boolean(value) -> bool:
    s = "" if value is None else str(value).strip().lower()
    if s in YES:
        return True
    if s in NO:
        return False
    raise CellError(_("请填写“是”或“否”。"))


def choice(choices) -> Callable[[Any], str]:
    """A parser for a ``TextChoices``: accepts the label (as staff type it) or the stored value."""
    # Labels are lazy translations: resolve them once per language, not on every cell.
    lookups: dict[str, dict[str, str]] = {}

    def parse(value) -> str:
        s = text(value)
        if not s:
            return ""
        lookup = lookups.get(get_language())
        if lookup is None:
            lookup = {str(label): stored for stored, label in choices.choices}
            lookup.update({stored: stored for stored, _label in choices.choices})
            lookups[get_language()] = lookup
        if s in lookup:
            return lookup[s]
        labels = "、".join(str(label) for _v, label in choices.choices)
        raise CellError(_("应为以下之一：%(labels)s。") % {"labels": labels})

    return parse


# -- reading


def read_table(content: bytes, filename: str) -> list[tuple[Any, ...]]:
    """The rows of the first sheet of an .xlsx (or a .csv), header included."""
    name = (filename or "").lower()
    if name.endswith(".csv"):
        text = uploads.decode_text(content)
        if text is None or "\x00" in text:
            raise InvalidInput(_("CSV文件须为UTF-8或GBK编码。"), field="file")
        try:
            return [tuple(r) for r in csv.reader(io.StringIO(text))]
        except csv.Error:  # a cell beyond the csv module's field limit (128 KB): not a registry
            raise InvalidInput(_("CSV文件格式不正确或单元格过长。"), field="file") from None
    if not name.endswith(".xlsx"):
        raise InvalidInput(_("请上传 .xlsx 或 .csv 文件。"), field="file")
    # An .xlsx is a ZIP: a zip bomb is refused before openpyxl unpacks anything.
    if content.startswith(uploads.ZIP):  # anything else openpyxl refuses at once
        uploads.check_zip(io.BytesIO(content), name=filename, field="file")
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        rows = list(book.worksheets[0].iter_rows(values_only=True))
        book.close()
    except Exception:
        # openpyxl raises many kinds of errors on a damaged or mislabelled file.
        raise InvalidInput(_("无法读取该Excel文件。"), field="file") from None
    return rows


def _header_positions(header: Sequence, columns: Sequence[Column]) -> dict[str, int]:
    cells = [text(c) for c in header]
    positions, missing = {}, []
    for col in columns:
        names = {str(col.header), col.key}
        found = next((i for i, c in enumerate(cells) if c in names), None)
        if found is not None:
            positions[col.key] = found
        elif col.required:
            missing.append(str(col.header))
    if missing:
        raise InvalidInput(
            _("表头缺少必填列：%(cols)s。") % {"cols": "、".join(missing)}, field="file", code="columns"
        )
    return positions


def parse_rows(rows: Sequence[Sequence], columns: Sequence[Column]):
    """Yield ``(row_number, values, errors)`` for each non-empty data row."""
    if not rows:
        raise InvalidInput(_("文件是空的。"), field="file")
    if len(rows) - 1 > MAX_ROWS:
        raise InvalidInput(_("一次最多导入%(n)s行。") % {"n": MAX_ROWS}, field="file")
    positions = _header_positions(rows[0], columns)
    for number, row in enumerate(rows[1:], start=2):
        if not any(c not in (None, "") for c in row):
            continue
        values, errors = {}, []
        for col in columns:
            i = positions.get(col.key)
            raw = row[i] if i is not None and i < len(row) else None
            try:
                value = col.parse(raw)
            except (CellError, DomainError) as e:
                errors.append(RowError(number, str(col.header), str(getattr(e, "message", e))))
                continue
            if col.required and value in (None, ""):
                errors.append(RowError(number, str(col.header), _("必填。")))
            values[col.key] = value
        yield number, values, errors


def import_rows(
    *,
    rows: Sequence[Sequence],
    columns: Sequence[Column],
    prepare: Callable[[int, dict], Any],
    save: Callable[[list], int],
    dry_run: bool = True,
    partial: bool = False,
) -> ImportReport:
    """Check every row, then save the good ones in one transaction if allowed.

    ``prepare(row_number, values)`` returns what ``save`` needs for that row or raises ``CellError`` /
    ``DomainError`` (whole-row errors); it may keep state to catch duplicates within the file.
    ``save(prepared)`` writes them and returns how many it wrote.
    """
    report = ImportReport(dry_run=dry_run, partial=partial)
    prepared = []
    for number, values, errors in parse_rows(rows, columns):
        report.rows += 1
        if not errors:
            try:
                prepared.append(prepare(number, values))
            except (CellError, DomainError) as e:
                errors = [RowError(number, "", str(getattr(e, "message", e)))]
        report.errors.extend(errors)
    report.valid = len(prepared)
    if dry_run or not prepared or (report.errors and not partial):
        return report
    with transaction.atomic():
        report.saved = save(prepared)
    return report


# -- writing


def workbook_bytes(headers: Sequence, rows: Iterable[Sequence], *, title: str = "") -> bytes:
    """One sheet with a bold header row; write-only, so a large export streams in constant memory."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=(str(title) or "Sheet1")[:31])
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(sheet, value=str(h))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([excel_value(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def excel_value(value):
    """A value openpyxl can write: local time without a zone (Excel has none), anything else as text."""
    if value is None or isinstance(value, (str, int, float, Decimal, date, datetime, bool)):
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None)  # callers pass local time
        return value
    return str(value)


def errors_workbook(report: ImportReport) -> bytes:
    """The rows refused by an import, to fix in Excel and upload again."""
    headers = (gettext_lazy("行号"), gettext_lazy("列"), gettext_lazy("问题"))
    return workbook_bytes(headers, ((e.row, e.column, e.message) for e in report.errors), title=_("导入错误"))


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    # RFC 6266: a non-ASCII (Chinese) file name travels in filename*.
    from urllib.parse import quote

    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
