from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.suggestions import services


@shared_task(name="minsheng.suggestions.tasks.scan_overdue")
@once_per_tick
def scan_overdue() -> int:
    return services.scan_overdue(now=timezone.now())
