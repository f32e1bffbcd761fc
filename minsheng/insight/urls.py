from django.urls import path

from minsheng.insight import views

app_name = "insight"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.cases, name="cases"),
    path("hot/", views.hot, name="hot"),
    path("reports/<slug:kind>.<slug:fmt>", views.report, name="report"),
    path("reports/<int:pk>/file.<slug:fmt>", views.stored, name="stored"),
]
