from django.contrib import admin

from minsheng.volunteers.models import Activity, BrandProject, Shift, Skill, Team, TeamManager, Volunteer


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind")
    list_filter = ("kind",)


class TeamManagerInline(admin.TabularInline):
    model = TeamManager
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "is_active")
    search_fields = ("name",)
    inlines = [TeamManagerInline]
    raw_id_fields = ("members",)


@admin.register(BrandProject)
class BrandProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "team", "area", "is_active")
    list_filter = ("area",)


class ShiftInline(admin.TabularInline):
    model = Shift
    extra = 0


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("title", "team", "status", "is_risky")
    list_filter = ("status", "is_risky")
    inlines = [ShiftInline]


@admin.register(Volunteer)
class VolunteerAdmin(admin.ModelAdmin):
    """Masked values only: identity data is read (and audited) on the staff page, never here."""

    list_display = ("name_masked", "phone_masked", "region", "status", "registered_at")
    list_filter = ("status", "source")
    fields = ("name_masked", "phone_masked", "region", "status", "approved_minutes", "stars")
    readonly_fields = ("name_masked", "phone_masked", "region", "approved_minutes", "stars")

    def has_add_permission(self, request):
        return False
