from django.urls import path

from minsheng.talent import views

app_name = "talent"
urlpatterns = [
    path("", views.home, name="home"),
    path("export.xlsx", views.export, name="export"),
    path("new/", views.worker_create, name="worker_create"),
    path("workers/<int:pk>/", views.worker, name="worker"),
    path("workers/<int:pk>/edit/", views.worker_edit, name="worker_edit"),
    path("workers/<int:pk>/identity/", views.identity, name="identity"),
    path("workers/<int:pk>/certificates/", views.certificate_add, name="certificate_add"),
    path("workers/<int:pk>/registrations/", views.register, name="register"),
    path("workers/<int:pk>/registrations/<int:reg>/renew/", views.renew, name="renew"),
    path("workers/<int:pk>/education/", views.education_add, name="education_add"),
    path("workers/<int:pk>/education/<int:ce>/delete/", views.education_delete, name="education_delete"),
    path("lists/<slug:kind>/", views.reminder_list, name="list"),
    path("lists/<slug:kind>.xlsx", views.reminder_export, name="list_export"),
    path("statistics/", views.statistics, name="statistics"),
    path("import/<slug:kind>/", views.import_view, name="import"),
    path("import/<slug:kind>/template.xlsx", views.import_template, name="import_template"),
]
