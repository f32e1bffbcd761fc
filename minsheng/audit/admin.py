from django.contrib import admin

from minsheng.audit.models import AuditEvent
from minsheng.core.admin_base import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the log is append-only, even for superusers."""

    list_display = ("id", "at", "actor_label", "action", "target_type", "target_id")
    list_filter = ("action",)
    search_fields = ("target_id", "actor_label", "action")
