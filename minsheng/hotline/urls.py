from django.urls import path

from minsheng.hotline import views

app_name = "hotline"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("new/", views.intake, name="intake"),
    path("new/knowledge/", views.knowledge, name="knowledge"),
    path("orders/<str:number>/", views.order, name="order"),
    path("orders/<str:number>/steps/<slug:step_name>/", views.step, name="step"),
    path("orders/<str:number>/identity/", views.identity, name="identity"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/confirm/", views.catalogue_confirm, name="catalogue_confirm"),
    path("catalogue.xlsx", views.catalogue_export, name="catalogue_export"),
    path("rates/", views.rates, name="rates"),
    path("monthly/", views.monthly, name="monthly"),
]
