"""Staff login, the lockout page (staff and portal), and the second-factor pages (verify, enrol).

Thin views: the checks and the audit records are in ``twofactor``; throttling of passwords is
django-axes' (per username and address) plus the portal's hourly allowance per address.
"""

from datetime import timedelta

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from minsheng.accounts import security, twofactor
from minsheng.portal.ratelimit import client_address, is_spent, over_limit, too_many_requests

STAFF_LOGIN_SCOPE = "staff_login"


class StaffLoginView(LoginView):
    """Django's login; wrong passwords also count against the address's hourly allowance, which stops
    one address from trying a few passwords on many usernames (axes counts per username and address)."""

    template_name = "accounts/login.html"

    def post(self, request, *args, **kwargs):
        if is_spent(request, STAFF_LOGIN_SCOPE):
            return too_many_requests(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        over_limit(self.request, STAFF_LOGIN_SCOPE)
        return super().form_invalid(form)


def _retry_at(request, credentials) -> tuple[timedelta, object]:
    """The cool-off and the moment the lockout ends: the last counted failure plus the cool-off."""
    cool_off = get_cool_off(request) or timedelta(minutes=15)
    username = get_client_username(request, credentials)
    attempts = AccessAttempt.objects.filter(ip_address=client_address(request))
    if username:
        attempts = attempts.filter(username=username)
    last = attempts.order_by("-attempt_time").values_list("attempt_time", flat=True).first()
    return cool_off, (last or timezone.now()) + cool_off


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): 429, when to retry, in the page's own style."""
    cool_off, until = _retry_at(request, credentials)
    wait = max(1, int((until - timezone.now()).total_seconds()))
    portal = security.login_channel(request) == security.PORTAL
    context = {
        "base_template": "portal/base.html" if portal else "base.html",
        "retry_at": timezone.localtime(until),
        "minutes": max(1, (wait + 59) // 60),
        "cool_off_minutes": int(cool_off.total_seconds() // 60),
        "portal": portal,
    }
    response = render(request, "accounts/lockout.html", context, status=429)
    response.headers["Retry-After"] = str(wait)
    return response


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("验证码"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url("staff_home")


def _refusal(check) -> str:
    if not check.wrong:
        return _("验证码错误次数较多，请在%(s)s秒后再试。") % {"s": check.wait_seconds}
    message = _("验证码不正确，请输入验证器应用中当前显示的6位数字。")
    # The first waits (1 s, 2 s) pass while the user reads the message; longer ones are told.
    if check.wait_seconds > 2:
        message += " " + _("请在%(s)s秒后再试。") % {"s": check.wait_seconds}
    return message


@never_cache
@login_required
def two_factor(request):
    """The second step after the password: enter the code, or enrol an authenticator first."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if twofactor.confirmed_device(request.user) is None:
        return enrol(request)
    form = CodeForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        check = twofactor.verify(request=request, token=form.cleaned_data["code"])
        if check.ok:
            return redirect(_next_url(request))
        error = _refusal(check)
    context = {"form": form, "error": error, "next": _next_url(request)}
    return render(request, "accounts/two_factor.html", context, status=400 if error else 200)


def enrol(request):
    """Show a new authenticator's QR code and secret; confirm it with its first code."""
    device = twofactor.enrolment_device(user=request.user)
    form = CodeForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        check = twofactor.confirm_enrolment(request=request, device=device, token=form.cleaned_data["code"])
        if check.ok:
            return redirect(_next_url(request))
        error = _refusal(check)
    context = {
        "form": form,
        "error": error,
        "next": _next_url(request),
        "qr_svg": twofactor.qr_svg(device),
        "secret": twofactor.secret_text(device),
        "required": security.staff_2fa_enforced(),
    }
    return render(request, "accounts/enrol.html", context, status=400 if error else 200)
