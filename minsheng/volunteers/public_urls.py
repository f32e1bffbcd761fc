from django.urls import path

from minsheng.volunteers.views import portal

app_name = "volunteers_public"
urlpatterns = [
    path("", portal.activities, name="home"),
    path("activities/<int:pk>/", portal.activity, name="activity"),
    path("shifts/<int:pk>/signup/", portal.sign_up, name="signup"),
    path("signups/<int:pk>/cancel/", portal.cancel, name="cancel"),
    path("register/", portal.register, name="register"),
    path("mine/", portal.mine, name="mine"),
    path("mine/profile/", portal.profile, name="profile"),
]
