from django.urls import path

from minsheng.registry.associations import views

app_name = "associations"
urlpatterns = [
    path("", views.association_list, name="list"),
    path("export.xlsx", views.association_export, name="export"),
    path("new/", views.association_create, name="create"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("reports/", views.reports, name="reports"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("overdue/", views.overdue, name="overdue"),
    path("overdue/export.xlsx", views.overdue_export, name="overdue_export"),
    path("import/", views.import_upload, name="import"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("import/errors.xlsx", views.import_errors, name="import_errors"),
    path("import/template.xlsx", views.import_template, name="import_template"),
    # Public by law (社会组织登记信息公开): no login; see views/public.py for what it shows.
    path("public/", views.public_list, name="public"),
    path("<int:pk>/", views.association_detail, name="detail"),
    path("<int:pk>/edit/", views.association_edit, name="edit"),
    path("<int:pk>/steps/<slug:name>/", views.association_step, name="step"),
    path("<int:pk>/decoupling/", views.association_decoupling, name="decoupling"),
    path("<int:pk>/reports/", views.report_submit, name="report_submit"),
]
