from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.registry.associations import services


@shared_task(name="minsheng.registry.associations.tasks.remind_annual_reports")
@once_per_tick
def remind_annual_reports() -> dict:
    """Periodic (daily): remind registrars of annual reports not filed (idempotent per body/year/deadline)."""
    return {"created": services.remind_annual_reports(now=timezone.now())}
