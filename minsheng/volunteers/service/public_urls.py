from django.urls import path

from minsheng.volunteers.service.views import public

app_name = "volunteer_service_public"
urlpatterns = [
    path("", public.me, name="me"),
    path("checkin/<str:token>/", public.checkin, name="checkin"),
    path("certificates/<int:pk>/pdf/", public.my_certificate, name="certificate_pdf"),
    path("verify/", public.verify_form, name="verify_form"),
    path("verify/<str:code>/", public.verify, name="verify"),
]
