"""Admin of the reference data of the jurisdiction: regions and units."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from minsheng.orgs.models import DutyItem, Membership, Region, Unit


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent", "path")
    list_filter = ("level",)
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)
    # ``path`` is derived from the parents on save; editing it by hand would break subtree reads.
    readonly_fields = ("path",)
    list_select_related = ("parent",)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)
    verbose_name_plural = _("本单位人员")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "region", "is_active")
    list_filter = ("kind", "is_active", ("region", admin.RelatedOnlyFieldListFilter), "region__level")
    search_fields = ("name", "short_name", "region__name", "region__code")
    autocomplete_fields = ("region",)
    list_select_related = ("region",)
    inlines = (MembershipInline,)


@admin.register(DutyItem)
class DutyItemAdmin(admin.ModelAdmin):
    list_display = ("region", "code", "name", "basis")
    list_filter = (("region", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("code", "name", "region__name")
    autocomplete_fields = ("region",)
    list_select_related = ("region",)
