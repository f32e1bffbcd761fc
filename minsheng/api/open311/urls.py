from django.urls import path, register_converter

from minsheng.api.open311 import views


class Format:
    regex = "json|xml"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(Format, "fmt")

app_name = "open311"
urlpatterns = [
    path("", views.root, name="root"),
    path("discovery.<fmt:fmt>", views.discovery, name="discovery"),
    path("services.<fmt:fmt>", views.services, name="services"),
    path("services/<str:code>.<fmt:fmt>", views.service, name="service"),
    path("requests.<fmt:fmt>", views.requests, name="requests"),
    path("requests/<str:number>.<fmt:fmt>", views.request_detail, name="request"),
    path("tokens/<str:token>.<fmt:fmt>", views.token, name="token"),
]
