from django.urls import path

from minsheng.petitions import views

app_name = "petitions"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("overdue/", views.overdue, name="overdue"),
    path("hot/", views.hot, name="hot"),
    path("hot/digest.xlsx", views.hot_digest, name="hot_digest"),
    path("new/", views.intake, name="intake"),
    path("new/assist/", views.intake_assist, name="intake_assist"),
    path("cases/<str:number>/", views.case, name="case"),
    path("cases/<str:number>/steps/<slug:step_name>/", views.step, name="step"),
    path("cases/<str:number>/identity/", views.identity, name="identity"),
    path("cases/<str:number>/reply-quality/", views.reply_quality, name="reply_quality"),
    path("cases/<str:number>/attachments/<slug:token>/", views.attachment, name="attachment"),
    path("cases/<str:number>/documents/<slug:kind>.pdf", views.document, name="document"),
]
