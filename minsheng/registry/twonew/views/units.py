"""The unit registry: list with filters and counts, detail, registration and editing, export."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core import sheets
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.registry.twonew import coverage, rules, selectors, services
from minsheng.registry.twonew.forms import AssignForm, UnitFilterForm, UnitForm
from minsheng.registry.twonew.views.common import (
    PAGE_SIZE,
    base_context,
    readers_only,
    refused,
    require_editing,
)


def filtered_units(request):
    """The units list's query from its GET filters; the drill-down links of the dashboard land here."""
    form = UnitFilterForm(request.GET, user=request.user)
    form.is_valid()  # a bad filter is dropped; the valid ones still apply
    f = form.cleaned_data
    region = selectors.region_for(request.user, f["region"]) if f.get("region") else None
    units = selectors.filter_units(
        selectors.units_visible_to(request.user),
        region=region,
        industry=f.get("industry", ""),
        kind=f.get("kind", ""),
        search=f.get("q", ""),
        exact=bool(f.get("exact")),
    )
    if f.get("status"):
        units = coverage.units_with_status(units, f["status"])
    return form, units


@readers_only
def unit_list(request):
    form, units = filtered_units(request)
    gap_min = rules.conf.get("GAP_MIN_FULL_MEMBERS")
    counts = units.aggregate(
        n_total=Count("pk"),
        n_operating=Count("pk", filter=Q(operating=True)),
        n_covered=Count("pk", filter=Q(operating=True) & ~Q(coverage="")),
        n_gaps=Count("pk", filter=Q(operating=True, coverage="", full_members__gte=gap_min)),
    )
    counts = {key[2:]: value for key, value in counts.items()}
    # Newest first: the primary key orders a million units without sorting them.
    page = Paginator(units.order_by("-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = base_context(request, "units", form=form, page=page, counts=counts, query=query.urlencode())
    return render(request, "twonew/unit_list.html", context)


@readers_only
def unit_export(request):
    _form, units = filtered_units(request)
    content = sheets.workbook_bytes(
        services.importing.export_headers(), services.export_rows(units), title=_("两新组织")
    )
    return sheets.xlsx_response(content, _("两新组织名录.xlsx"))


@readers_only
def unit_detail(request, pk: int):
    unit = selectors.unit_for(request.user, pk)
    party_orgs = unit.party_organizations.select_related("region").order_by("-founded_on")
    may_edit = selectors.may_edit(request.user, unit.region)
    assign = AssignForm(user=request.user, initial={"units": [unit.pk]}) if may_edit else None
    gap = rules.is_gap(operating=unit.operating, full_members=unit.full_members, coverage=unit.coverage)
    context = base_context(
        request, "units", unit=unit, party_orgs=party_orgs, may_edit=may_edit, assign=assign, gap=gap
    )
    return render(request, "twonew/unit_detail.html", context)


@readers_only
def unit_create(request):
    require_editing(request.user)
    form = UnitForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                unit = services.unit_create(actor=request.user, data=form.unit_data())
            except DomainError as e:
                status = refused(request, form, e)
            else:
                messages.success(request, _("已登记。"))
                return redirect("registry:twonew:unit", pk=unit.pk)
        else:
            status = 400
    return render(request, "twonew/unit_form.html", base_context(request, "units", form=form), status=status)


@readers_only
def unit_edit(request, pk: int):
    unit = selectors.unit_for(request.user, pk)
    selectors.require_editor(request.user, unit.region)
    initial = {k: getattr(unit, k) for k in services.units.FIELDS}
    form = UnitForm(request.POST or None, user=request.user, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.unit_update(actor=request.user, organization=unit, data=form.unit_data())
            except DomainError as e:
                status = refused(request, form, e)
            else:
                messages.success(request, _("已保存。"))
                return redirect("registry:twonew:unit", pk=unit.pk)
        else:
            status = 400
    context = base_context(request, "units", form=form, unit=unit)
    return render(request, "twonew/unit_form.html", context, status=status)


@readers_only
@require_POST
def unit_unassign(request, pk: int):
    unit = selectors.unit_for(request.user, pk)
    services.instructor_unassign(actor=request.user, organization=unit)
    messages.success(request, _("已取消党建指导员。"))
    return redirect("registry:twonew:unit", pk=unit.pk)


@readers_only
@require_POST
def assign(request):
    """Assign an instructor to one unit (detail page) or many (ticked on the gap list)."""
    require_editing(request.user)
    form = AssignForm(request.POST, user=request.user)
    back = request.POST.get("next") or ""
    if not back.startswith("/registry/twonew/"):
        back = "registry:twonew:gaps"
    if not form.is_valid():
        messages.error(request, _("请选择党建指导员和单位。"))
        return redirect(back)
    try:
        n = services.instructor_assign(
            actor=request.user,
            instructor=form.cleaned_data["instructor"],
            units=list(form.cleaned_data["units"]),
        )
    except (DomainError, InvalidInput) as e:
        messages.error(request, e.message)
        return redirect(back)
    messages.success(request, _("已为%(n)s个单位派出党建指导员。") % {"n": n})
    return redirect(back)


@readers_only
def gap_list(request):
    """应建未建: operating units with 3+ full members and no organization; bulk instructor assignment."""
    units = coverage.units_with_status(selectors.units_visible_to(request.user), "gaps")
    region_code = request.GET.get("region", "")
    if region_code:
        units = selectors.filter_units(units, region=selectors.region_for(request.user, region_code))
    units = units.order_by("region__code", "-full_members", "name")
    if request.GET.get("format") == "xlsx":
        content = sheets.workbook_bytes(
            services.importing.export_headers(), services.export_rows(units), title=_("应建未建")
        )
        return sheets.xlsx_response(content, _("应建未建单位.xlsx"))
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    may_edit = selectors.may_edit_somewhere(request.user)
    instructors = selectors.instructors_assignable_by(request.user) if may_edit else []
    context = base_context(request, "gaps", page=page, instructors=instructors, region_code=region_code)
    return render(request, "twonew/gap_list.html", context)
