from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteerServiceConfig(AppConfig):
    name = "minsheng.volunteers.service"
    label = "volunteer_service"
    verbose_name = _("志愿服务记录")

    def ready(self):
        from minsheng.volunteers.service import subject_access  # noqa: F401 (they register their parts)
