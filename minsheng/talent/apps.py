from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentConfig(AppConfig):
    name = "minsheng.talent"
    label = "talent"
    verbose_name = _("社会工作人才")

    def ready(self):
        from minsheng.talent import retention, subject_access  # noqa: F401 (they register their parts)
