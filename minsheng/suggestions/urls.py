from django.urls import path

from minsheng.suggestions.views import topics, work

app_name = "suggestions"
urlpatterns = [
    path("", work.work_list, name="list"),
    path("s/<str:number>/", work.suggestion, name="suggestion"),
    path("s/<str:number>/steps/<slug:step_name>/", work.step, name="step"),
    path("s/<str:number>/identity/", work.identity, name="identity"),
    path("s/<str:number>/group/", work.group, name="group"),
    path("s/<str:number>/ungroup/", work.ungroup, name="ungroup"),
    path("topics/", topics.topic_list, name="topics"),
    path("topics/new/", topics.topic_new, name="topic_new"),
    path("topics/<int:pk>/", topics.topic, name="topic"),
    path("topics/<int:pk>/publish/", topics.topic_publish, name="topic_publish"),
    path("topics/<int:pk>/files/<slug:token>/", topics.topic_attachment, name="topic_attachment"),
    path("topics/<int:pk>/report/", topics.topic_report, name="report"),
    path("topics/<int:pk>/report.xlsx", topics.topic_report_xlsx, name="report_xlsx"),
    path("topics/<int:pk>/report.pdf", topics.topic_report_pdf, name="report_pdf"),
    path("comments/", topics.comments, name="comments"),
    path("comments/<int:pk>/<slug:verdict>/", topics.moderate, name="moderate"),
]
