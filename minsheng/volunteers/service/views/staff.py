"""The organizer's pages: shifts with their check-in QR and roster, records to approve, corrections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.volunteers.service import permissions, qr, selectors, services, tokens
from minsheng.volunteers.service.forms import CorrectForm, ReasonForm, RecordFilterForm, TimesForm
from minsheng.volunteers.service.models import Source, Status
from minsheng.volunteers.service.views import staff_scope

PAGE_SIZE = 50


@login_required
def records(request):
    """Records the user may see, pending first when filtered so; managers tick and approve a page at once."""
    scope = staff_scope(request)
    form = RecordFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    teams = list(selectors.visible_teams(scope))
    team = next((t for t in teams if t.pk == filters.get("team")), None)
    qs = selectors.records_for(
        scope,
        status=filters.get("status", ""),
        team=team,
        area=filters.get("area", ""),
        month=filters.get("month"),
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "teams": teams,
        "team": team,
        "status": filters.get("status", ""),
        "managed": scope.team_ids,
        "nav": "records",
    }
    return render(request, "volunteer_service/records.html", context)


@login_required
@require_POST
def approve(request):
    scope = staff_scope(request)
    pks = [int(p) for p in request.POST.getlist("records") if p.isdigit()]
    chosen = selectors.decidable_records(scope, pks)
    try:
        n = services.records_approve(records=chosen, actor=request.user, now=timezone.now())
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("已认定%(n)s条服务记录。") % {"n": n})
    back = request.POST.get("next") or ""
    # Only a page of this site: an attacker's link must not turn the approval into a redirect elsewhere.
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("volunteer_service:records") + "?status=pending"
    return redirect(back)


@login_required
def record(request, pk: int):
    scope = staff_scope(request)
    rec = selectors.record_for(scope, pk)
    context = {
        "record": rec,
        "history": selectors.history_of(rec),
        "may_decide": permissions.may_decide(scope, rec) and rec.status == Status.PENDING,
        "may_correct": permissions.may_correct(scope, rec) and rec.status != Status.REJECTED,
        "correct_form": CorrectForm(
            initial={
                "check_in_at": timezone.localtime(rec.check_in_at),
                "check_out_at": timezone.localtime(rec.check_out_at) if rec.check_out_at else None,
            },
        ),
        "reject_form": ReasonForm(),
        "nav": "records",
    }
    return render(request, "volunteer_service/record.html", context)


def _record_action(request, pk: int, *, allowed, act):
    scope = staff_scope(request)
    rec = selectors.record_for(scope, pk)
    if not allowed(scope, rec):
        raise PermissionDenied
    form_class = CorrectForm if act == "correct" else ReasonForm
    form = form_class(request.POST)
    if form.is_valid():
        data, now = form.cleaned_data, timezone.now()
        try:
            if act == "correct":
                services.record_correct(
                    record=rec, check_in_at=data["check_in_at"], check_out_at=data["check_out_at"],
                    reason=data["reason"], actor=request.user, now=now,
                )  # fmt: skip
                messages.success(request, _("已更正，更正前后的时间已记入审计日志。"))
            else:
                services.record_reject(record=rec, reason=data["reason"], actor=request.user, now=now)
                messages.success(request, _("已标记为不予认定。"))
            return redirect("volunteer_service:record", pk=rec.pk)
        except InvalidInput as error:
            apply_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error.message))
    context = {"record": rec, "history": selectors.history_of(rec), "nav": "records",
               "may_decide": act == "reject", "may_correct": act == "correct",
               "correct_form": form if act == "correct" else CorrectForm(),
               "reject_form": form if act == "reject" else ReasonForm()}  # fmt: skip
    return render(request, "volunteer_service/record.html", context, status=400)


@login_required
@require_POST
def correct(request, pk: int):
    return _record_action(request, pk, allowed=permissions.may_correct, act="correct")


@login_required
@require_POST
def reject(request, pk: int):
    return _record_action(request, pk, allowed=permissions.may_decide, act="reject")


@login_required
def shifts(request):
    scope = staff_scope(request)
    now = timezone.now()
    rows = selectors.shifts_for(scope, now=now)
    return render(request, "volunteer_service/shifts.html", {"shifts": rows, "now": now, "nav": "shifts"})


def checkin_url(request, shift) -> str:
    return request.build_absolute_uri(
        reverse("volunteer_service_public:checkin", args=[tokens.checkin_token(shift.pk)])
    )


def _shift_page(request, sh, *, times_form=None, status=200):
    url = checkin_url(request, sh)
    context = {
        "shift": sh,
        "roster": selectors.roster(sh),
        "checkin_url": url,
        "qr_svg": qr.svg(url, size=280, label=_("签到二维码")),
        "times_form": times_form or TimesForm(),
        "nav": "shifts",
    }
    return render(request, "volunteer_service/shift.html", context, status=status)


@login_required
def shift(request, pk: int):
    """The kiosk: the shift's QR code on screen, and the roster to check people in by hand."""
    return _shift_page(request, selectors.shift_for(staff_scope(request), pk))


@login_required
@require_POST
def kiosk(request, pk: int, volunteer: int):
    """A tap on the kiosk's roster: check the volunteer in, or out if already in."""
    scope = staff_scope(request)
    sh = selectors.shift_for(scope, pk)
    person = selectors.roster_volunteer(sh, volunteer)
    action = request.POST.get("action")
    if action not in ("in", "out"):
        raise Http404
    service = services.check_in if action == "in" else services.check_out
    try:
        service(shift=sh, volunteer=person, actor=request.user, now=timezone.now(), source=Source.KIOSK)
    except DomainError as error:
        messages.error(request, str(error.message))
        return _shift_page(request, sh, status=409)
    done = _("%(name)s 已签到。") if action == "in" else _("%(name)s 已签退。")
    messages.success(request, done % {"name": person.name_masked})
    return redirect("volunteer_service:shift", pk=sh.pk)


@login_required
@require_POST
def enter(request, pk: int, volunteer: int):
    """The organizer types in a volunteer's times for the shift (or completes a missing check-out)."""
    scope = staff_scope(request)
    sh = selectors.shift_for(scope, pk)
    person = selectors.roster_volunteer(sh, volunteer)
    form = TimesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写正确的签到和签退时间。"))
        return _shift_page(request, sh, times_form=form, status=400)
    d = form.cleaned_data
    try:
        services.record_enter(
            shift=sh, volunteer=person, check_in_at=d["check_in_at"], check_out_at=d["check_out_at"],
            actor=request.user, now=timezone.now(), notes=d["notes"],
        )  # fmt: skip
    except DomainError as error:
        messages.error(request, str(error.message))
        return _shift_page(request, sh, times_form=form, status=error.status_code)
    messages.success(request, _("已录入 %(name)s 的服务时间。") % {"name": person.name_masked})
    return redirect("volunteer_service:shift", pk=sh.pk)
