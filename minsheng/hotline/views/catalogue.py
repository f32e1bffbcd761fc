"""The dispatch catalogue page: the rules, Excel export, and Excel import (dry run → confirm).

Between the two import steps the file waits under DATA_DIR/imports/hotline/<token>, the token kept
in the uploader's session (nobody else can confirm it); it is deleted on confirmation.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.accounts.roles import Role
from minsheng.core import sheets
from minsheng.core.errors import InvalidInput
from minsheng.hotline import forms, permissions, selectors, services
from minsheng.hotline.views.access import staff_page

SESSION_KEY = "hotline_rules_import"
MAX_BYTES = 5 * 1024 * 1024


def _dir() -> Path:
    path = Path(settings.DATA_DIR) / "imports" / "hotline"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _require_centre(user, roles=(Role.OPERATOR, Role.HEAD, Role.LEADER)):
    if not permissions.centres_of(user, roles=roles):
        raise PermissionDenied


def _page(request, form, *, report=None, status=200):
    may_import = bool(permissions.centres_of(request.user, roles=(Role.HEAD,)))
    context = {
        "rules": selectors.rules_list(),
        "form": form,
        "report": report,
        "errors": report.errors[:500] if report else [],
        "may_import": may_import,
        "nav": "catalogue",
    }
    return render(request, "hotline/catalogue.html", context, status=status)


@staff_page
def catalogue(request):
    """GET: the rules. POST (centre head): upload a spreadsheet for a dry-run report."""
    _require_centre(request.user)
    if request.method != "POST":
        return _page(request, forms.ImportForm())
    _require_centre(request.user, roles=(Role.HEAD,))
    form = forms.ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=400)
    upload = form.cleaned_data["file"]
    if upload.size > MAX_BYTES:
        form.add_error("file", _("文件过大（上限5MB）。"))
        return _page(request, form, status=400)
    content = upload.read()
    try:
        report = services.rules_import(
            content=content, filename=upload.name, actor=request.user, dry_run=True
        )
    except InvalidInput as e:
        form.add_error("file", str(e.message))
        return _page(request, form, status=400)
    token = secrets.token_urlsafe(16)
    (_dir() / f"{token}.upload").write_bytes(content)
    request.session[SESSION_KEY] = {"token": token, "filename": upload.name}
    return _page(request, forms.ImportForm(), report=report)


@staff_page
@require_POST
def catalogue_confirm(request):
    """Import the file checked by the dry run: all rows, or only the valid ones when asked."""
    _require_centre(request.user, roles=(Role.HEAD,))
    pending = request.session.get(SESSION_KEY) or {}
    path = _dir() / f"{pending.get('token', 'none')}.upload"
    if not pending or not path.exists():
        messages.error(request, _("请先上传文件并查看检查结果。"))
        return redirect("hotline:catalogue")
    partial = request.POST.get("partial") == "1"
    report = services.rules_import(
        content=path.read_bytes(),
        filename=pending["filename"],
        actor=request.user,
        dry_run=False,
        partial=partial,
    )
    if report.saved:
        path.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
        messages.success(request, _("已导入%(n)s条派单规则。") % {"n": report.saved})
        return redirect("hotline:catalogue")
    messages.error(request, _("文件有错误，未导入。可勾选“仅导入无误的行”。"))
    return _page(request, forms.ImportForm(), report=report, status=400)


@staff_page
def catalogue_export(request):
    _require_centre(request.user)
    return sheets.xlsx_response(services.rules_workbook(selectors.rules_list()), _("派单目录.xlsx"))
