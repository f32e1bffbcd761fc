"""Periodic work of the talent registry (schedule: daily, e.g. 07:30 China time)."""

from celery import shared_task
from django.utils import timezone

from minsheng.talent.services.reminders import reminders_send


@shared_task(name="minsheng.talent.tasks.send_reminders")
def send_reminders() -> int:
    return reminders_send(today=timezone.localdate())
