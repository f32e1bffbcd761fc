from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewemploymentConfig(AppConfig):
    name = "minsheng.registry.newemployment"
    label = "newemployment"
    verbose_name = _("新就业群体")

    def ready(self):
        # Imported for what they register: the retention rule and the subject-access parts.
        from minsheng.registry.newemployment import retention, subject_access  # noqa: F401
