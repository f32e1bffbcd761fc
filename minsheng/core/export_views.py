"""Export pages: ``/exports/<list>.<csv|xlsx>?<the list's filters>``, and a big export's progress page."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache

from minsheng.core import exports

FORMATS = ("csv", "xlsx")


@login_required
@never_cache
def export(request, key: str, fmt: str):
    """The list ``key`` as the user sees it with these filters: the file itself, or a job when big."""
    spec = exports.get_list(key)
    if spec is None or fmt not in FORMATS:
        raise Http404
    params = {k: v for k, v in request.GET.items() if k != "page"}
    qs = spec.queryset(request.user, params)
    total = qs.count()
    if total > exports.DIRECT_LIMIT:
        exports.audit_export(user=request.user, spec=spec, fmt=fmt, params=params, rows=total,
                             action="core.export.created")  # fmt: skip
        job = exports.start_job(user=request.user, spec=spec, fmt=fmt, params=params, total=total)
        return redirect("exports:job", token=job["token"])
    exports.audit_export(user=request.user, spec=spec, fmt=fmt, params=params, rows=total,
                         action="core.export.created")  # fmt: skip
    return exports.csv_response(spec, qs) if fmt == "csv" else exports.xlsx_response(spec, qs)


def _own_job(request, token: str) -> dict:
    job = exports.read_job(token) if token.isalnum() else None
    if job is None or job["owner"] != request.user.pk:
        raise Http404  # someone else's export does not exist
    return job


@login_required
@never_cache
def job(request, token: str):
    found = _own_job(request, token)
    template = "core/_export_progress.html" if request.headers.get("HX-Request") else "core/export_job.html"
    percent = int(100 * found["done"] / found["total"]) if found["total"] else 100
    return render(request, template, {"job": found, "percent": percent})


@login_required
def download(request, token: str):
    found = _own_job(request, token)
    if found["state"] != "done":
        raise Http404
    spec = exports.get_list(found["list"])
    exports.audit_export(user=request.user, spec=spec, fmt=found["format"], params=found["params"],
                         rows=found["total"], action="core.export.downloaded")  # fmt: skip
    return FileResponse(open(exports.job_file(found), "rb"), as_attachment=True, filename=found["name"])


app_name = "exports"
urlpatterns = [
    path("jobs/<str:token>/", job, name="job"),
    path("jobs/<str:token>/download/", download, name="download"),
    path("<str:key>.<str:fmt>", export, name="export"),
]
