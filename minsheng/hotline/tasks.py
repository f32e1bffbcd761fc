from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.hotline import services


@shared_task(name="minsheng.hotline.tasks.scan_overdue")
@once_per_tick
def scan_overdue() -> dict:
    """Periodic (Celery beat, every 5 minutes: 2-hour deadlines exist): flag overdue orders."""
    return {"overdue": services.scan_overdue(now=timezone.now()).overdue}
