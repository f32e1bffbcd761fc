from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.volunteers.service.services.reminders import remind_organizers


@shared_task(name="minsheng.volunteers.service.tasks.remind_organizers")
@once_per_tick
def remind_organizers_task() -> int:
    """Periodic (daily, e.g. 09:00): remind team managers of records to approve or to complete."""
    return remind_organizers(now=timezone.now())
