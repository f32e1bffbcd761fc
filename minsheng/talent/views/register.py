"""The register: the list with its filters, a worker's page, creating and editing a worker."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from minsheng.audit.models import AuditEvent
from minsheng.core import sheets
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.people.services import masked, person_unmask
from minsheng.talent import conf, forms, selectors, services

PAGE_SIZE = 50
EXPORT_LIMIT = 50_000


def _filters(request) -> tuple[forms.FilterForm, selectors.Filters]:
    form = forms.FilterForm(request.GET, areas=selectors.areas_readable_by(request.user))
    d = form.cleaned_data if form.is_valid() else {}
    f = selectors.Filters(
        area=selectors.area_for(request.user, d.get("area", "")),
        level=d.get("level", ""),
        field=d.get("field", ""),
        status=d.get("status", ""),
        reg=d.get("reg", ""),
        q=d.get("q", ""),
    )
    return form, f


@login_required
def home(request):
    """The register of the user's area, filtered, with counts by level."""
    selectors.require_reader(request.user)
    form, filters = _filters(request)
    today = timezone.localdate()
    qs = selectors.workers(request.user, filters=filters, today=today)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "counts": selectors.counts_by_level(qs),
        "today": today,
        "soon_until": today + timedelta(days=conf.get("DUE_SOON_DAYS")),
        "may_edit": bool(selectors.editable_paths(request.user)),
        "query": request.GET.urlencode(),
        "tab": "home",
        "nav": "talent",
    }
    return render(request, "talent/home.html", context)


@login_required
def export(request):
    """The filtered register as Excel (names and phones masked: the clear data stays in the system)."""
    selectors.require_reader(request.user)
    _form, filters = _filters(request)
    today = timezone.localdate()
    qs = selectors.workers(request.user, filters=filters, today=today).prefetch_related("certificates")
    headers = [_("姓名"), _("联系电话"), _("执业区域"), _("工作单位"), _("服务领域"), _("等级")]
    headers += [_("证书编号"), _("登记有效期至"), _("状态")]

    content = sheets.workbook_bytes(headers, _export_rows(qs, today), title=_("社会工作者"))
    return sheets.xlsx_response(content, f"{_('社会工作者名册')}-{today.isoformat()}.xlsx")


def _export_rows(qs, today):
    for w in qs[:EXPORT_LIMIT]:
        numbers = "、".join(c.number for c in w.certificates.all())
        yield [
            w.person.name_masked,
            w.person.phone_masked,
            w.region.name,
            w.employer,
            w.get_field_display(),
            w.get_level_display() if w.level else "",
            numbers,
            w.last_until,
            w.get_status_display(),
        ]


@login_required
def worker(request, pk: int):
    w = selectors.worker_for(request.user, pk)
    return render(request, "talent/worker.html", worker_context(request, w))


def worker_context(request, w, **forms_in_error) -> dict:
    """The worker page; ``forms_in_error`` are bound forms of a refused action shown with their errors."""
    today = timezone.localdate()
    may_edit = selectors.may_edit(request.user, w)
    certificates = list(w.certificates.order_by("passed_on", "id"))
    periods = selectors.worker_periods(w)
    registered = {r.certificate_id for r in periods}
    for c in certificates:
        c.registered = c.pk in registered
    context = {
        "w": w,
        "person": masked(w.person),
        "certificates": certificates,
        "periods": periods,
        "current": next((r for r in periods if r.contains(today)), None),
        "today": today,
        "may_edit": may_edit,
        "events": history(w, certificates, periods),
        "nav": "talent",
    }
    if may_edit:
        context.update(
            certificate_form=forms.CertificateForm(),
            register_form=forms.RegisterForm(certificates=certificates),
            education_form=forms.EducationForm(),
            unmask_form=forms.UnmaskForm(),
        )
        context.update(forms_in_error)
    return context


EVENT_LABELS = {
    "talent.worker.created": gettext_lazy("登记入册"),
    "talent.worker.updated": gettext_lazy("修改信息"),
    "talent.certificate.added": gettext_lazy("添加证书"),
    "talent.registration.registered": gettext_lazy("办理登记"),
    "talent.registration.renewed": gettext_lazy("办理续期登记"),
    "talent.education.added": gettext_lazy("记录继续教育"),
    "talent.education.deleted": gettext_lazy("删除继续教育记录"),
    "people.person.unmasked": gettext_lazy("查看身份信息"),
}


def history(w, certificates, periods) -> list:
    """The audit events of the worker and of their certificates, registrations and CE records."""
    targets = Q(target_type="talent.socialworker", target_id=str(w.pk))
    targets |= Q(target_type="talent.certificate", target_id__in=[str(c.pk) for c in certificates])
    targets |= Q(target_type="talent.registration", target_id__in=[str(r.pk) for r in periods])
    targets |= Q(target_type="people.person", target_id=str(w.person_id), data__context=f"talent:{w.pk}")
    events = list(AuditEvent.objects.filter(targets).order_by("id")[:200])
    for e in events:
        e.label = EVENT_LABELS.get(e.action, e.action)
    return events


@login_required
def worker_create(request):
    selectors.require_editor(request.user)
    form = forms.WorkerForm(request.POST or None, regions=selectors.regions_editable_by(request.user))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                w = services.worker_create(identity=form.identity(), data=form.data_(), actor=request.user)
            except InvalidInput as e:
                apply_errors(form, e)
            else:
                messages.success(request, _("已登记社会工作者，请继续添加证书和登记信息。"))
                return redirect("talent:worker", pk=w.pk)
    context = {"form": form, "title": _("新增社会工作者"), "nav": "talent", "tab": "home"}
    return render(request, "talent/worker_form.html", context, status=status)


@login_required
def worker_edit(request, pk: int):
    w = selectors.worker_for(request.user, pk, edit=True)
    initial = {
        "region": w.region,
        "employer": w.employer,
        "employer_credit_code": w.employer_credit_code,
        "field": w.field,
        "status": w.status,
    }
    form = forms.WorkerForm(
        request.POST or None,
        initial=initial,
        regions=selectors.regions_editable_by(request.user),
        editing=True,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.worker_update(
                    worker=w, data=form.data_(), identity=form.identity(), actor=request.user
                )
            except InvalidInput as e:
                apply_errors(form, e)
            else:
                messages.success(request, _("已保存。"))
                return redirect("talent:worker", pk=w.pk)
    context = {
        "form": form,
        "w": w,
        "person": masked(w.person),
        "title": _("修改社会工作者信息"),
        "nav": "talent",
    }
    return render(request, "talent/worker_form.html", context, status=status)


@login_required
@require_POST
@never_cache
def identity(request, pk: int):
    """The worker's clear name, ID number and phone, for the registrar who keeps the record; audited."""
    w = selectors.worker_for(request.user, pk, edit=True)
    form = forms.UnmaskForm(request.POST)
    reason = (form.cleaned_data["reason"] if form.is_valid() else "") or _("核对社会工作者登记信息")
    clear = person_unmask(person=w.person, actor=request.user, reason=reason, context=f"talent:{w.pk}")
    return render(request, "talent/identity.html", {"w": w, "clear": clear, "nav": "talent"})


def refused(request, w, error: DomainError, **bound_forms):
    """Re-show the worker page with a refused action's message beside its form (4xx, nothing written)."""
    for form in bound_forms.values():
        if isinstance(error, InvalidInput):
            apply_errors(form, error)
        else:
            form.add_error(None, str(error.message))
    if not bound_forms:
        messages.error(request, str(error.message))
    return render(
        request, "talent/worker.html", worker_context(request, w, **bound_forms), status=error.status_code
    )
