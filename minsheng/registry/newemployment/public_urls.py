from django.urls import path

from minsheng.registry.newemployment.views import public

app_name = "newemployment_public"
urlpatterns = [
    path("", public.stations, name="stations"),
    path("stations/<int:pk>/", public.station, name="station"),
    path("register/", public.register, name="register"),
    path("register/done/", public.registered, name="registered"),
    path("withdraw/", public.withdraw, name="withdraw"),
    path("rights/", public.rights, name="rights"),
    path("rights/done/", public.rights_done, name="rights_done"),
]
