"""Excel import (upload → dry-run report of every row → confirm) and export, for platforms, sites, stations.

Between the dry run and the confirmation the file waits in the cache under a random token bound to
the user, so the confirmation imports exactly the file that was checked.
"""

import secrets

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.core.errors import InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.core.sheets import errors_workbook, read_table, workbook_bytes, xlsx_response
from minsheng.registry.newemployment import imports
from minsheng.registry.newemployment.forms import ConfirmImportForm, ImportForm
from minsheng.registry.newemployment.views.common import context, reader, writer

KEEP_SECONDS = 3600
MAX_BYTES = 20 * 1024 * 1024
TITLES = {"platforms": "平台企业", "sites": "平台站点", "stations": "服务驿站"}


def _kind(kind: str) -> str:
    if kind not in imports.KINDS:
        raise Http404
    return kind


def _title(kind):
    return _(TITLES[kind])


def _key(user, token: str) -> str:
    return f"newemp:import:{user.pk}:{token}"


@reader
def export(request, kind):
    kind = _kind(kind)
    content = workbook_bytes(
        imports.headers(kind, request.user), imports.export_rows(kind, request.user), title=_title(kind)
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    return xlsx_response(content, f"{_title(kind)}-{stamp}.xlsx")


@writer
def template(request, kind):
    kind = _kind(kind)
    content = workbook_bytes(imports.headers(kind, request.user), [], title=_title(kind))
    return xlsx_response(content, f"{_title(kind)}-{_('导入模板')}.xlsx")


def _render(request, kind, **extra):
    status = extra.pop("status", 200)
    ctx = context(request, kind, kind=kind, title=_title(kind), **extra)
    return render(request, "newemployment/import.html", ctx, status=status)


@writer
def upload(request, kind):
    """Upload a sheet and see what an import would do: every row's errors, nothing written."""
    kind = _kind(kind)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _render(request, kind, form=form, status=400 if request.method == "POST" else 200)
    upload = form.cleaned_data["file"]
    if upload.size > MAX_BYTES:
        form.add_error("file", _("文件超过20MB。"))
        return _render(request, kind, form=form, status=400)
    content = upload.read()
    try:
        report = imports.run_import(
            kind=kind, actor=request.user, rows=read_table(content, upload.name), dry_run=True
        )
    except InvalidInput as error:
        apply_errors(form, error)
        return _render(request, kind, form=form, status=400)
    token = secrets.token_urlsafe(16)
    cache.set(
        _key(request.user, token), {"name": upload.name, "content": content, "kind": kind}, KEEP_SECONDS
    )
    confirm = ConfirmImportForm(initial={"token": token})
    return _render(request, kind, form=ImportForm(), report=report, confirm=confirm, token=token)


def _stored(request, kind, token):
    stored = cache.get(_key(request.user, token or ""))
    if not stored or stored["kind"] != kind:
        return None
    return stored


@writer
def confirm(request, kind):
    kind = _kind(kind)
    form = ConfirmImportForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return redirect("registry:newemployment:import", kind=kind)
    stored = _stored(request, kind, form.cleaned_data["token"])
    if stored is None:
        messages.error(request, _("导入文件已过期，请重新上传。"))
        return redirect("registry:newemployment:import", kind=kind)
    rows = read_table(stored["content"], stored["name"])
    report = imports.run_import(
        kind=kind, actor=request.user, rows=rows, dry_run=False, partial=form.cleaned_data["partial"]
    )
    if report.saved:
        cache.delete(_key(request.user, form.cleaned_data["token"]))
        messages.success(request, _("已导入%(n)s行。") % {"n": report.saved})
        return redirect(f"registry:newemployment:{kind}")
    return _render(
        request,
        kind,
        form=ImportForm(),
        report=report,
        confirm=form,
        token=form.cleaned_data["token"],
        status=400,
    )


@writer
def errors(request, kind):
    """The refused rows of the checked file, as a sheet to fix and upload again."""
    kind = _kind(kind)
    stored = _stored(request, kind, request.GET.get("token"))
    if stored is None:
        raise Http404
    report = imports.run_import(
        kind=kind, actor=request.user, rows=read_table(stored["content"], stored["name"]), dry_run=True
    )
    return xlsx_response(errors_workbook(report), f"{_title(kind)}-{_('导入错误')}.xlsx")
