from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewemploymentConfig(AppConfig):
    name = "minsheng.registry.newemployment"
    label = "newemployment"
    verbose_name = _("新就业群体")
