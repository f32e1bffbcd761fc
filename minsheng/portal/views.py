"""Public pages for citizens: what the platform promises, an online petition, progress, rating, review.

Thin views: parse a form, check the session's proof, call one service, respond. Every public POST is
rate-limited per client address (``ratelimit.py``).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.petitions import selectors, services
from minsheng.portal import tracking
from minsheng.portal.forms import RateForm, ReasonForm, SubmitForm, TrackForm
from minsheng.portal.ratelimit import rate_limited

RECEIPT_KEY = "portal_receipt"


def home(request):
    return render(request, "portal/home.html")


def _citizen_account(user):
    """A petition is linked to a portal account only when a citizen (not staff) is logged in."""
    return user if user.is_authenticated and getattr(user, "is_citizen", False) else None


@never_cache
@rate_limited("submit")
def submit(request):
    if request.method != "POST":
        return render(request, "portal/submit.html", {"form": SubmitForm()})
    form = SubmitForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            receipt = services.petition_submit(
                intake=form.intake(),
                actor=None,
                now=timezone.now(),
                account=_citizen_account(request.user),
                idempotency_key=form.idempotency_key(),
                attachments=tuple(form.cleaned_data["attachments"]),
            )
        except InvalidInput as error:
            apply_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            # Post-redirect-get; the code waits in the session and is shown exactly once.
            request.session[RECEIPT_KEY] = {"number": receipt.petition.number, "code": receipt.query_code}
            tracking.remember(request.session, receipt.petition.number)
            return redirect("portal:submitted")
    return render(request, "portal/submit.html", {"form": form}, status=400)


@never_cache
def submitted(request):
    receipt = request.session.pop(RECEIPT_KEY, None)
    if receipt is None:
        # Already shown once (or never submitted here): the code is not kept for the next visitor.
        return redirect("portal:track")
    return render(request, "portal/submitted.html", {"receipt": receipt})


@never_cache
@rate_limited("track")
def track(request):
    if request.method != "POST":
        form = TrackForm(initial={"number": request.GET.get("number", "")[:20]})
        return render(request, "portal/track.html", {"form": form})
    form = TrackForm(request.POST)
    if form.is_valid():
        petition = selectors.petition_for_citizen(
            number=form.cleaned_data["number"], code=form.cleaned_data["code"]
        )
        if petition is not None:
            tracking.remember(request.session, petition.number)
            return redirect("portal:status", number=petition.number)
        # One message for a wrong number and a wrong code: the page must not reveal which numbers exist.
        form.add_error(None, _("编号或查询码不正确。"))
    return render(request, "portal/track.html", {"form": form}, status=400)


def track_again(number: str):
    return redirect(f"{reverse('portal:track')}?{urlencode({'number': number})}")


@never_cache
def status(request, number):
    petition = tracking.petition_for_visitor(request, number)
    if petition is None:
        return track_again(number)
    return _status_page(request, petition)


@never_cache
def leave(request):
    """Forget the cases proven in this session (a shared computer)."""
    if request.method == "POST":
        tracking.forget(request.session)
        messages.success(request, _("已退出查询。"))
    return redirect("portal:track")


def _status_page(request, petition, *, forms=None, error="", status=200):
    context = {
        "s": tracking.status_of(petition, now=timezone.now()),
        "rate_form": RateForm(),
        "review_form": ReasonForm(prefix="review"),
        "re_review_form": ReasonForm(prefix="re_review"),
        "error": error,
    }
    context.update(forms or {})
    return render(request, "portal/status.html", context, status=status)


def _act(request, number, *, form_key, form, perform, done):
    """The petitioner's follow-up steps: re-check the proof, validate, call one service."""
    petition = tracking.petition_for_visitor(request, number)
    if petition is None:
        return track_again(number)
    if request.method != "POST":
        return redirect("portal:status", number=number)
    if form.is_valid():
        try:
            perform(petition, form.cleaned_data, tracking.acting_account(request, petition))
        except InvalidInput as error:
            apply_errors(form, error)
            return _status_page(request, petition, forms={form_key: form}, status=error.status_code)
        except DomainError as error:
            return _status_page(
                request, petition, forms={form_key: form}, error=error.message, status=error.status_code
            )
        messages.success(request, done)
        return redirect("portal:status", number=number)
    return _status_page(request, petition, forms={form_key: form}, status=400)


@never_cache
@rate_limited("act")
def rate(request, number):
    def perform(petition, data, actor):
        services.petition_rate(
            petition=petition,
            actor=actor,
            now=timezone.now(),
            rating=data["rating"],
            comment=data["comment"],
            as_citizen=True,
        )

    form = RateForm(request.POST or None)
    return _act(request, number, form_key="rate_form", form=form, perform=perform, done=_("感谢您的评价。"))


@never_cache
@rate_limited("act")
def request_review(request, number):
    def perform(petition, data, actor):
        services.petition_request_review(
            petition=petition, actor=actor, now=timezone.now(), reason=data["reason"], as_citizen=True
        )

    form = ReasonForm(request.POST or None, prefix="review")
    done = _("复查申请已提交，上一级机关将在30日内作出复查意见。")
    return _act(request, number, form_key="review_form", form=form, perform=perform, done=done)


@never_cache
@rate_limited("act")
def request_re_review(request, number):
    def perform(petition, data, actor):
        services.petition_request_re_review(
            petition=petition, actor=actor, now=timezone.now(), reason=data["reason"], as_citizen=True
        )

    form = ReasonForm(request.POST or None, prefix="re_review")
    done = _("复核申请已提交，复核机关将在30日内作出复核意见。")
    return _act(request, number, form_key="re_review_form", form=form, perform=perform, done=done)
