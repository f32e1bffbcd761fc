"""Categories, knowledge answers and the dispatch catalogue are reference data edited here; orders
are read-only, since every change of an order goes through the services (workflow, deadline, audit)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.hotline.models import Category, DispatchRule, KnowledgeAnswer, Order
from minsheng.hotline.selectors import orders_visible_to
from minsheng.hotline.services import rule_save


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent", "is_active")
    search_fields = ("code", "name")
    list_filter = ("is_active",)
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)


@admin.register(KnowledgeAnswer)
class KnowledgeAnswerAdmin(admin.ModelAdmin):
    list_display = ("question", "category", "keywords", "is_active", "use_count")
    search_fields = ("question", "keywords", "answer")
    list_filter = ("is_active", "category")
    list_select_related = ("category",)
    readonly_fields = ("use_count",)


@admin.register(DispatchRule)
class DispatchRuleAdmin(admin.ModelAdmin):
    list_display = ("category", "region", "unit", "note")
    search_fields = ("category__name", "category__code", "region__name", "unit__name")
    autocomplete_fields = ("category", "region", "unit")
    list_select_related = ("category", "region", "unit")

    def save_model(self, request, obj, form, change):
        # Through the service: the change is audited and the unit's kind is checked.
        saved = rule_save(
            category=obj.category, region=obj.region, unit=obj.unit, actor=request.user, note=obj.note
        )
        obj.pk = saved.pk


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    list_display = ("number", "title", "status", "kind", "urgency", "unit", "received_at", "due_at")
    list_filter = ("status", "kind", "urgency", "channel")
    search_fields = ("number", "title")
    date_hierarchy = "received_at"
    list_select_related = ("unit",)
    fields = (
        "requester_masked",
        *(f.name for f in Order._meta.fields if f.editable and f.name not in ("id", "requester", "token")),
    )
    readonly_fields = fields

    @admin.display(description=_("诉求人"))
    def requester_masked(self, obj):
        if obj.is_anonymous:
            return _("匿名")
        return obj.requester.name_masked if obj.requester else "—"

    def get_queryset(self, request):
        if request.user.is_superuser:
            return super().get_queryset(request)
        return orders_visible_to(request.user)
