from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.whistles import services


@shared_task(name="minsheng.whistles.tasks.scan_overdue")
@once_per_tick
def scan_overdue() -> int:
    """Periodic (Celery beat): remind departments that have not arrived or reported in time."""
    return services.scan_overdue(now=timezone.now())
