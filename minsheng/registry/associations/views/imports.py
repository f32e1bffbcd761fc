"""Excel import in two steps: upload → dry-run report of every row's errors → confirm.

The upload waits between the steps in ``minsheng.registry.imports.PendingUploads``.
"""

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
from minsheng.registry.imports import PendingUploads, errors_response

UPLOADS = PendingUploads("associations")
MAX_BYTES = 30 * 1024 * 1024
ERRORS_SHOWN = 1000  # the page lists this many; the Excel of errors has them all


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
    token = UPLOADS.keep(request, content, upload.name)
    context = _report_context(report, filename=upload.name)
    context["confirm"] = ConfirmImportForm(initial={"token": token})
    return render(request, "associations/import_report.html", context)


@login_required
@require_POST
def import_confirm(request):
    permissions.require_registrar(request.user)
    form = ConfirmImportForm(request.POST)
    pending = UPLOADS.pending(request)
    if not form.is_valid() or pending is None or form.cleaned_data["token"] != pending.token:
        raise PermissionDenied
    if not pending.path.exists():
        form = ImportForm()
        form.add_error(None, _("上传的文件已过期，请重新上传。"))
        return render(request, "associations/import.html", {"form": form, "nav": "import"}, status=400)
    report = services.association_import(
        actor=request.user,
        content=pending.path.read_bytes(),
        filename=pending.filename,
        dry_run=False,
        partial=form.cleaned_data["partial"],
    )
    if report.saved or report.ok:
        UPLOADS.forget(request)
    context = _report_context(report, filename=pending.filename)
    if not report.saved and report.errors:
        context["confirm"] = ConfirmImportForm(initial={"token": pending.token})
    return render(request, "associations/import_report.html", context, status=200 if report.saved else 400)


@login_required
def import_errors(request):
    """The errors of the pending upload as Excel, to fix them in the sheet."""
    permissions.require_registrar(request.user)
    pending = UPLOADS.pending(request)
    if pending is None or not pending.path.exists():
        raise PermissionDenied
    report = services.association_import(
        actor=request.user, content=pending.path.read_bytes(), filename=pending.filename, dry_run=True
    )
    return errors_response(report)


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
