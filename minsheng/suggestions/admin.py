"""Read-only: every change of a topic, comment or suggestion goes through the services (audit)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.suggestions.models import Comment, Suggestion, SuggestionGroup, Topic
from minsheng.suggestions.selectors import suggestions_visible_to


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdmin):
    list_display = ("title", "office", "starts_on", "ends_on", "published_at")
    list_select_related = ("office",)
    search_fields = ("title",)


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ("topic", "nickname", "status", "created_at")
    list_filter = ("status",)
    list_select_related = ("topic",)
    exclude = ("idempotency_key",)


@admin.register(SuggestionGroup)
class SuggestionGroupAdmin(ReadOnlyAdmin):
    list_display = ("title", "office", "study_unit", "decision")
    list_select_related = ("office", "study_unit")


@admin.register(Suggestion)
class SuggestionAdmin(ReadOnlyAdmin):
    list_display = ("number", "title", "status", "topic", "study_unit", "received_at", "due_at")
    list_filter = ("status", "decision")
    search_fields = ("number", "title")
    list_select_related = ("topic", "study_unit")
    # The query codes and the idempotency key are secrets; the proposer shows masked.
    fields = (
        "proposer_masked",
        *(
            f.name
            for f in Suggestion._meta.fields
            if f.editable
            and f.name not in ("id", "query_code_enc", "idempotency_key", "proposer", "petition_code_enc")
        ),
    )
    readonly_fields = fields

    @admin.display(description=_("建议人"))
    def proposer_masked(self, obj):
        return obj.proposer.name_masked if obj.proposer_id else "—"

    def get_queryset(self, request):
        if request.user.is_superuser:
            return super().get_queryset(request)
        return suggestions_visible_to(request.user)
