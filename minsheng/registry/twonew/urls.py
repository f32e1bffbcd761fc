from django.urls import path

from minsheng.registry.twonew.views import coverage, imports, instructors, party, units

app_name = "twonew"
urlpatterns = [
    path("", units.unit_list, name="units"),
    path("units/new/", units.unit_create, name="unit_create"),
    path("units/export.xlsx", units.unit_export, name="unit_export"),
    path("units/<int:pk>/", units.unit_detail, name="unit"),
    path("units/<int:pk>/edit/", units.unit_edit, name="unit_edit"),
    path("units/<int:pk>/unassign/", units.unit_unassign, name="unit_unassign"),
    path("assign/", units.assign, name="assign"),
    path("gaps/", units.gap_list, name="gaps"),
    path("party/", party.party_list, name="party_list"),
    path("party/new/", party.party_create, name="party_create"),
    path("party/<int:pk>/", party.party_detail, name="party"),
    path("party/<int:pk>/edit/", party.party_edit, name="party_edit"),
    path("party/<int:pk>/dissolve/", party.party_dissolve, name="party_dissolve"),
    path("coverage/", coverage.dashboard, name="coverage"),
    path("instructors/", instructors.instructor_list, name="instructors"),
    path("import/", imports.import_units, name="import"),
    path("import/confirm/", imports.import_confirm, name="import_confirm"),
    path("import/errors.xlsx", imports.import_errors, name="import_errors"),
    path("import/template.xlsx", imports.import_template, name="import_template"),
]
