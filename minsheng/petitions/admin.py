"""Categories are reference data; petitions are read-only here, since every change of a case goes
through the services (workflow, deadlines, audit)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.petitions.models import Category, Petition
from minsheng.petitions.selectors import petitions_visible_to


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent")
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)


@admin.register(Petition)
class PetitionAdmin(ReadOnlyAdmin):
    list_display = ("number", "title", "status", "kind", "channel", "unit", "received_at", "due_at")
    list_filter = ("status", "kind", "channel", "due_warning")
    search_fields = ("number", "title")
    date_hierarchy = "received_at"
    list_select_related = ("unit",)
    # The query code and the idempotency key are secrets of the petitioner and the caller; the
    # petitioner shows masked.
    fields = (
        "petitioner_masked",
        *(
            f.name
            for f in Petition._meta.fields
            if f.editable and f.name not in ("id", "query_code_enc", "idempotency_key", "petitioner")
        ),
    )
    readonly_fields = fields

    @admin.display(description=_("信访人"))
    def petitioner_masked(self, obj):
        if obj.is_anonymous:
            return _("匿名")
        return obj.petitioner.name_masked if obj.petitioner else "—"

    def get_queryset(self, request):
        # Staff other than superusers see in the admin exactly the cases they see at work.
        if request.user.is_superuser:
            return super().get_queryset(request)
        return petitions_visible_to(request.user)
