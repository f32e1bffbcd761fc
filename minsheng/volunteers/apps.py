from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "minsheng.volunteers"
    label = "volunteers"
    verbose_name = _("志愿服务")

    def ready(self):
        from minsheng.volunteers import retention, subject_access  # noqa: F401 (they register their parts)
