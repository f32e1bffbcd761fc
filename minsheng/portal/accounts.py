"""Optional citizen accounts: sign up, log in, log out, and "my petitions".

A petition never needs an account; an account only gathers the cases filed while logged in, so
that their status pages open without the query code. Staff are refused here and use the staff login
(which asks for their second factor). Wrong passwords are limited twice: django-axes locks a username
out per client address (settings AXES_*, lockout page ``accounts.views.lockout_response``), and the
address's hourly allowance counts failures over all usernames. Thin views: the write is
``services.citizen_sign_up``, the access rule ``tracking``.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm, UsernameField
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from minsheng.core.errors import InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.petitions import selectors
from minsheng.petitions.views import is_citizen_only
from minsheng.portal import services, tracking
from minsheng.portal.ratelimit import is_spent, over_limit, rate_limited, too_many_requests

LOGIN_SCOPE = "login"


class SignUpForm(UserCreationForm):
    """Username (a phone number will do), an optional name to be greeted by, the password twice."""

    required_css_class = "required"

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "display_name")
        field_classes = {"username": UsernameField}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        f = self.fields
        f["username"].label = _("用户名或手机号")
        f["username"].help_text = _("可以使用字母、数字和 @ . + - _，也可以直接使用手机号。")
        f["username"].widget.attrs.update(autocomplete="username", autocapitalize="none")
        f["display_name"].label = _("称呼（可不填）")
        f["display_name"].help_text = _("页面上如何称呼您；不必填写真实姓名。")
        f["password1"].label = _("密码")
        f["password2"].label = _("再次输入密码")
        f["password2"].help_text = _("请再输入一次，以免输错。")


class PortalLoginForm(AuthenticationForm):
    required_css_class = "required"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("用户名或手机号")
        self.fields["password"].label = _("密码")

    def confirm_login_allowed(self, user):
        # Staff sign in on the staff login page only, so that its protections (throttling, 2FA)
        # cannot be sidestepped through the public one.
        super().confirm_login_allowed(user)
        if not is_citizen_only(user):
            raise forms.ValidationError(_("工作人员请从工作人员登录页面登录。"), code="staff_account")


def home_of(user) -> str:
    """Where an account lands: a citizen on their cases, staff on the workbench."""
    return resolve_url("portal:mine" if is_citizen_only(user) else "petitions:queue")


@never_cache
@rate_limited("signup")
def signup(request):
    if request.user.is_authenticated:
        return redirect(home_of(request.user))
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.citizen_sign_up(
                username=form.cleaned_data["username"],
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password1"],
            )
        except InvalidInput as error:
            apply_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, gettext("注册成功。今后登录后提交的信访件会列在“我的信访”中。"))
            return redirect("portal:mine")
    return render(request, "portal/signup.html", {"form": form}, status=400 if form.is_bound else 200)


class PortalLoginView(LoginView):
    """Django's login with the portal's page; only failed attempts count against the hourly limit."""

    template_name = "portal/login.html"
    form_class = PortalLoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        # Refused before the password is checked: once spent, a right guess gains nothing either.
        if is_spent(request, LOGIN_SCOPE):
            return too_many_requests(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        over_limit(self.request, LOGIN_SCOPE)
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_success_url(self):
        return self.get_redirect_url() or resolve_url("portal:mine")


@never_cache
@login_required(login_url="portal:login")
def mine(request):
    """The logged-in citizen's own petitions; each status page opens without the query code."""
    bookings = selectors.bookings_of(request.user)
    context = {"rows": tracking.petitions_of(request.user), "bookings": bookings}
    return render(request, "portal/mine.html", context)
