from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from config.navigation import staff_home

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="portal:home", permanent=False)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("minsheng.accounts.urls")),
    path("home/", staff_home, name="staff_home"),
    path("staff/", include("minsheng.petitions.urls")),
    path("notices/", include("minsheng.notices.urls")),
    path("suggestions/", include("minsheng.suggestions.urls")),
    path("hotline/", include("minsheng.hotline.urls")),
    path("whistles/", include("minsheng.whistles.urls")),
    path("registry/", include("minsheng.registry.urls")),
    path("volunteers/", include("minsheng.volunteers.urls")),
    path("volunteers/service/", include("minsheng.volunteers.service.urls")),
    path("talent/", include("minsheng.talent.urls")),
    path("insight/", include("minsheng.insight.urls")),
    path("people/", include("minsheng.people.urls")),
    path("exports/", include("minsheng.core.export_views")),
    path("portal/suggestions/", include("minsheng.suggestions.public_urls")),
    path("portal/volunteers/", include("minsheng.volunteers.public_urls")),
    path("portal/service/", include("minsheng.volunteers.service.public_urls")),
    path("portal/newemployment/", include("minsheng.registry.newemployment.public_urls")),
    path("portal/", include("minsheng.portal.urls")),
    path("api/v1/", include("minsheng.api.urls")),
    path("open311/v2/", include("minsheng.api.open311.urls")),
]
# Uploaded files are never served from /media/, not even with DEBUG on: attachments, exports and reports
# carry personal data and are downloaded only through views that check who may see them.
