"""Persons in the admin: masked fields only, read-only. Clear data is shown only through
``people.services.person_unmask``, which records who looked."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from minsheng.core.admin_base import ReadOnlyAdmin
from minsheng.people.models import Person
from minsheng.people.services import masked


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    # Read-only, deletion too: persons are referenced by cases; removal follows the retention rules.
    list_display = ("id", "name_masked", "phone_masked", "is_organization", "created_at")
    list_filter = ("is_organization",)
    # Only the masked columns exist to search; a lookup by ID number or phone goes through the
    # blind index in the staff pages.
    search_fields = ("name_masked",)
    fields = (
        "name_masked",
        "phone_masked",
        "id_number_display",
        "address_display",
        "is_organization",
        "account",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields

    @admin.display(description=_("身份证号"))
    def id_number_display(self, obj):
        return masked(obj)["id_number"] or "—"

    @admin.display(description=_("地址"))
    def address_display(self, obj):
        return masked(obj)["address"] or "—"
