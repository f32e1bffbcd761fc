"""Admin of users (with their roles in units) and API tokens (the key is shown once, never stored)."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.accounts import twofactor
from minsheng.accounts.models import ApiToken, User
from minsheng.orgs.models import Membership


class MinshengUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "display_name")


class MinshengUserChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("unit",)
    verbose_name = gettext_lazy("任职")
    verbose_name_plural = gettext_lazy("在各单位的角色")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = MinshengUserChangeForm
    add_form = MinshengUserCreationForm
    inlines = (MembershipInline,)
    list_display = ("username", "display_name", "is_staff", "is_citizen", "is_active", "last_login")
    list_filter = ("is_staff", "is_superuser", "is_citizen", "is_active", "memberships__role")
    search_fields = ("username", "display_name", "email")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (gettext_lazy("个人信息"), {"fields": ("display_name", "first_name", "last_name", "email")}),
        (
            gettext_lazy("权限"),
            {"fields": ("is_active", "is_staff", "is_superuser", "is_citizen", "groups", "user_permissions")},
        ),
        (gettext_lazy("重要日期"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "display_name", "password1", "password2")}),
    )
    actions = ("reset_two_factor",)

    @admin.action(description=gettext_lazy("重置两步验证（手机丢失或更换）"), permissions=("change",))
    def reset_two_factor(self, request, queryset):
        """Remove the users' authenticators: each enrols a new one at the next login (audited)."""
        users = list(queryset)
        for user in users:
            twofactor.reset_devices(user=user, actor=request.user)
        self.message_user(
            request,
            _("已重置%(n)s个用户的两步验证；他们下次登录时需重新绑定验证器。") % {"n": len(users)},
            messages.SUCCESS,
        )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Adding a token generates its key and shows it once; only the SHA-256 hash is kept."""

    list_display = ("name", "user", "created_at", "revoked")
    list_filter = ("revoked",)
    search_fields = ("name", "user__username")
    autocomplete_fields = ("user",)
    actions = ("revoke",)

    def get_fields(self, request, obj=None):
        return ("user", "name", "created_at", "revoked") if obj else ("user", "name")

    def get_readonly_fields(self, request, obj=None):
        # A token belongs to one user for life; a new owner gets a new token.
        return ("user", "created_at") if obj else ()

    def has_delete_permission(self, request, obj=None):
        # Revoke instead: the row shows who could call the API, and until when.
        return False

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            if "revoked" in form.changed_data:
                self._audit_revocation(request, obj)
            return
        issued, key = ApiToken.issue(user=obj.user, name=obj.name)
        # The admin goes on with ``obj`` (log entry, redirect): make it the row just stored.
        obj.pk, obj.key_hash, obj.created_at = issued.pk, issued.key_hash, issued.created_at
        obj._state.adding, obj._state.db = False, issued._state.db
        audit.record(
            actor=request.user,
            action="accounts.api_token.issued",
            target=issued,
            data={"user": obj.user.username, "name": obj.name},
        )
        self.message_user(
            request,
            _("接口令牌已生成，请立即复制保存，它只显示这一次：%(key)s") % {"key": key},
            messages.WARNING,
        )

    def _audit_revocation(self, request, token):
        audit.record(
            actor=request.user,
            action="accounts.api_token.revoked" if token.revoked else "accounts.api_token.restored",
            target=token,
            data={"user": token.user.username, "name": token.name},
        )

    @admin.action(description=gettext_lazy("吊销所选令牌"), permissions=("change",))
    @transaction.atomic
    def revoke(self, request, queryset):
        tokens = list(queryset.filter(revoked=False).select_related("user"))
        for token in tokens:
            token.revoked = True
            token.save(update_fields=["revoked"])
            self._audit_revocation(request, token)
        self.message_user(request, _("已吊销%(n)s个令牌。") % {"n": len(tokens)}, messages.SUCCESS)
