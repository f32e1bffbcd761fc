from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.petitions import services


@shared_task(name="minsheng.petitions.tasks.scan_deadlines")
@once_per_tick
def scan_deadlines() -> dict:
    """Periodic (Celery beat): flag overdue steps, raise supervision, close expired windows."""
    result = services.scan_deadlines(now=timezone.now())
    return {"closed": result.closed, "supervised": result.supervised}
