from celery import shared_task
from django.utils import timezone

from minsheng.suggestions import services


@shared_task(name="minsheng.suggestions.tasks.scan_overdue")
def scan_overdue() -> int:
    return services.scan_overdue(now=timezone.now())
