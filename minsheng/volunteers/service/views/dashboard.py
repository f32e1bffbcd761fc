"""The dashboard page: a team's (for its managers) or a region's (for its social work department)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from minsheng.orgs.models import Region
from minsheng.orgs.selectors import within_regions
from minsheng.volunteers.service import dashboard, selectors
from minsheng.volunteers.service.views import staff_scope


def _subject(request, scope) -> tuple[dashboard.Subject, list, list]:
    teams = list(selectors.managed_teams(scope))
    regions = list(Region.objects.filter(path__in=list(scope.read_paths)).order_by("code"))
    team_id, region_id = request.GET.get("team", ""), request.GET.get("region", "")
    if team_id.isdigit():
        team = next((t for t in teams if t.pk == int(team_id)), None)
        if team is None:
            raise Http404
        return dashboard.Subject(team=team), teams, regions
    if region_id.isdigit():
        region = Region.objects.filter(
            within_regions(list(scope.read_paths), "path"), pk=int(region_id)
        ).first()
        if region is None:
            raise Http404
        return dashboard.Subject(region=region), teams, regions
    if regions:
        return dashboard.Subject(region=regions[0]), teams, regions
    return dashboard.Subject(team=teams[0]), teams, regions


@login_required
def dashboard_page(request):
    scope = staff_scope(request)
    subject, teams, regions = _subject(request, scope)
    figs = dashboard.figures(subject, now=timezone.now())
    context = {
        "subject": subject,
        "figs": figs,
        "charts": dashboard.charts(subject, figs, records_url=reverse("volunteer_service:records")),
        "teams": teams,
        "regions": regions,
        "nav": "dashboard",
    }
    return render(request, "volunteer_service/dashboard.html", context)
