from django.contrib import admin

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ("subject", "user", "created_at", "read_at")
    list_filter = ("read_at",)
    search_fields = ("subject", "key", "user__username")
