"""吹哨报到 pages: thin — parse, find through a selector, call one service, respond."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.core.periods import CHINA
from minsheng.orgs.selectors import roles_in
from minsheng.whistles import selectors, services, workflow
from minsheng.whistles.forms import PeriodForm, WhistleForm
from minsheng.whistles.models import Whistle

PAGE = 100


@login_required
def whistles(request):
    rows = selectors.whistles_visible_to(request.user).order_by("-raised_at")
    status = request.GET.get("status", "")
    if status in Whistle.Status.values:
        rows = rows.filter(status=status)
    context = {
        "rows": rows[:PAGE],
        "status": status,
        "statuses": Whistle.Status.choices,
        "may_raise": selectors.streets_of(request.user).exists(),
        "is_district": bool(selectors.district_paths(request.user)),
        "nav": "whistles",
    }
    return render(request, "whistles/list.html", context)


@login_required
def raise_whistle(request):
    street = selectors.streets_of(request.user).select_related("region").first()
    if street is None:
        raise PermissionDenied(_("只有街道（乡镇）的工作人员可以吹哨。"))
    form = WhistleForm(request.POST or None, street=street)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                whistle = services.whistle_raise(
                    street=street, plan=form.plan(), actor=request.user, now=timezone.now()
                )
            except InvalidInput as e:
                apply_errors(form, e)
            except DomainError as e:
                form.add_error(None, str(e.message))
            else:
                messages.success(request, _("已吹哨，被点名部门已收到提醒。"))
                return redirect("whistles:whistle", number=whistle.number)
    context = {"form": form, "street": street, "nav": "whistles"}
    return render(request, "whistles/new.html", context, status=status)


@login_required
def whistle(request, number: str):
    item = selectors.whistle_for(request.user, number=number)
    street_roles = roles_in(request.user, item.street)
    calls = [
        {"call": c, "steps": workflow.call_steps_open(c, roles_in(request.user, c.unit))}
        if item.status == Whistle.Status.RAISED
        else {"call": c, "steps": []}
        for c in selectors.calls_of(item)
    ]
    context = {
        "item": item,
        "calls": calls,
        "may_close": item.status == Whistle.Status.RAISED and bool(street_roles & workflow.CLOSE_ROLES),
        "may_rate": item.status != Whistle.Status.RAISED and bool(street_roles & workflow.RATE_ROLES),
        "ratings": workflow.RATINGS,
        "nav": "whistles",
    }
    return render(request, "whistles/whistle.html", context)


def _act(request, number: str, action) -> object:
    item = selectors.whistle_for(request.user, number=number)
    try:
        action(item)
    except DomainError as e:
        messages.error(request, str(e.message))
    return redirect("whistles:whistle", number=item.number)


@login_required
@require_POST
def call_step(request, number: str, call_id: int, step_name: str):
    if step_name not in {s.name for s in workflow.CALL_STEPS}:
        raise PermissionDenied
    return _act(request, number, lambda item: services.call_take(
        call=get_object_or_404(item.calls, pk=call_id), step_name=step_name, actor=request.user,
        now=timezone.now(), result=request.POST.get("result", "")))  # fmt: skip


@login_required
@require_POST
def close(request, number: str):
    summary = request.POST.get("summary", "")
    return _act(request, number, lambda item: services.whistle_close(
        whistle=item, actor=request.user, now=timezone.now(), summary=summary))  # fmt: skip


@login_required
@require_POST
def rate(request, number: str, call_id: int):
    try:
        rating = int(request.POST.get("rating", ""))
    except ValueError:
        rating = 0
    return _act(request, number, lambda item: services.call_rate(
        call=get_object_or_404(item.calls, pk=call_id), actor=request.user, rating=rating,
        comment=request.POST.get("comment", "")))  # fmt: skip


def _period(form: PeriodForm) -> tuple[datetime, datetime]:
    today = timezone.now().astimezone(CHINA).date()
    data = form.cleaned_data if form.is_valid() else {}
    since = data.get("since") or today.replace(day=1)
    until = data.get("until") or today
    return datetime.combine(since, time.min, CHINA), datetime.combine(
        until + timedelta(days=1), time.min, CHINA
    )


@login_required
def assessment(request):
    """The district's view of both sides: each department's reports and each street's whistles."""
    paths = selectors.district_paths(request.user)
    if not paths:
        raise PermissionDenied(_("只有区（县）政府的工作人员可以查看考核情况。"))
    form = PeriodForm(request.GET or None)
    since, until = _period(form)
    context = {
        "form": form,
        "since": since,
        "until": until - timedelta(days=1),
        "departments": selectors.department_records(paths, since=since, until=until),
        "streets": selectors.street_records(paths, since=since, until=until),
        "load": selectors.street_load(paths),
        "nav": "whistles",
    }
    return render(request, "whistles/assessment.html", context)
