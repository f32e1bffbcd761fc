from django.contrib import admin

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.whistles.models import Call, Whistle


class CallInline(admin.TabularInline):
    model = Call
    extra = 0
    can_delete = False
    fields = ("unit", "lead", "status", "arrived_at", "reported_at", "rating")
    readonly_fields = fields


@admin.register(Whistle)
class WhistleAdmin(ReadOnlyAdmin):
    list_display = ("number", "kind", "street", "title", "status", "raised_at")
    list_filter = ("kind", "status")
    search_fields = ("number", "title")
    list_select_related = ("street",)
    inlines = (CallInline,)
