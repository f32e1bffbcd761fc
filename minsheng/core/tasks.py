from celery import shared_task


@shared_task(name="minsheng.core.tasks.run_export")
def run_export(token: str) -> dict:
    """Write a big export to MEDIA_ROOT/exports/ with a progress count (see core/exports.py)."""
    from minsheng.core.exports import run_job

    job = run_job(token)
    return {"state": job.get("state"), "rows": job.get("done")}
