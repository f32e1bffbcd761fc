from django.contrib import admin

from minsheng.insight.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("kind", "period_start", "unit", "created_at")
    list_filter = ("kind",)
    readonly_fields = ("kind", "period_start", "period_end", "unit", "pdf", "xlsx", "created_at")

    def has_add_permission(self, request):
        return False
