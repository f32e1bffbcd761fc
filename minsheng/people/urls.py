from django.urls import path

from minsheng.people import views

app_name = "people"
urlpatterns = [
    path("subject-access/", views.subject_access, name="subject_access"),
]
