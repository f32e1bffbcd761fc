from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "minsheng.core"
    label = "core"
    verbose_name = _("基础设置")

    def ready(self):
        from minsheng.core import lookups  # noqa: F401 (registers field__any)
