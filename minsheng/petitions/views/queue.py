"""My queue and the leaders' overdue list."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.paging import BoundedPaginator
from minsheng.orgs.selectors import unit_ids_of
from minsheng.petitions import selectors
from minsheng.petitions.forms import QueueFilterForm
from minsheng.petitions.views.htmx import is_htmx

PAGE_SIZE = 50
# The overdue page is a summary for leaders: the worst of each kind, their number, and a link to the
# whole list in the queue (paged, filterable), where they are worked through.
OVERDUE_SHOWN = 20
# Exact up to here: beyond it a count scans every open case of the area on each load.
COUNT_LIMIT = 1000
# A search is read for its first hits; a common word's count would read every case holding it.
SEARCH_COUNT_LIMIT = 200


@login_required
def queue(request):
    """Open cases the user may see, nearest deadline first; htmx refreshes only the table."""
    form = QueueFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    now = timezone.now()
    units = unit_ids_of(request.user)
    cases = selectors.queue(
        request.user,
        now=now,
        state=filters.get("state", ""),
        search=filters.get("q", ""),
        due=filters.get("due", ""),
        manual=filters.get("manual", False),
        units=units,
    )
    limit = SEARCH_COUNT_LIMIT if filters.get("q") else COUNT_LIMIT
    page = BoundedPaginator(cases, PAGE_SIZE, limit=limit).get_page(request.GET.get("page"))
    template = "petitions/_queue_table.html" if is_htmx(request) else "petitions/queue.html"
    # The unit complained about sees no petitioner's name in its list either (Arts. 30, 46).
    context = {"form": form, "page": page, "now": now, "nav": "queue", "my_units": units}
    return render(request, template, context)


@login_required
def overdue(request):
    """Overdue duties and those due soon, with how often each was supervised."""
    now = timezone.now()
    found = selectors.overdue_and_due_soon(request.user, now=now)
    sections = []
    for key, title in (("overdue", _("已超期")), ("soon", _("即将到期"))):
        counted = BoundedPaginator(found[key], OVERDUE_SHOWN, limit=COUNT_LIMIT)
        sections.append({"key": key, "title": title, "page": counted.page(1)})
    context = {"sections": sections, "now": now, "nav": "overdue"}
    return render(request, "petitions/overdue.html", context)
