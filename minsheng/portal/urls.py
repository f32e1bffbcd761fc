from django.contrib.auth.views import LogoutView
from django.urls import path

from minsheng.portal import accounts, receptions, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("submit/", views.submit, name="submit"),
    path("submit/done/", views.submitted, name="submitted"),
    path("track/", views.track, name="track"),
    path("track/leave/", views.leave, name="leave"),
    path("track/<str:number>/", views.status, name="status"),
    path("track/<str:number>/rate/", views.rate, name="rate"),
    path("track/<str:number>/review/", views.request_review, name="request_review"),
    path("track/<str:number>/re-review/", views.request_re_review, name="request_re_review"),
    path("receptions/", receptions.receptions, name="receptions"),
    path("receptions/<int:pk>/", receptions.reception, name="reception"),
    path("receptions/bookings/<int:pk>/cancel/", receptions.booking_cancel, name="booking_cancel"),
    path("signup/", accounts.signup, name="signup"),
    path("login/", accounts.PortalLoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(next_page="portal:home"), name="logout"),
    path("mine/", accounts.mine, name="mine"),
]
