"""Admin of the official calendar: years, single days, and the import of a State Council notice.

Every change drops the cached calendar once the transaction commits, so the next deadline is
computed on the new arrangement (other processes notice it through ``calendar_store.touch_year``).
"""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.core import calendar_store
from minsheng.core.errors import InvalidInput
from minsheng.core.models import CalendarDay, CalendarYear

MAX_NOTICE_BYTES = 1024 * 1024
WEEKDAYS = (
    gettext_lazy("周一"),
    gettext_lazy("周二"),
    gettext_lazy("周三"),
    gettext_lazy("周四"),
    gettext_lazy("周五"),
    gettext_lazy("周六"),
    gettext_lazy("周日"),
)
TEMPLATE_CSV = "日期,类型,名称\n2027-01-01,休,元旦\n2027-02-06,班,春节\n"


def _after_commit_forget():
    transaction.on_commit(calendar_store.forget_cached_calendar)


def _day_count(kind: str):
    days = (
        CalendarDay.objects.filter(day__year=OuterRef("year"), kind=kind)
        .order_by()
        .values("kind")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(days), 0)


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    """A year listed here has an official arrangement; deleting it removes that year's days too."""

    list_display = ("year", "source", "holidays", "workdays", "loaded_at")
    search_fields = ("year", "source")
    readonly_fields = ("loaded_at",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                holiday_count=_day_count(CalendarDay.Kind.HOLIDAY),
                workday_count=_day_count(CalendarDay.Kind.WORKDAY),
            )
        )

    @admin.display(description=gettext_lazy("节假日天数"), ordering="holiday_count")
    def holidays(self, obj):
        return obj.holiday_count

    @admin.display(description=gettext_lazy("调休上班天数"), ordering="workday_count")
    def workdays(self, obj):
        return obj.workday_count

    def get_readonly_fields(self, request, obj=None):
        # The year is the key: changing it would create another year, not rename this one.
        return ("year", "loaded_at") if obj else ("loaded_at",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _after_commit_forget()

    def delete_model(self, request, obj):
        CalendarDay.objects.filter(day__year=obj.year).delete()
        super().delete_model(request, obj)
        _after_commit_forget()

    def delete_queryset(self, request, queryset):
        for year in queryset.values_list("year", flat=True):
            CalendarDay.objects.filter(day__year=year).delete()
        super().delete_queryset(request, queryset)
        _after_commit_forget()

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="core_calendaryear_import"),
            path("import/template.csv", view(self.template_view), name="core_calendaryear_template"),
            *super().get_urls(),
        ]

    def _check_import_permission(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied

    def template_view(self, request):
        """A sample notice table to fill in (UTF-8 with BOM, so that Excel shows the Chinese)."""
        self._check_import_permission(request)
        response = HttpResponse("\ufeff" + TEMPLATE_CSV, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="calendar-notice-template.csv"'
        return response

    def import_view(self, request):
        """Upload → preview → confirm. Nothing is written before the administrator confirms."""
        self._check_import_permission(request)
        if request.method == "POST" and "confirm" in request.POST:
            return self._confirm(request)
        form = NoticeUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                rows = _rows_of_upload(form.cleaned_data)
            except InvalidInput as e:
                form.add_error("file", e.message)
            else:
                return self._preview(request, form.cleaned_data, rows)
        return self._render(request, upload_form=form)

    def _preview(self, request, data, rows, confirm_form=None):
        year = data["year"]
        confirm_form = confirm_form or NoticeConfirmForm(
            initial={
                "year": year,
                "source": data["source"],
                "rows": json.dumps([[d.isoformat(), k, n] for d, k, n in rows], ensure_ascii=False),
            }
        )
        return self._render(
            request,
            confirm_form=confirm_form,
            year=year,
            source=data["source"],
            rows=[(d, WEEKDAYS[d.weekday()], CalendarDay.Kind(k).label, n) for d, k, n in rows],
            holiday_count=sum(1 for _d, k, _n in rows if k == CalendarDay.Kind.HOLIDAY),
            workday_count=sum(1 for _d, k, _n in rows if k == CalendarDay.Kind.WORKDAY),
            existing=CalendarYear.objects.filter(year=year).first(),
            existing_days=CalendarDay.objects.filter(day__year=year).count(),
        )

    def _confirm(self, request):
        form = NoticeConfirmForm(request.POST)
        if not form.is_valid():
            return self._render(request, upload_form=NoticeUploadForm(), confirm_errors=form.errors)
        data = form.cleaned_data
        try:
            rows = calendar_store.parse_notice_rows(json.loads(data["rows"]), year=data["year"])
            count = calendar_store.import_year(year=data["year"], rows=rows, source=data["source"])
        except (InvalidInput, ValueError, TypeError) as e:
            message = getattr(e, "message", _("预览数据已损坏，请重新上传文件。"))
            return self._render(request, upload_form=NoticeUploadForm(), confirm_errors={"": [message]})
        year = CalendarYear.objects.get(year=data["year"])
        self.log_change(request, year, _("导入节假日通知：%(n)s天") % {"n": count})
        self.message_user(
            request,
            _("%(year)s年官方日历已更新：共%(n)s天（来源：%(source)s）。")
            % {"year": year.year, "n": count, "source": year.source},
            messages.SUCCESS,
        )
        return redirect(reverse("admin:core_calendaryear_changelist"))

    def _render(self, request, **context):
        return TemplateResponse(
            request,
            "admin/core/calendaryear/import.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("导入国务院节假日通知"),
                "template_url": reverse("admin:core_calendaryear_template"),
                **context,
            },
        )


def _rows_of_upload(data) -> list:
    upload = data["file"]
    if upload.size > MAX_NOTICE_BYTES:
        raise InvalidInput(_("文件过大：节假日通知表不应超过1 MB。"), field="file")
    table = calendar_store.read_notice_file(upload.name, upload.read())
    return calendar_store.parse_notice_rows(table, year=data["year"])


class NoticeUploadForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("年份"), min_value=2000, max_value=2100)
    source = forms.CharField(
        label=gettext_lazy("来源"),
        max_length=calendar_store.SOURCE_MAX,
        required=False,
        help_text=gettext_lazy("留空则为“国务院办公厅关于××××年部分节假日安排的通知”。"),
    )
    file = forms.FileField(
        label=gettext_lazy("文件"),
        help_text=gettext_lazy(
            "CSV（UTF-8或GBK）或Excel（.xlsx），三列：日期, 类型, 名称；类型为 休/班 或 holiday/workday。"
            "只需列出放假日和调休上班日，普通周末不必列出。"
        ),
    )

    def clean(self):
        data = super().clean()
        if data.get("year") and not data.get("source"):
            data["source"] = _("国务院办公厅关于%(year)s年部分节假日安排的通知") % {"year": data["year"]}
        return data


class NoticeConfirmForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, widget=forms.HiddenInput)
    source = forms.CharField(max_length=calendar_store.SOURCE_MAX, widget=forms.HiddenInput)
    rows = forms.CharField(widget=forms.HiddenInput)


class YearFilter(admin.SimpleListFilter):
    title = gettext_lazy("年份")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        return [(str(y), str(y)) for y in CalendarYear.objects.values_list("year", flat=True)[:30]]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(day__year=int(self.value()))
        return queryset


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("day", "weekday", "kind", "name")
    list_filter = (YearFilter, "kind")
    search_fields = ("name",)
    date_hierarchy = "day"

    @admin.display(description=gettext_lazy("星期"))
    def weekday(self, obj):
        return WEEKDAYS[obj.day.weekday()]

    def get_readonly_fields(self, request, obj=None):
        # The date is the key: editing it would add a second day and keep the first.
        return ("day",) if obj else ()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._changed(request, [obj.day.year])

    def delete_model(self, request, obj):
        year = obj.day.year  # the date is the key, gone once the row is deleted
        super().delete_model(request, obj)
        self._changed(request, [year])

    def delete_queryset(self, request, queryset):
        years = sorted({d.year for d in queryset.values_list("day", flat=True)})
        super().delete_queryset(request, queryset)
        self._changed(request, years)

    def _changed(self, request, years):
        for year in years:
            calendar_store.touch_year(year)
        _after_commit_forget()
        missing = sorted(set(years) - set(CalendarYear.objects.values_list("year", flat=True)))
        if missing:
            self.message_user(
                request,
                _("%(years)s年尚未登记为官方日历年度：期限计算仍会提示缺少该年度安排，请同时添加该年度。")
                % {"years": "、".join(map(str, missing))},
                messages.WARNING,
            )
