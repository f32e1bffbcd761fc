"""Staff: the volunteer list (masked), one volunteer, Excel import and export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core import sheets
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.volunteers import availability, selectors, services
from minsheng.volunteers.forms import ImportForm, VolunteerFilterForm
from minsheng.volunteers.permissions import may_unmask_volunteer, require_registrar
from minsheng.volunteers.views.common import staff_view

PAGE_SIZE = 50
IMPORT_SESSION_KEY = "volunteers_import"


def _filtered(request, scope):
    form = VolunteerFilterForm(request.GET or None, paths=scope.read_paths)
    f = form.cleaned_data if form.is_valid() else {}
    qs = selectors.search_volunteers(
        scope, q=f.get("q", ""), skill=f.get("skill"), region=f.get("region"), status=f.get("status", "")
    )
    return form, qs


@staff_view
def volunteer_list(request, scope):
    form, qs = _filtered(request, scope)
    page = Paginator(qs.prefetch_related("skills"), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "scope": scope,
        "query": request.GET.urlencode(),
        "nav": "volunteers",
    }
    return render(request, "volunteers/volunteers.html", context)


@staff_view
def volunteer_export(request, scope):
    _form, qs = _filtered(request, scope)
    content = services.volunteers_export(actor=request.user, queryset=qs)
    return sheets.xlsx_response(content, _("志愿者名单.xlsx"))


@staff_view
def volunteer(request, scope, pk: int):
    v = selectors.volunteer_for(scope, pk)
    clear = None
    if request.method == "POST":
        if not may_unmask_volunteer(scope, v):
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "unmask":
            clear = services.volunteer_unmask(volunteer=v, actor=request.user, reason=_("查看志愿者身份信息"))
        elif action == "status":
            try:
                services.volunteer_set_status(
                    volunteer=v, actor=request.user, status=request.POST.get("status", "")
                )
            except InvalidInput as e:
                messages.error(request, e.message)
            else:
                messages.success(request, _("状态已修改。"))
                return redirect("volunteers:volunteer", pk=v.pk)
    context = {
        "v": v,
        "clear": clear,
        "may_unmask": may_unmask_volunteer(scope, v),
        "skills": list(v.skills.all()),
        "service_regions": list(v.service_regions.all()),
        "availability": availability.describe(v.availability),
        "signups": selectors.my_signups(v)[:50],
        "statuses": v.Status.choices,
        "nav": "volunteers",
    }
    return render(request, "volunteers/volunteer.html", context)


@staff_view
def volunteer_import(request, scope):
    """Upload → dry-run report (nothing written) → confirm; the file waits in the session meanwhile."""
    require_registrar(scope)
    form = ImportForm(request.POST or None, request.FILES or None)
    report, status = None, 200
    if request.method == "POST":
        confirm = request.POST.get("confirm") == "1"
        try:
            if confirm:
                stored = request.session.get(IMPORT_SESSION_KEY)
                if not stored:
                    raise InvalidInput(_("请重新上传文件。"), field="file")
                content, filename = bytes.fromhex(stored["content"]), stored["filename"]
            else:
                upload = request.FILES.get("file")
                if upload is None:
                    raise InvalidInput(_("请选择要导入的文件。"), field="file")
                if upload.size > 20 * 1024 * 1024:
                    raise InvalidInput(_("文件不能超过20MB。"), field="file")
                content, filename = upload.read(), upload.name
            partial_ok = request.POST.get("partial") == "on"
            report = services.volunteers_import(
                actor=request.user,
                scope=scope,
                content=content,
                filename=filename,
                now=timezone.now(),
                dry_run=not confirm,
                partial_ok=partial_ok,
            )
        except InvalidInput as e:
            apply_errors(form, e)
            status = 400
        except DomainError as e:
            form.add_error(None, str(e.message))
            status = e.status_code
        else:
            if confirm:
                request.session.pop(IMPORT_SESSION_KEY, None)
                if report.saved:
                    messages.success(request, _("已导入%(n)s名志愿者。") % {"n": report.saved})
                    return redirect("volunteers:volunteers")
                status = 400
            else:
                request.session[IMPORT_SESSION_KEY] = {
                    "content": content.hex(),
                    "filename": filename,
                    "partial": partial_ok,
                }
    context = {
        "form": form,
        "report": report,
        "nav": "volunteers",
        "partial": bool(request.session.get(IMPORT_SESSION_KEY, {}).get("partial")),
    }
    return render(request, "volunteers/import.html", context, status=status)


@require_POST
@staff_view
def volunteer_import_errors(request, scope):
    """The dry-run's refused rows as a workbook (re-checked from the file kept in the session)."""
    require_registrar(scope)
    stored = request.session.get(IMPORT_SESSION_KEY)
    if not stored:
        return redirect("volunteers:import")
    report = services.volunteers_import(
        actor=request.user,
        scope=scope,
        content=bytes.fromhex(stored["content"]),
        filename=stored["filename"],
        now=timezone.now(),
        dry_run=True,
    )
    return sheets.xlsx_response(sheets.errors_workbook(report), _("志愿者导入错误.xlsx"))


@staff_view
def volunteer_template(request, scope):
    require_registrar(scope)
    return sheets.xlsx_response(services.template_bytes(), _("志愿者导入模板.xlsx"))
