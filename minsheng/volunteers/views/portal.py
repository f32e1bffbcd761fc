"""The portal: register as a volunteer, browse activities, sign up and cancel, "my activities"."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.volunteers import availability, selectors, services
from minsheng.volunteers.forms import ActivityFilterForm, ProfileForm, RegisterForm
from minsheng.volunteers.services.signups import missing_requirements
from minsheng.volunteers.views.common import portal_view


def activities(request):
    form = ActivityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.published_activities(
        now=timezone.now(), region=filters.get("region"), skill=filters.get("skill"), day=filters.get("day")
    )[:200]
    context = {"form": form, "activities": rows, "volunteer": selectors.volunteer_of(request.user)}
    return render(request, "volunteers/portal/activities.html", context)


def activity(request, pk: int):
    activity = selectors.public_activity(pk)
    volunteer = selectors.volunteer_of(request.user)
    mine = {}
    if volunteer is not None:
        mine = {
            s.shift_id: s
            for s in volunteer.signups.filter(shift__activity=activity, status__in=selectors.ACTIVE)
        }
    shifts = list(selectors.shifts_of(activity))
    for shift in shifts:
        shift.mine = mine.get(shift.pk)
    context = {
        "activity": activity,
        "shifts": shifts,
        "volunteer": volunteer,
        "missing": missing_requirements(activity, volunteer) if volunteer else [],
        "skills": list(activity.required_skills.all()),
        "qualifications": list(activity.required_qualifications.all()),
        "now": timezone.now(),
    }
    return render(request, "volunteers/portal/activity.html", context)


@portal_view
def register(request):
    if selectors.volunteer_of(request.user) is not None:
        messages.info(request, _("您已注册为志愿者。"))
        return redirect("volunteers_public:mine")
    form = RegisterForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.volunteer_register(
                registration=form.registration(), actor=request.user, now=timezone.now(), account=request.user
            )
        except InvalidInput as e:
            apply_errors(form, e)
            status = 400
        except DomainError as e:
            form.add_error(None, str(e.message))
            status = e.status_code
        else:
            messages.success(request, _("注册成功，欢迎加入志愿者队伍！"))
            return redirect("volunteers_public:mine")
    elif request.method == "POST":
        status = 400
    return render(request, "volunteers/portal/register.html", {"form": form}, status=status)


@portal_view
def mine(request):
    volunteer = selectors.volunteer_of(request.user)
    if volunteer is None:
        return redirect("volunteers_public:register")
    context = {
        "volunteer": volunteer,
        "signups": selectors.my_signups(volunteer)[:200],
        "availability": availability.describe(volunteer.availability),
        "skills": list(volunteer.skills.all()),
        "now": timezone.now(),
    }
    return render(request, "volunteers/portal/mine.html", context)


@portal_view
def profile(request):
    volunteer = selectors.volunteer_of(request.user)
    if volunteer is None:
        return redirect("volunteers_public:register")
    initial = {
        "skills": list(volunteer.skills.all()),
        "service_regions": list(volunteer.service_regions.all()),
        "languages": "、".join(volunteer.languages),
        "availability": availability.indexes(volunteer.availability),
    }
    form = ProfileForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.volunteer_update_profile(
                volunteer=volunteer,
                actor=request.user,
                skills=d["skills"],
                languages=d["languages"].replace("，", "、").split("、"),
                availability=availability.from_indexes(d["availability"]),
                service_regions=d["service_regions"],
                phone=d["phone"],
            )
        except InvalidInput as e:
            apply_errors(form, e)
            status = 400
        else:
            messages.success(request, _("已保存。"))
            return redirect("volunteers_public:mine")
    elif request.method == "POST":
        status = 400
    return render(request, "volunteers/portal/profile.html", {"form": form}, status=status)


@require_POST
@portal_view
def sign_up(request, pk: int):
    volunteer = selectors.volunteer_of(request.user)
    if volunteer is None:
        messages.info(request, _("请先注册为志愿者，再报名活动。"))
        return redirect("volunteers_public:register")
    shift = selectors.public_shift(pk)
    try:
        signup = services.signup_create(
            shift=shift, volunteer=volunteer, actor=request.user, now=timezone.now()
        )
    except DomainError as e:
        messages.error(request, e.message)
        response = activity(request, shift.activity_id)
        response.status_code = e.status_code
        return response
    if signup.status == signup.Status.WAITLISTED:
        messages.info(
            request, _("该班次已满，您已进入候补名单（第%(n)s位）。") % {"n": signup.waitlist_position}
        )
    else:
        messages.success(request, _("报名成功。"))
    return redirect("volunteers_public:activity", pk=shift.activity_id)


@require_POST
@portal_view
def cancel(request, pk: int):
    volunteer = selectors.volunteer_of(request.user)
    if volunteer is None:
        return redirect("volunteers_public:register")
    signup = selectors.my_signup(volunteer, pk)
    try:
        services.signup_cancel(
            signup=signup, actor=request.user, now=timezone.now(), reason=request.POST.get("reason", "")
        )
    except DomainError as e:
        messages.error(request, e.message)
        return redirect("volunteers_public:mine")
    messages.success(request, _("已取消报名。"))
    return redirect("volunteers_public:mine")
