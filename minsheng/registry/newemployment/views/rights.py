"""Workers' rights requests by platform, with the petition's current state and due date."""

from django.shortcuts import render
from django.utils import timezone

from minsheng.registry.newemployment import selectors
from minsheng.registry.newemployment.views.common import context, filters, page_of, reader


@reader
def rights(request):
    f = filters(request)
    rows = selectors.rights_requests(
        request.user, platform=f.value("platform"), region=f.value("region"), status=f.value("status") or ""
    )
    states, summary = selectors.rights_by_platform(request.user)
    ctx = context(
        request,
        "rights",
        form=f,
        page=page_of(request, rows),
        summary=summary,
        states=states,
        now=timezone.now(),
    )
    return render(request, "newemployment/rights.html", ctx)
