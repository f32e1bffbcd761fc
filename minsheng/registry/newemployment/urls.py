from django.urls import path

from minsheng.registry.newemployment.views import dashboard, records, rights, sheets

app_name = "newemployment"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("platforms/", records.platforms, name="platforms"),
    path("platforms/new/", records.platform_edit, name="platform_new"),
    path("platforms/<int:pk>/edit/", records.platform_edit, name="platform_edit"),
    path("sites/", records.sites, name="sites"),
    path("sites/new/", records.site_edit, name="site_new"),
    path("sites/<int:pk>/edit/", records.site_edit, name="site_edit"),
    path("stations/", records.stations, name="stations"),
    path("stations/new/", records.station_edit, name="station_new"),
    path("stations/<int:pk>/edit/", records.station_edit, name="station_edit"),
    path("stations/<int:pk>/delete/", records.station_delete, name="station_delete"),
    path("activities/", records.activities, name="activities"),
    path("activities/new/", records.activity_edit, name="activity_new"),
    path("activities/<int:pk>/edit/", records.activity_edit, name="activity_edit"),
    path("workers/", records.workers, name="workers"),
    path("rights/", rights.rights, name="rights"),
    path("<str:kind>/export/", sheets.export, name="export"),
    path("<str:kind>/template/", sheets.template, name="template"),
    path("<str:kind>/import/", sheets.upload, name="import"),
    path("<str:kind>/import/confirm/", sheets.confirm, name="import_confirm"),
    path("<str:kind>/import/errors/", sheets.errors, name="import_errors"),
]
