"""Excel import (upload → dry-run report → confirm) and the blank templates to fill in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.core import sheets
from minsheng.core.errors import InvalidInput
from minsheng.talent import forms, imports, selectors

TITLES = {"workers": gettext_lazy("导入社会工作者"), "education": gettext_lazy("导入继续教育记录")}


@login_required
def import_template(request, kind: str):
    if kind not in imports.KINDS:
        raise Http404
    selectors.require_editor(request.user)
    return sheets.xlsx_response(imports.template_workbook(kind), f"{TITLES[kind]}.xlsx")


@login_required
def import_view(request, kind: str):
    """A POST with a file checks it (dry run); a POST with ``token`` and ``confirm`` writes it."""
    if kind not in imports.KINDS:
        raise Http404
    selectors.require_editor(request.user)
    run = imports.KINDS[kind][1]
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    context = {
        "form": form,
        "kind": kind,
        "title": TITLES[kind],
        "columns": imports.KINDS[kind][0],
        "tab": "import",
        "nav": "talent",
    }
    if request.method != "POST":
        return render(request, "talent/import.html", context)
    partial = request.POST.get("partial") in ("on", "true", "1")
    confirm = "confirm" in request.POST
    try:
        if confirm:
            content, filename = imports.take_upload(token=request.POST.get("token", ""), user=request.user)
        else:
            if not form.is_valid():
                raise InvalidInput(_("请选择要导入的文件。"), field="file")
            upload = form.cleaned_data["file"]
            content, filename = upload.read(), upload.name
        rows = sheets.read_table(content, filename)
        report = run(
            rows=rows, actor=request.user, today=timezone.localdate(), dry_run=not confirm, partial=partial
        )
    except InvalidInput as e:
        form.add_error("file" if "file" in e.errors or not e.errors else None, str(e.message))
        return render(request, "talent/import.html", context, status=400)
    if confirm:
        if report.saved:
            messages.success(request, _("已导入%(n)s行。") % {"n": report.saved})
            return redirect("talent:home")
        context["report"] = report
        return render(request, "talent/import.html", context, status=400)
    may_confirm = report.valid and (report.ok or partial)
    token = imports.keep_upload(content=content, filename=filename, user=request.user) if may_confirm else ""
    context.update(report=report, partial=partial, may_confirm=may_confirm, token=token)
    return render(request, "talent/import.html", context, status=200 if report.ok else 400)
