from django.contrib import admin

from minsheng.textmine.models import RouterModel


@admin.register(RouterModel)
class RouterModelAdmin(admin.ModelAdmin):
    """Read-only: a model is published by ``manage.py router train``, never edited by hand."""

    list_display = ("version", "created_at", "trained_on", "scores")
    readonly_fields = ("version", "created_at", "trained_on", "labels", "scores", "path")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
