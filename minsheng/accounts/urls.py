from django.contrib.auth import views as auth_views
from django.urls import path

from minsheng.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.StaffLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="accounts:login"), name="logout"),
    # The second step after the password for staff: enter the authenticator's code, or enrol one.
    path("2fa/", views.two_factor, name="two_factor"),
]
