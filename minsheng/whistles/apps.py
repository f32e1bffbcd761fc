from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WhistlesConfig(AppConfig):
    name = "minsheng.whistles"
    label = "whistles"
    verbose_name = _("街乡吹哨、部门报到")
