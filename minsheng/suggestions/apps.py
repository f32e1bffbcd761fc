from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuggestionsConfig(AppConfig):
    name = "minsheng.suggestions"
    label = "suggestions"
    verbose_name = _("人民建议征集")

    def ready(self):
        from minsheng.suggestions import retention, subject_access  # noqa: F401 (they register their parts)
        from minsheng.suggestions.textsource import SOURCE
        from minsheng.textmine import sources

        sources.register(SOURCE)
        from minsheng.suggestions import exports  # noqa: F401 (registers its list's export)
