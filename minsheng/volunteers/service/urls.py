from django.urls import path

from minsheng.volunteers.service.views import certificates, dashboard, sheets, staff

app_name = "volunteer_service"
urlpatterns = [
    path("", staff.records, name="records"),
    path("approve/", staff.approve, name="approve"),
    path("records/<int:pk>/", staff.record, name="record"),
    path("records/<int:pk>/correct/", staff.correct, name="correct"),
    path("records/<int:pk>/reject/", staff.reject, name="reject"),
    path("shifts/", staff.shifts, name="shifts"),
    path("shifts/<int:pk>/", staff.shift, name="shift"),
    path("shifts/<int:pk>/kiosk/<int:volunteer>/", staff.kiosk, name="kiosk"),
    path("shifts/<int:pk>/enter/<int:volunteer>/", staff.enter, name="enter"),
    path("certificates/", certificates.certificates, name="certificates"),
    path("certificates/<int:pk>/pdf/", certificates.pdf, name="certificate_pdf"),
    path("certificates/<int:pk>/revoke/", certificates.revoke, name="revoke"),
    path("volunteers/<int:volunteer>/certificate/", certificates.issue, name="issue"),
    path("dashboard/", dashboard.dashboard_page, name="dashboard"),
    path("import/", sheets.import_hours, name="import"),
    path("import/template.xlsx", sheets.import_template, name="import_template"),
    path("export.xlsx", sheets.export_hours, name="export"),
]
