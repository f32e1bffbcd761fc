from django.urls import path

from minsheng.whistles import views

app_name = "whistles"
urlpatterns = [
    path("", views.whistles, name="list"),
    path("new/", views.raise_whistle, name="new"),
    path("assessment/", views.assessment, name="assessment"),
    path("<str:number>/", views.whistle, name="whistle"),
    path("<str:number>/close/", views.close, name="close"),
    path("<str:number>/calls/<int:call_id>/rate/", views.rate, name="rate"),
    path("<str:number>/calls/<int:call_id>/<slug:step_name>/", views.call_step, name="call_step"),
]
