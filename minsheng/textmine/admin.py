from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.textmine.models import RouterModel, RoutingFeedback


@admin.register(RouterModel)
class RouterModelAdmin(ReadOnlyAdmin):
    """Read-only: a model is published by ``manage.py router train``, never edited by hand."""

    def has_delete_permission(self, request, obj=None):
        # An old version may go (its file stays until removed by hand); the newest is what routes.
        return admin.ModelAdmin.has_delete_permission(self, request, obj)

    list_display = ("version", "target", "created_at", "trained_on", "scores")
    list_filter = ("target",)
    readonly_fields = ("version", "target", "created_at", "trained_on", "labels", "scores", "path")


@admin.register(RoutingFeedback)
class RoutingFeedbackAdmin(ReadOnlyAdmin):
    """What the router proposed and what people chose: the filter "已更正" lists the corrections."""

    list_display = (
        "at",
        "domain",
        "record_id",
        "target",
        "suggested",
        "confidence",
        "chosen",
        "was_corrected",
    )
    list_filter = ("target", "domain")
    date_hierarchy = "at"

    @admin.display(boolean=True, description=_("已更正"))
    def was_corrected(self, obj):
        return obj.corrected
