"""The register is read-only here: every change goes through the services (eligibility, workflow, audit)."""

from django.contrib import admin

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.registry.associations.models import AnnualReport, Association


@admin.register(Association)
class AssociationAdmin(ReadOnlyAdmin):
    list_display = ("name", "credit_code", "kind", "level", "region", "status")
    list_filter = ("status", "kind", "level", "industry")
    search_fields = ("name", "credit_code")
    list_select_related = ("region",)


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyAdmin):
    list_display = ("association", "year", "state", "submitted_on", "reviewed_at")
    list_filter = ("state", "year")
    search_fields = ("association__name", "association__credit_code")
    list_select_related = ("association",)
