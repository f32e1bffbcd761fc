from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "minsheng.accounts"
    label = "accounts"
    verbose_name = _("用户")

    def ready(self):
        # Logins, logouts, failed logins and lockouts are audited through the auth signals.
        from minsheng.accounts import receivers  # noqa: F401
