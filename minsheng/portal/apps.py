from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "minsheng.portal"
    label = "portal"
