from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwonewConfig(AppConfig):
    name = "minsheng.registry.twonew"
    label = "twonew"
    verbose_name = _("两新组织")
