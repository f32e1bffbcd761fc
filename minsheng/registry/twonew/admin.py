"""Read-only: every change of the registry goes through the services (rules, coverage, audit)."""

from django.contrib import admin

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.registry.twonew.models import Instructor, Organization, PartyOrganization


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyAdmin):
    list_display = (
        "name",
        "credit_code",
        "kind",
        "region",
        "industry",
        "full_members",
        "operating",
        "coverage",
    )
    list_filter = ("kind", "industry", "operating", "coverage")
    search_fields = ("name", "credit_code")
    list_select_related = ("region",)


@admin.register(PartyOrganization)
class PartyOrganizationAdmin(ReadOnlyAdmin):
    list_display = (
        "name",
        "kind",
        "joint",
        "region",
        "members",
        "has_committee",
        "founded_on",
        "dissolved_on",
    )
    list_filter = ("kind", "joint", "has_committee")
    search_fields = ("name",)
    list_select_related = ("region",)


@admin.register(Instructor)
class InstructorAdmin(ReadOnlyAdmin):
    # The phone shows masked only; the encrypted value is never displayed.
    list_display = ("name", "work_unit", "phone_masked", "region", "active")
    exclude = ("phone_encrypted",)
    search_fields = ("name",)
    list_select_related = ("region",)
