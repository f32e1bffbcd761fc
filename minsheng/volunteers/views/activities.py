"""Staff: activities, their shifts, sign-ups, insurance, and matching volunteers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.volunteers import matching, selectors, services
from minsheng.volunteers.forms import ActivityForm, CapacityForm, InsuranceForm, ReasonForm, ShiftForm
from minsheng.volunteers.models import Activity
from minsheng.volunteers.permissions import require_team_write
from minsheng.volunteers.views.common import staff_view


@staff_view
def activity_list(request, scope):
    status = request.GET.get("status", "")
    status = status if status in Activity.Status.values else ""
    rows = selectors.activities_for(scope, status=status)[:300]
    context = {"activities": rows, "status": status, "statuses": Activity.Status.choices, "nav": "volunteers"}
    return render(request, "volunteers/activities.html", context)


@staff_view
def activity_edit(request, scope, team_pk: int | None = None, pk: int | None = None):
    activity = selectors.activity_for(scope, pk) if pk else None
    team = activity.team if activity else selectors.team_for(scope, team_pk)
    if request.method == "POST":
        require_team_write(scope, team)
    initial = ActivityForm.initial_from(activity) if activity else {"region": team.region}
    form = ActivityForm(request.POST or None, team=team, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        skills, quals = d.pop("required_skills"), d.pop("required_qualifications")
        try:
            activity = services.activity_save(
                actor=request.user,
                team=team,
                activity=activity,
                required_skills=skills,
                required_qualifications=quals,
                **d,
            )
        except InvalidInput as e:
            apply_errors(form, e)
            status = 400
        except DomainError as e:
            form.add_error(None, str(e.message))
            status = e.status_code
        else:
            messages.success(request, _("活动已保存。"))
            return redirect("volunteers:activity", pk=activity.pk)
    elif request.method == "POST":
        status = 400
    context = {"form": form, "team": team, "activity": activity, "nav": "volunteers"}
    return render(request, "volunteers/activity_form.html", context, status=status)


def _activity_page(request, scope, activity, *, status=200, **forms):
    context = {
        "activity": activity,
        "shifts": selectors.shifts_of(activity),
        "may_write": scope.may_write_team(activity.team),
        "skills": list(activity.required_skills.all()),
        "qualifications": list(activity.required_qualifications.all()),
        "shift_form": forms.get("shift_form") or ShiftForm(),
        "insurance_form": forms.get("insurance_form") or InsuranceForm(),
        "cancel_form": forms.get("cancel_form") or ReasonForm(),
        "now": timezone.now(),
        "nav": "volunteers",
    }
    return render(request, "volunteers/activity.html", context, status=status)


@staff_view
def activity(request, scope, pk: int):
    return _activity_page(request, scope, selectors.activity_for(scope, pk))


ACTIONS = {
    "publish": (
        None,
        lambda a, u, now, d: services.activity_publish(actor=u, activity=a, now=now),
        gettext_lazy("活动已发布。"),
    ),
    "close": (
        None,
        lambda a, u, now, d: services.activity_close(actor=u, activity=a, now=now),
        gettext_lazy("活动已结束。"),
    ),
    "cancel": (
        ReasonForm,
        lambda a, u, now, d: services.activity_cancel(actor=u, activity=a, now=now, reason=d["reason"]),
        gettext_lazy("活动已取消，已报名的志愿者会收到通知。"),
    ),
    "insurance": (
        InsuranceForm,
        lambda a, u, now, d: services.insurance_record(actor=u, activity=a, now=now, **d),
        gettext_lazy("保险已登记。"),
    ),
    "shift": (
        ShiftForm,
        lambda a, u, now, d: services.shift_add(actor=u, activity=a, now=now, **d),
        gettext_lazy("班次已添加。"),
    ),
}
FORM_NAMES = {ReasonForm: "cancel_form", InsuranceForm: "insurance_form", ShiftForm: "shift_form"}


@require_POST
@staff_view
def activity_action(request, scope, pk: int, action: str):
    activity = selectors.activity_for(scope, pk)
    if action not in ACTIONS:
        raise Http404
    require_team_write(scope, activity.team)
    form_class, run, done = ACTIONS[action]
    form = form_class(request.POST) if form_class else None
    extra = {FORM_NAMES[form_class]: form} if form_class else {}
    try:
        if form is not None and not form.is_valid():
            raise InvalidInput(_("请检查填写的内容。"))
        run(activity, request.user, timezone.now(), form.cleaned_data if form else {})
    except InvalidInput as e:
        if form is not None:
            apply_errors(form, e)
        messages.error(request, e.message)
        return _activity_page(request, scope, activity, status=400, **extra)
    except DomainError as e:
        messages.error(request, e.message)
        return _activity_page(request, scope, activity, status=e.status_code, **extra)
    messages.success(request, done)
    return redirect("volunteers:activity", pk=activity.pk)


def _shift_of(scope, activity_pk: int, pk: int):
    activity = selectors.activity_for(scope, activity_pk)
    shift = get_object_or_404(selectors.shifts_of(activity), pk=pk)
    return activity, shift


@staff_view
def shift_signups(request, scope, activity_pk: int, pk: int):
    activity, shift = _shift_of(scope, activity_pk, pk)
    form = CapacityForm(request.POST or None, initial={"capacity": shift.capacity})
    status = 200
    if request.method == "POST":
        require_team_write(scope, activity.team)
        try:
            if not form.is_valid():
                raise InvalidInput(_("名额至少为1。"), field="capacity")
            capacity = form.cleaned_data["capacity"]
            now = timezone.now()
            services.shift_set_capacity(actor=request.user, shift=shift, capacity=capacity, now=now)
        except InvalidInput as e:
            apply_errors(form, e)
            status = 400
        except DomainError as e:
            messages.error(request, e.message)
            status = e.status_code
        else:
            messages.success(request, _("名额已修改。"))
            return redirect("volunteers:shift", activity_pk=activity.pk, pk=shift.pk)
    context = {
        "activity": activity,
        "shift": shift,
        "signups": selectors.signups_of(shift),
        "form": form,
        "may_write": scope.may_write_team(activity.team),
        "now": timezone.now(),
        "nav": "volunteers",
    }
    return render(request, "volunteers/shift.html", context, status=status)


@require_POST
@staff_view
def signup_cancel(request, scope, activity_pk: int, pk: int, signup_pk: int):
    activity, shift = _shift_of(scope, activity_pk, pk)
    require_team_write(scope, activity.team)
    signup = get_object_or_404(shift.signups.all(), pk=signup_pk)
    try:
        services.signup_cancel(
            signup=signup,
            actor=request.user,
            now=timezone.now(),
            reason=request.POST.get("reason", "") or _("组织方取消"),
        )
    except DomainError as e:
        messages.error(request, e.message)
    else:
        messages.success(request, _("已取消该报名。"))
    return redirect("volunteers:shift", activity_pk=activity.pk, pk=shift.pk)


@staff_view
def match(request, scope, pk: int):
    activity = selectors.activity_for(scope, pk)
    if not scope.may_read_team(activity.team):
        raise PermissionDenied
    shifts = list(selectors.shifts_of(activity).filter(starts_at__gt=timezone.now()))
    shift = next((s for s in shifts if str(s.pk) == request.GET.get("shift")), None)
    suggestions = matching.suggest(activity, shift=shift, now=timezone.now())
    context = {
        "activity": activity,
        "shifts": shifts,
        "shift": shift,
        "suggestions": suggestions,
        "points": (matching.SKILL_POINTS, matching.TIME_POINTS, matching.NEAR_POINTS),
        "nav": "volunteers",
    }
    return render(request, "volunteers/match.html", context)
