"""Periodic work of ``people``: the daily retention purge (schedule in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.people import retention


@shared_task(name="minsheng.people.tasks.purge_personal_data")
@once_per_tick
def purge_personal_data() -> dict[str, int]:
    return retention.purge(as_of=timezone.now()).counts
