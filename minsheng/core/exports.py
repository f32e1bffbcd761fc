"""Exports of any list, CSV or Excel, streamed: a list never has to fit in memory or in a request.

A list registers an :class:`ExportList` (its app's ``exports.py``, imported in ``AppConfig.ready``):
a title, its columns, and a function that returns the queryset *the page itself shows this user* (the
page's selector, so access rules and masking are the page's). Rows are read with
``.iterator(chunk_size)`` (a server-side cursor on PostgreSQL) and written as they come:

- up to ``DIRECT_LIMIT`` rows, the file is the response: CSV streamed with a BOM (Excel opens it
  as UTF-8), Excel written by openpyxl's write-only mode to a temporary file and sent from it;
- above that, an export job (a Celery task; run at once in embedded mode) writes the file to
  ``MEDIA_ROOT/exports/`` and counts its rows into a small JSON status file; the user watches a
  progress bar (htmx polling, no inline script) and downloads the file when it is done.

Every export of a list holding personal data is audited (``core.export.created``) with its filters
and row count; the download of a finished job is audited again.
"""

import csv
import io
import json
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from minsheng import audit
from minsheng.core.sheets import XLSX_TYPE, excel_value

DIRECT_LIMIT = 20_000  # more rows than this become a job with a progress bar
CHUNK = 2_000
PROGRESS_EVERY = 5_000
CSV_TYPE = "text/csv; charset=utf-8"
KEEP_SECONDS = 24 * 3600  # finished export files are removed after a day


@dataclass(frozen=True)
class ExportList:
    key: str  # "petitions.queue": the URL names it
    title: Any  # translatable; also the file name
    columns: tuple[tuple[Any, Callable[[Any], Any]], ...]  # (header, value of one row object)
    queryset: Callable[[Any, dict], QuerySet]  # (user, GET parameters) → what the page lists
    personal: bool = True  # the rows hold personal data (masked or not): audited

    def headers(self) -> list[str]:
        return [str(h) for h, _ in self.columns]

    def rows(self, qs: QuerySet, on_row: Callable[[int], None] | None = None) -> Iterator[list]:
        getters = [get for _h, get in self.columns]
        for n, obj in enumerate(qs.iterator(chunk_size=CHUNK), start=1):
            yield [get(obj) for get in getters]
            if on_row and n % PROGRESS_EVERY == 0:
                on_row(n)


REGISTRY: dict[str, ExportList] = {}


def register(spec: ExportList) -> ExportList:
    REGISTRY[spec.key] = spec
    return spec


def get_list(key: str) -> ExportList | None:
    return REGISTRY.get(key)


def local_time(value):
    """A column's date and time in local time (the file has no time zones)."""
    return timezone.localtime(value) if value else None


def choice_label(obj, field: str) -> str:
    """A column showing a choice field's label, as the page does."""
    return getattr(obj, f"get_{field}_display")()


def filename(spec: ExportList, fmt: str) -> str:
    return f"{spec.title}-{time.strftime('%Y%m%d')}.{fmt}"


def disposition(name: str) -> str:
    from urllib.parse import quote

    return f"attachment; filename*=UTF-8''{quote(name)}"


def audit_export(*, user, spec: ExportList, fmt: str, params: dict, rows: int | None, action: str) -> None:
    if not spec.personal:
        return
    with transaction.atomic():
        audit.record(
            actor=user,
            action=action,
            data={"list": spec.key, "format": fmt, "filters": params, "rows": rows},
        )


# -- writing


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_chunks(headers: list[str], rows: Iterable[list], *, batch: int = 500) -> Iterator[bytes]:
    """The CSV as byte chunks: a BOM, the header, then ``batch`` rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    yield b"\xef\xbb\xbf" + buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    for n, row in enumerate(rows, start=1):
        writer.writerow(["" if v is None else _text(v) for v in row])
        if n % batch == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()


def _text(value) -> str:
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def write_xlsx(path: str, headers: list[str], rows: Iterable[list], *, title: str = "") -> int:
    """Write one sheet to ``path`` in openpyxl's write-only mode (constant memory); returns rows written."""
    from django.utils import timezone
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=(title or "Sheet1")[:31])
    bold = Font(bold=True)
    cells = []
    for h in headers:
        cell = WriteOnlyCell(sheet, value=h)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    n = 0
    for row in rows:
        sheet.append([excel_value(timezone.localtime(v) if getattr(v, "tzinfo", None) else v) for v in row])
        n += 1
    book.save(path)
    return n


def write_file(path: str, fmt: str, headers: list[str], rows: Iterable[list], *, title: str = "") -> None:
    if fmt == "xlsx":
        write_xlsx(path, headers, rows, title=title)
        return
    with open(path, "wb") as f:
        for chunk in csv_chunks(headers, rows):
            f.write(chunk)


def csv_response(spec: ExportList, qs: QuerySet) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_chunks(spec.headers(), spec.rows(qs)), content_type=CSV_TYPE)
    response["Content-Disposition"] = disposition(filename(spec, "csv"))
    return response


def xlsx_response(spec: ExportList, qs: QuerySet):
    from django.http import FileResponse

    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")  # removed when the response closes it
    write_xlsx(handle.name, spec.headers(), spec.rows(qs), title=str(spec.title))
    handle.seek(0)
    return FileResponse(handle, content_type=XLSX_TYPE, as_attachment=True, filename=filename(spec, "xlsx"))


# -- jobs: a JSON status file per job beside its output (no table: a job is a file being written)


def exports_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _status_path(token: str) -> Path:
    if not token.isalnum():
        raise FileNotFoundError(token)
    return exports_dir() / f"{token}.json"


def read_job(token: str) -> dict | None:
    try:
        return json.loads(_status_path(token).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None


def _save_job(job: dict) -> None:
    path = _status_path(job["token"])
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)  # a poll never reads half a file


def start_job(*, user, spec: ExportList, fmt: str, params: dict, total: int) -> dict:
    """Create the job's status file and queue the task that writes the export."""
    from minsheng.core.tasks import run_export

    _remove_old_files()
    job = {
        "token": secrets.token_hex(16),
        "owner": user.pk,
        "list": spec.key,
        "format": fmt,
        "params": params,
        "total": total,
        "done": 0,
        "state": "queued",
        "file": "",
        "name": filename(spec, fmt),
    }
    _save_job(job)
    # The job lives in its status file, not in this request's transaction: queue it now.
    run_export.delay(job["token"])
    return job


def _remove_old_files() -> None:
    limit = time.time() - KEEP_SECONDS
    for path in exports_dir().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:  # removed by another worker meanwhile
            pass


def run_job(token: str) -> dict:
    """Write the export of job ``token`` (called by the Celery task), updating its progress."""
    from django.contrib.auth import get_user_model

    job = read_job(token)
    if job is None or job["state"] not in ("queued", "running"):
        return job or {}
    spec = get_list(job["list"])
    user = get_user_model().objects.get(pk=job["owner"])
    job["state"] = "running"
    _save_job(job)

    def on_row(n: int) -> None:
        job["done"] = n
        _save_job(job)

    path = exports_dir() / f"{token}.{job['format']}"
    try:
        qs = spec.queryset(user, job["params"])
        write_file(str(path), job["format"], spec.headers(), spec.rows(qs, on_row), title=str(spec.title))
    except Exception:
        job["state"] = "failed"
        _save_job(job)
        raise
    job.update(state="done", done=job["total"], file=path.name)
    _save_job(job)
    return job


def job_file(job: dict) -> Path:
    return exports_dir() / job["file"]
