"""Annual reports: the year's reports, filing and review, the overdue list (page and Excel)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core import sheets
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.registry.associations import permissions, selectors, services, workflow
from minsheng.registry.associations.deadlines import Deadline, due_date, report_year
from minsheng.registry.associations.forms import ReportFilterForm, ReportForm, ReviewForm
from minsheng.registry.associations.views.registry import detail_context

PAGE_SIZE = 50


def _year_and_filters(request):
    form = ReportFilterForm(request.GET, user=request.user)
    year = None
    if form.is_valid():
        year = form.cleaned_data.get("year")
    year = year or report_year(timezone.localdate())
    return form, year, form.filters()


@login_required
def reports(request):
    permissions.require_reader(request.user)
    form, year, filters = _year_and_filters(request)
    state = form.cleaned_data.get("state", "") if form.is_valid() else ""
    qs = selectors.reports_of_year(request.user, year=year, state=state, filters=filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    base = selectors.filtered(selectors.associations_visible_to(request.user), filters)
    deadlines = [
        {
            "deadline": d,
            "due": due_date(year, d),
            "missing": selectors.missing_reports(base, year=year, deadline=d).count(),
            "passed": today > due_date(year, d),
        }
        for d in Deadline
    ]
    context = {
        "form": form,
        "year": year,
        "page": page,
        "deadlines": deadlines,
        "owing": selectors.due_for_year(base, year).count(),
        "review_form": ReviewForm(),
        "may_write": bool(permissions.write_paths(request.user)),
        "nav": "reports",
    }
    return render(request, "associations/reports.html", context)


def _overdue(request):
    permissions.require_reader(request.user)
    form, year, filters = _year_and_filters(request)
    deadline = (form.cleaned_data.get("deadline") if form.is_valid() else "") or Deadline.REGISTRAR
    today = timezone.localdate()
    qs = selectors.overdue(request.user, year=year, deadline=deadline, today=today, filters=filters)
    return form, year, Deadline(deadline), qs


@login_required
def overdue(request):
    form, year, deadline, qs = _overdue(request)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "year": year,
        "deadline": deadline,
        "due": due_date(year, deadline),
        "page": page,
        "query": query.urlencode(),
        "nav": "overdue",
    }
    return render(request, "associations/overdue.html", context)


@login_required
def overdue_export(request):
    _form, year, deadline, qs = _overdue(request)
    due = due_date(year, deadline)
    headers = (_("名称"), _("统一社会信用代码"), _("登记地区"), _("业务主管单位"), _("联系人"), _("联系电话"),
               _("年度"), _("截止节点"), _("报送截止日期"))  # fmt: skip
    rows = (
        (a.name, a.credit_code or "", a.region.name, a.supervising_unit, a.contact_person, a.contact_phone,
         year, deadline.label, due)
        for a in qs.iterator(chunk_size=2000)
    )  # fmt: skip
    content = sheets.workbook_bytes(headers, rows, title=_("逾期未报年度工作报告"))
    return sheets.xlsx_response(content, _("逾期未报年度工作报告_%(year)s.xlsx") % {"year": year})


def _registrar_only(request, association):
    if not permissions.roles_for(request.user, association) & workflow.REGISTRAR:
        raise PermissionDenied


@login_required
@require_POST
def report_submit(request, pk: int):
    association = selectors.association_for(request.user, pk)
    _registrar_only(request, association)
    form = ReportForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.annual_report_submit(
                association=association,
                actor=request.user,
                year=form.cleaned_data["year"],
                filing=form.filing(),
                now=timezone.now(),
            )
        except InvalidInput as e:
            for field, message in e.errors.items():
                if field in form.fields:
                    form.add_error(field, message)
            error = str(e.message)
        except DomainError as e:
            error = str(e.message)
        else:
            return redirect("registry:associations:detail", pk=association.pk)
    context = detail_context(
        request, association, report_form=form, error=error or _("请检查年度工作报告各项。")
    )
    return render(request, "associations/detail.html", context, status=400)


@login_required
@require_POST
def report_review(request, pk: int):
    report = selectors.report_for(request.user, pk)
    _registrar_only(request, report.association)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        error = _("请选择审核结论。")
    else:
        try:
            services.annual_report_review(
                report=report,
                actor=request.user,
                accept=form.cleaned_data["decision"] == "accept",
                reason=form.cleaned_data["reason"],
                now=timezone.now(),
            )
        except DomainError as e:
            error = str(e.message)
        else:
            back = request.POST.get("next", "")
            if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                return redirect(back)
            return redirect("registry:associations:detail", pk=report.association_id)
    context = detail_context(request, report.association, error=error)
    return render(request, "associations/detail.html", context, status=400)
