"""The reminder lists (学时不足 / 即将到期 / 已过期 / 逾期未登记) and their Excel exports."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.core import sheets
from minsheng.talent import conf, forms, selectors

LISTS = {
    "short": gettext_lazy("学时不足"),
    "soon": gettext_lazy("即将到期"),
    "lapsed": gettext_lazy("已过期"),
    "unregistered": gettext_lazy("逾期未登记"),
}
PAGE_SIZE = 100
MAX_DAYS = 3 * 366


def _found(request, kind: str):
    if kind not in LISTS:
        raise Http404
    selectors.require_reader(request.user)
    form = forms.AreaForm(request.GET, areas=selectors.areas_readable_by(request.user))
    area = selectors.area_for(request.user, request.GET.get("area", ""))
    try:
        days = min(MAX_DAYS, max(0, int(request.GET.get("days", ""))))
    except ValueError:
        days = conf.get("DUE_SOON_DAYS")
    today = timezone.localdate()
    user = request.user
    qs = {
        "short": lambda: selectors.short_of_hours(user, today=today, area=area),
        "soon": lambda: selectors.due_soon(user, today=today, days=days, area=area),
        "lapsed": lambda: selectors.lapsed(user, today=today, area=area),
        "unregistered": lambda: selectors.unregistered(user, today=today, area=area),
    }[kind]()
    return form, qs, days, today


@login_required
def reminder_list(request, kind: str):
    form, qs, days, today = _found(request, kind)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "kind": kind,
        "title": LISTS[kind],
        "lists": LISTS,
        "form": form,
        "page": page,
        "days": days,
        "today": today,
        "query": request.GET.urlencode(),
        "tab": kind,
        "nav": "talent",
    }
    return render(request, "talent/list.html", context)


@login_required
def reminder_export(request, kind: str):
    _form, qs, _days, today = _found(request, kind)
    if kind == "unregistered":
        headers = [_("姓名"), _("执业区域"), _("工作单位"), _("证书等级"), _("证书编号")]
        headers += [_("考试通过日期"), _("应登记截止日期")]
        rows = (
            [c.worker.person.name_masked, c.worker.region.name, c.worker.employer, c.get_level_display(),
             c.number, c.passed_on, c.registration_deadline]
            for c in qs
        )  # fmt: skip
    else:
        headers = [_("姓名"), _("执业区域"), _("工作单位"), _("证书等级"), _("证书编号"), _("登记日期")]
        headers += [_("有效期至"), _("已完成学时"), _("应完成学时"), _("差额学时")]
        rows = (
            [r.worker.person.name_masked, r.worker.region.name, r.worker.employer,
             r.certificate.get_level_display(), r.certificate.number, r.registered_on, r.valid_until,
             r.hours_done, r.hours_required, r.shortfall]
            for r in qs
        )  # fmt: skip
    content = sheets.workbook_bytes(headers, rows, title=str(LISTS[kind]))
    return sheets.xlsx_response(content, f"{LISTS[kind]}-{today.isoformat()}.xlsx")
