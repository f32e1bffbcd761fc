from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The project's own demo data (``manage.py demo_seed``); not needed in production."""

    name = "minsheng.demo"
    label = "demo"
