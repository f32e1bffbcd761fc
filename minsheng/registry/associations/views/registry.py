"""The register: list with filters and counts, detail, create/edit, workflow steps, Excel export."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.audit.models import AuditEvent
from minsheng.core import sheets
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.registry.associations import permissions, selectors, services, workflow
from minsheng.registry.associations.forms import (
    AssociationForm,
    DecouplingForm,
    FilterForm,
    ReportForm,
    StepForm,
)
from minsheng.registry.associations.workflow import S

PAGE_SIZE = 50
EXPORT_LIMIT = sheets.MAX_ROWS


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def association_list(request):
    permissions.require_reader(request.user)
    form = FilterForm(request.GET, user=request.user)
    qs = selectors.association_list(request.user, form.filters())
    counts = selectors.status_counts(qs)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "counts": [(s, counts.get(s.value, 0)) for s in S],
        "total": sum(counts.values()),
        "query": _query_without_page(request),
        "may_write": bool(permissions.write_paths(request.user)),
        "nav": "list",
    }
    return render(request, "associations/list.html", context)


@login_required
def association_export(request):
    permissions.require_reader(request.user)
    form = FilterForm(request.GET, user=request.user)
    qs = selectors.association_list(request.user, form.filters())[:EXPORT_LIMIT]
    content = services.export_workbook(qs.iterator(chunk_size=2000))
    return sheets.xlsx_response(content, _("行业协会商会.xlsx"))


def detail_context(request, association, **extra) -> dict:
    roles = permissions.roles_for(request.user, association)
    context = {
        "a": association,
        "may_write": bool(roles & workflow.REGISTRAR),
        "operating": association.status in workflow.OPERATING,
        "steps": [(s, StepForm()) for s in workflow.allowed(association.status, roles)],
        "decoupling_form": DecouplingForm(),
        "report_form": ReportForm(initial={"year": timezone.localdate().year - 1}),
        "reports": list(association.annual_reports.select_related("reviewed_by").order_by("-year")),
        "events": list(
            AuditEvent.objects.filter(target_type="associations.association", target_id=str(association.pk))
            .select_related("actor")
            .order_by("id")
        ),
        "nav": "list",
    }
    context.update(extra)
    return context


@login_required
def association_detail(request, pk: int):
    association = selectors.association_for(request.user, pk)
    return render(request, "associations/detail.html", detail_context(request, association))


@login_required
def association_create(request):
    permissions.require_registrar(request.user)
    form = AssociationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            association = services.association_create(
                actor=request.user,
                region=form.cleaned_data["region"],
                details=form.details(),
                status=form.cleaned_data["status"],
                now=timezone.now(),
            )
        except InvalidInput as e:
            apply_errors(form, e)
        else:
            return redirect("registry:associations:detail", pk=association.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "associations/form.html", {"form": form, "nav": "create"}, status=status)


@login_required
def association_edit(request, pk: int):
    association = selectors.association_for(request.user, pk)
    if not permissions.roles_for(request.user, association) & workflow.REGISTRAR:
        raise PermissionDenied
    initial = {"region": association.region, **services.details_of(association).__dict__}
    form = AssociationForm(request.POST or None, user=request.user, creating=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.association_update(
                association=association,
                actor=request.user,
                details=form.details(),
                region=form.cleaned_data["region"],
            )
        except InvalidInput as e:
            apply_errors(form, e)
        except DomainError as e:
            form.add_error(None, str(e.message))
        else:
            return redirect("registry:associations:detail", pk=association.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "a": association, "nav": "list"}
    return render(request, "associations/form.html", context, status=status)


def _refused(request, association, error: DomainError):
    context = detail_context(request, association, error=str(error.message))
    return render(request, "associations/detail.html", context, status=error.status_code)


@login_required
@require_POST
def association_step(request, pk: int, name: str):
    association = selectors.association_for(request.user, pk)
    if not permissions.roles_for(request.user, association) & workflow.REGISTRAR:
        raise PermissionDenied
    form = StepForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.association_step(
            association=association, actor=request.user, name=name, reason=reason, now=timezone.now()
        )
    except DomainError as e:
        return _refused(request, association, e)
    return redirect("registry:associations:detail", pk=association.pk)


@login_required
@require_POST
def association_decoupling(request, pk: int):
    association = selectors.association_for(request.user, pk)
    if not permissions.roles_for(request.user, association) & workflow.REGISTRAR:
        raise PermissionDenied
    form = DecouplingForm(request.POST)
    if not form.is_valid():
        return _refused(request, association, InvalidInput(_("请选择脱钩事项并填写有效日期。")))
    try:
        services.association_record_decoupling(
            association=association,
            actor=request.user,
            step=form.cleaned_data["step"],
            done_on=form.cleaned_data["done_on"],
            now=timezone.now(),
        )
    except DomainError as e:
        return _refused(request, association, e)
    return redirect("registry:associations:detail", pk=association.pk)
