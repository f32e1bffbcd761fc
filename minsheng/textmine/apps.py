from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TextmineConfig(AppConfig):
    name = "minsheng.textmine"
    label = "textmine"
    verbose_name = _("文本智能")
