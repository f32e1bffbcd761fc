"""Import of the unit registry: upload → dry-run report of every row's errors → confirm.

The upload waits between the steps in ``minsheng.registry.imports.PendingUploads``.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from minsheng.core import sheets
from minsheng.core.errors import InvalidInput
from minsheng.registry.imports import Pending, PendingUploads, errors_response
from minsheng.registry.twonew import services
from minsheng.registry.twonew.forms import ConfirmImportForm, ImportForm
from minsheng.registry.twonew.views.common import base_context, readers_only, require_editing

UPLOADS = PendingUploads("twonew")
SHOWN_ERRORS = 500


def _pending(request, token: str) -> Pending:
    pending = UPLOADS.pending(request)
    if not token or pending is None or pending.token != token or not pending.path.exists():
        raise Http404
    return pending


@readers_only
def import_units(request):
    require_editing(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = base_context(request, "import", form=form, columns=services.COLUMNS)
    if request.method != "POST":
        return render(request, "twonew/import.html", context)
    if not form.is_valid():
        return render(request, "twonew/import.html", context, status=400)
    upload = form.cleaned_data["file"]
    content = upload.read()
    try:
        rows = sheets.read_table(content, upload.name)
        report = services.units_import(actor=request.user, rows=rows, filename=upload.name, dry_run=True)
    except InvalidInput as e:
        form.add_error("file", e.message)
        return render(request, "twonew/import.html", context, status=400)
    token = UPLOADS.keep(request, content, upload.name)
    context.update(report=report, errors=report.errors[:SHOWN_ERRORS], token=token,
                   confirm=ConfirmImportForm(initial={"token": token}), filename=upload.name)  # fmt: skip
    return render(request, "twonew/import_report.html", context)


@readers_only
def import_confirm(request):
    require_editing(request.user)
    if request.method != "POST":
        return redirect("registry:twonew:import")
    form = ConfirmImportForm(request.POST)
    if not form.is_valid():
        raise Http404
    pending = _pending(request, form.cleaned_data["token"])
    filename = pending.filename
    rows = sheets.read_table(pending.path.read_bytes(), filename)
    partial = form.cleaned_data["partial"]
    report = services.units_import(
        actor=request.user, rows=rows, filename=filename, dry_run=False, partial=partial
    )
    if report.saved or not report.valid:
        UPLOADS.forget(request)
    if report.saved:
        messages.success(request, _("已导入%(n)s行。") % {"n": report.saved})
        return redirect("registry:twonew:units")
    messages.error(request, _("文件有错误，未导入任何行。请修改后重新上传，或选择只导入无误的行。"))
    context = base_context(request, "import", report=report, errors=report.errors[:SHOWN_ERRORS],
                           token=form.cleaned_data["token"], confirm=form, filename=filename)  # fmt: skip
    return render(request, "twonew/import_report.html", context, status=400)


@readers_only
def import_errors(request):
    """The refused rows of the pending upload as a workbook, to fix in Excel."""
    require_editing(request.user)
    pending = _pending(request, request.GET.get("token", ""))
    report = services.units_import(
        actor=request.user,
        rows=sheets.read_table(pending.path.read_bytes(), pending.filename),
        filename=pending.filename,
        dry_run=True,
    )
    return errors_response(report)


@readers_only
def import_template(request):
    content = sheets.workbook_bytes([c.header for c in services.COLUMNS], [], title=_("两新组织"))
    return sheets.xlsx_response(content, _("两新组织导入模板.xlsx"))
