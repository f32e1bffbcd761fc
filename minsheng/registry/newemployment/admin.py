"""Read-only: every change goes through the services (access by area, audit)."""

from django.contrib import admin

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.registry.newemployment.models import (
    CareActivity,
    Platform,
    RightsRequest,
    ServiceStation,
    Site,
    WorkerRegistration,
)


@admin.register(Platform)
class PlatformAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "credit_code", "region")
    list_filter = ("kind",)
    search_fields = ("name", "credit_code")
    list_select_related = ("region",)


@admin.register(Site)
class SiteAdmin(ReadOnlyAdmin):
    list_display = ("name", "platform", "region", "worker_count")
    search_fields = ("name",)
    list_select_related = ("platform", "region")


@admin.register(WorkerRegistration)
class WorkerRegistrationAdmin(ReadOnlyAdmin):
    # The phone shows masked only; its ciphertext and blind index, and the withdrawal code, never.
    list_display = (
        "platform",
        "work_kind",
        "region",
        "phone_masked",
        "consent_version",
        "created_at",
        "withdrawn_at",
    )
    list_filter = ("work_kind", "consent_version")
    list_select_related = ("platform", "region")
    fields = (
        "platform",
        "work_kind",
        "region",
        "nickname",
        "phone_masked",
        "consent_version",
        "consented_at",
        "created_at",
        "withdrawn_at",
    )
    readonly_fields = fields


@admin.register(ServiceStation)
class ServiceStationAdmin(ReadOnlyAdmin):
    list_display = ("name", "region", "is_public", "always_open", "opens_at", "closes_at")
    list_filter = ("is_public",)
    search_fields = ("name", "address")
    list_select_related = ("region",)


@admin.register(CareActivity)
class CareActivityAdmin(ReadOnlyAdmin):
    list_display = ("title", "held_on", "station", "region", "participants")
    list_select_related = ("station", "region")


@admin.register(RightsRequest)
class RightsRequestAdmin(ReadOnlyAdmin):
    list_display = ("platform", "petition", "channel", "region", "created_at")
    list_select_related = ("platform", "petition", "region")
