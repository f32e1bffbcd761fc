from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "minsheng.petitions"
    label = "petitions"
    verbose_name = _("信访")

    def ready(self):
        from minsheng.petitions import retention, subject_access  # noqa: F401 (they register their parts)
        from minsheng.petitions.textsource import SOURCE
        from minsheng.textmine import sources

        sources.register(SOURCE)
        from minsheng.petitions import exports  # noqa: F401 (registers its list's export)
