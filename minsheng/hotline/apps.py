from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HotlineConfig(AppConfig):
    name = "minsheng.hotline"
    label = "hotline"
    verbose_name = _("接诉即办")

    def ready(self):
        from minsheng.hotline import retention, subject_access  # noqa: F401 (they register their parts)
        from minsheng.hotline.textsource import SOURCE
        from minsheng.textmine import sources

        sources.register(SOURCE)
        from minsheng.hotline import exports  # noqa: F401 (registers its list's export)
