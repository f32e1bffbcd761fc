"""Periodic work of the talent registry (schedule: daily, e.g. 07:30 China time)."""

from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.talent.services.reminders import reminders_send


@shared_task(name="minsheng.talent.tasks.send_reminders")
@once_per_tick
def send_reminders() -> int:
    return reminders_send(today=timezone.localdate())
