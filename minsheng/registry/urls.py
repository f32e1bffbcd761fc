from django.urls import include, path

from minsheng.registry import views

app_name = "registry"
urlpatterns = [
    path("", views.home, name="home"),
    path("associations/", include("minsheng.registry.associations.urls")),
    path("twonew/", include("minsheng.registry.twonew.urls")),
    path("newemployment/", include("minsheng.registry.newemployment.urls")),
]
