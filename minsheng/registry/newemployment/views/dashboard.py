from django.shortcuts import render

from minsheng.registry.newemployment import dashboard as figures
from minsheng.registry.newemployment.views.common import context, reader


@reader
def dashboard(request):
    f = figures.figures(request.user)
    ctx = context(request, "dashboard", f=f, charts=figures.charts(f))
    ctx["area_rows"] = [
        (s, f["workers_by_area"][s.pk], f["registrations_by_area"][s.pk], f["stations_by_area"][s.pk])
        for s in f["streets"]
    ]
    return render(request, "newemployment/dashboard.html", ctx)
