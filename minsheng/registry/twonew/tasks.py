from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.registry.twonew.services.reminders import remind_registrars as _remind


@shared_task(name="minsheng.twonew.tasks.remind_registrars")
@once_per_tick
def remind_registrars() -> int:
    """Periodic (Celery beat, e.g. daily): the month's reminder of gaps and committee to-dos."""
    return _remind(now=timezone.now())
