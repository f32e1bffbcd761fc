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
    path("receptions/", views.receptions, name="receptions"),
    path("receptions/<int:pk>/", views.reception, name="reception"),
    path("receptions/<int:pk>/<slug:action>/", views.reception_action, name="reception_action"),
    path(
        "receptions/<int:pk>/bookings/<int:booking_id>/receive/",
        views.booking_receive,
        name="booking_receive",
    ),
    path("cases/<str:number>/", views.case, name="case"),
    path("cases/<str:number>/steps/<slug:step_name>/", views.step, name="step"),
    path("cases/<str:number>/identity/", views.identity, name="identity"),
    path("cases/<str:number>/reply-quality/", views.reply_quality, name="reply_quality"),
    path("cases/<str:number>/attachments/<slug:token>/", views.attachment, name="attachment"),
    path("cases/<str:number>/documents/<slug:kind>.pdf", views.document, name="document"),
]
