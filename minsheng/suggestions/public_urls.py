from django.urls import path

from minsheng.suggestions.views import public

app_name = "suggestions_public"
urlpatterns = [
    path("", public.index, name="index"),
    path("new/", public.new, name="new"),
    path("done/", public.done, name="done"),
    path("track/", public.track, name="track"),
    path("track/<str:number>/", public.status, name="status"),
    path("track/<str:number>/rate/", public.rate, name="rate"),
    path("mine/", public.mine, name="mine"),
    path("topics/<int:pk>/", public.topic, name="topic"),
    path("topics/<int:pk>/comment/", public.comment, name="comment"),
    path("topics/<int:pk>/suggest/", public.topic_suggest, name="topic_suggest"),
    path("topics/<int:pk>/files/<slug:token>/", public.topic_attachment, name="topic_attachment"),
]
