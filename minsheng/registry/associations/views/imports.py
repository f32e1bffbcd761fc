"""Excel import in two steps: upload → dry-run report of every row's errors → confirm.

Between the two steps the uploaded file waits under DATA_DIR/imports/associations/<token>, the token
kept in the uploader's session (so nobody else can confirm it); it is deleted on confirmation, and
files older than a day are swept at each upload.
"""

import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core import sheets
from minsheng.core.errors import InvalidInput
from minsheng.registry.associations import permissions, services
from minsheng.registry.associations.forms import ConfirmImportForm, ImportForm
from minsheng.registry.associations.services.sheets import template_workbook

SESSION_KEY = "associations_import"
MAX_BYTES = 30 * 1024 * 1024
STALE_SECONDS = 24 * 3600
ERRORS_SHOWN = 1000  # the page lists this many; the Excel of errors has them all


def _dir() -> Path:
    path = Path(settings.DATA_DIR) / "imports" / "associations"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sweep(directory: Path) -> None:
    cutoff = time.time() - STALE_SECONDS
    for f in directory.glob("*.upload"):
        if f.stat().st_mtime < cutoff:
            f.unlink(missing_ok=True)


@login_required
def import_upload(request):
    permissions.require_registrar(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return render(request, "associations/import.html", {"form": form, "nav": "import"}, status=status)
    upload = form.cleaned_data["file"]
    if upload.size > MAX_BYTES:
        form.add_error("file", _("文件过大（上限30MB）。"))
        return render(request, "associations/import.html", {"form": form, "nav": "import"}, status=400)
    content = upload.read()
    try:
        report = services.association_import(
            actor=request.user, content=content, filename=upload.name, dry_run=True
        )
    except InvalidInput as e:
        form.add_error("file", str(e.message))
        return render(request, "associations/import.html", {"form": form, "nav": "import"}, status=400)
    directory = _dir()
    _sweep(directory)
    token = secrets.token_urlsafe(16)
    (directory / f"{token}.upload").write_bytes(content)
    request.session[SESSION_KEY] = {"token": token, "filename": upload.name}
    context = _report_context(report, filename=upload.name)
    context["confirm"] = ConfirmImportForm(initial={"token": token})
    return render(request, "associations/import_report.html", context)


@login_required
@require_POST
def import_confirm(request):
    permissions.require_registrar(request.user)
    form = ConfirmImportForm(request.POST)
    pending = request.session.get(SESSION_KEY) or {}
    if not form.is_valid() or form.cleaned_data["token"] != pending.get("token"):
        raise PermissionDenied
    path = _dir() / f"{pending['token']}.upload"
    if not path.exists():
        form = ImportForm()
        form.add_error(None, _("上传的文件已过期，请重新上传。"))
        return render(request, "associations/import.html", {"form": form, "nav": "import"}, status=400)
    report = services.association_import(
        actor=request.user,
        content=path.read_bytes(),
        filename=pending["filename"],
        dry_run=False,
        partial=form.cleaned_data["partial"],
    )
    if report.saved or report.ok:
        path.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
    context = _report_context(report, filename=pending["filename"])
    if not report.saved and report.errors:
        context["confirm"] = ConfirmImportForm(initial={"token": pending["token"]})
    return render(request, "associations/import_report.html", context, status=200 if report.saved else 400)


@login_required
def import_errors(request):
    """The errors of the pending upload as Excel, to fix them in the sheet."""
    permissions.require_registrar(request.user)
    pending = request.session.get(SESSION_KEY) or {}
    path = _dir() / f"{pending.get('token', 'none')}.upload"
    if not pending or not path.exists():
        raise PermissionDenied
    report = services.association_import(
        actor=request.user, content=path.read_bytes(), filename=pending["filename"], dry_run=True
    )
    return sheets.xlsx_response(sheets.errors_workbook(report), _("导入错误.xlsx"))


@login_required
def import_template(request):
    permissions.require_registrar(request.user)
    return sheets.xlsx_response(template_workbook(), _("行业协会商会导入模板.xlsx"))


def _report_context(report, *, filename: str) -> dict:
    return {
        "report": report,
        "filename": filename,
        "errors": report.errors[:ERRORS_SHOWN],
        "more_errors": max(0, len(report.errors) - ERRORS_SHOWN),
        "bad_rows": len({e.row for e in report.errors}),
        "nav": "import",
    }
