from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "minsheng.registry.associations"
    label = "associations"
    verbose_name = _("行业协会商会")
