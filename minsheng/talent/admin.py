"""Read-only: every change of the register goes through the services, which check the rules and audit."""

from django.contrib import admin

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.talent.models import Certificate, ContinuingEducation, Registration, SocialWorker


@admin.register(SocialWorker)
class SocialWorkerAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "level", "region", "employer", "field", "status")
    list_filter = ("level", "field", "status")
    search_fields = ("employer", "certificates__number")
    list_select_related = ("person", "region")
    fields = ("region", "employer", "employer_credit_code", "field", "status", "level", "account")
    readonly_fields = fields


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("number", "level", "passed_on", "worker")
    list_filter = ("level",)
    search_fields = ("number",)
    list_select_related = ("worker__person",)
    fields = ("number", "level", "passed_on")
    readonly_fields = fields


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ("certificate", "registered_on", "valid_until", "late", "renewed_from")
    list_filter = ("late",)
    search_fields = ("certificate__number",)
    list_select_related = ("certificate", "renewed_from__certificate")
    fields = ("certificate", "registered_on", "valid_until", "late", "late_reason", "renewed_from")
    readonly_fields = fields


@admin.register(ContinuingEducation)
class ContinuingEducationAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "on", "hours", "worker")
    list_filter = ("kind",)
    search_fields = ("title", "provider")
    list_select_related = ("worker__person",)
    fields = ("kind", "title", "provider", "on", "hours")
    readonly_fields = fields
