from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.volunteers import services


@shared_task(name="minsheng.volunteers.tasks.send_shift_reminders")
@once_per_tick
def send_shift_reminders() -> int:
    """Periodic (hourly): remind signed-up volunteers the day before their shift (idempotent)."""
    return services.send_shift_reminders(now=timezone.now())
