"""Staff lists and forms: platforms, sites, stations, care activities, worker registrations."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.registry.newemployment import selectors, services
from minsheng.registry.newemployment.forms import ActivityForm, PlatformForm, SiteForm, StationForm
from minsheng.registry.newemployment.models import (
    AMENITIES,
    CareActivity,
    Platform,
    ServiceStation,
    Site,
)
from minsheng.registry.newemployment.permissions import write_paths
from minsheng.registry.newemployment.views.common import context, filters, page_of, reader, writer


def _edit(request, *, form, save, title, back, nav):
    """Show the form; on a valid POST call the service, then go back to the list."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.values())
        except InvalidInput as error:
            apply_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("已保存。"))
            return redirect(back)
    status = 400 if request.method == "POST" else 200
    ctx = context(request, nav, form=form, title=title, back=back)
    return render(request, "newemployment/form.html", ctx, status=status)


def _regions(request):
    return selectors.regions_of(write_paths(request.user))


@reader
def platforms(request):
    f = filters(request)
    rows = selectors.platforms(request.user, region=f.value("region"))
    return render(
        request,
        "newemployment/platforms.html",
        context(request, "platforms", form=f, page=page_of(request, rows)),
    )


@writer
def platform_edit(request, pk=None):
    platform = selectors.record_for(Platform, request.user, pk, write=True) if pk else None
    form = PlatformForm(request.POST or None, regions=_regions(request), instance=platform)

    def save(values):
        services.platform_save(actor=request.user, values=values, platform=platform)

    title = _("编辑平台") if platform else _("登记平台")
    return _edit(
        request, form=form, save=save, title=title, back="registry:newemployment:platforms", nav="platforms"
    )


@reader
def sites(request):
    f = filters(request)
    rows = selectors.sites(request.user, platform=f.value("platform"), region=f.value("region"))
    return render(
        request, "newemployment/sites.html", context(request, "sites", form=f, page=page_of(request, rows))
    )


@writer
def site_edit(request, pk=None):
    site = selectors.record_for(Site, request.user, pk, write=True) if pk else None
    platforms = selectors.visible(Platform, request.user).order_by("name")
    initial = {"platform": request.GET.get("platform")} if not site and request.GET.get("platform") else None
    kwargs = {"initial": initial} if initial else {}
    form = SiteForm(
        request.POST or None, regions=_regions(request), platforms=platforms, instance=site, **kwargs
    )

    def save(values):
        services.site_save(actor=request.user, values=values, site=site)

    title = _("编辑站点") if site else _("登记站点")
    return _edit(request, form=form, save=save, title=title, back="registry:newemployment:sites", nav="sites")


@reader
def stations(request):
    f = filters(request)
    rows = selectors.stations(request.user, region=f.value("region"), amenity=f.value("amenity") or "")
    ctx = context(request, "stations", form=f, page=page_of(request, rows), amenities=AMENITIES)
    return render(request, "newemployment/stations.html", ctx)


@writer
def station_edit(request, pk=None):
    station = selectors.record_for(ServiceStation, request.user, pk, write=True) if pk else None
    form = StationForm(request.POST or None, regions=_regions(request), instance=station)

    def save(values):
        services.station_save(actor=request.user, values=values, station=station)

    title = _("编辑驿站") if station else _("登记驿站")
    return _edit(
        request, form=form, save=save, title=title, back="registry:newemployment:stations", nav="stations"
    )


@writer
def station_delete(request, pk):
    station = selectors.record_for(ServiceStation, request.user, pk, write=True)
    if request.method == "POST":
        services.station_delete(actor=request.user, station=station)
        messages.success(request, _("已删除驿站“%(name)s”。") % {"name": station.name})
        return redirect("registry:newemployment:stations")
    return render(request, "newemployment/station_delete.html", context(request, "stations", station=station))


@reader
def activities(request):
    f = filters(request)
    rows = selectors.activities(request.user, region=f.value("region"))
    return render(
        request,
        "newemployment/activities.html",
        context(request, "activities", form=f, page=page_of(request, rows)),
    )


@writer
def activity_edit(request, pk=None):
    activity = selectors.record_for(CareActivity, request.user, pk, write=True) if pk else None
    stations = (
        selectors.visible(ServiceStation, request.user).filter(region__in=_regions(request)).order_by("name")
    )
    form = ActivityForm(request.POST or None, regions=_regions(request), stations=stations, instance=activity)

    def save(values):
        services.activity_save(actor=request.user, values=values, activity=activity)

    title = _("编辑关爱活动") if activity else _("登记关爱活动")
    return _edit(
        request, form=form, save=save, title=title, back="registry:newemployment:activities", nav="activities"
    )


@reader
def workers(request):
    """Voluntary registrations: masked phone only; the count by platform and area is what matters."""
    f = filters(request)
    rows = selectors.registrations(request.user, platform=f.value("platform"), region=f.value("region"))
    return render(
        request,
        "newemployment/workers.html",
        context(request, "workers", form=f, page=page_of(request, rows)),
    )
