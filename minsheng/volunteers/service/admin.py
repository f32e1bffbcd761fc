"""Records and certificates are read-only here: every change goes through the services (audited)."""

from django.contrib import admin

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.volunteers.service.models import Certificate, ServiceRecord


@admin.register(ServiceRecord)
class ServiceRecordAdmin(ReadOnlyAdmin):
    list_display = (
        "volunteer",
        "title",
        "team",
        "check_in_at",
        "check_out_at",
        "minutes",
        "status",
        "source",
    )
    list_filter = ("status", "source")
    date_hierarchy = "check_in_at"
    list_select_related = ("volunteer", "team")
    exclude = ()


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("code", "volunteer", "issuer_name", "minutes", "issued_at", "revoked")
    list_filter = ("revoked",)
    list_select_related = ("volunteer",)
    # The holder's name is stored encrypted; the admin never shows the token.
    exclude = ("name_enc",)
