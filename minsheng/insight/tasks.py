from celery import shared_task
from django.utils import timezone

from minsheng.core.once import once_per_tick
from minsheng.insight import rollups, services


@shared_task(name="minsheng.insight.tasks.refresh_rollups")
@once_per_tick
def refresh_rollups() -> dict:
    """Periodic (every 2 minutes): recompute the rollup days whose records changed. Safe to run twice."""
    result = rollups.refresh()
    return {"days": result.days, "rows": result.rows}


@shared_task(name="minsheng.insight.tasks.generate_due_reports")
@once_per_tick
def generate_due_reports() -> dict:
    """Hourly: last month's briefing (on the 1st) and, in January, last year's annual report; once each."""
    rollups.refresh()  # the last hours of the month count too
    result = services.generate_due_reports(now=timezone.now())
    return {"created": len(result.created)}
