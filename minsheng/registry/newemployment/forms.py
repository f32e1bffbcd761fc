"""Staff forms. They parse input into the values a service takes; the services check the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.petitions.workflow import S
from minsheng.registry.newemployment.hours import DAYS_HINT, parse_days
from minsheng.registry.newemployment.models import (
    AMENITIES,
    Platform,
    PlatformKind,
    ServiceStation,
    amenity_label,
    region_label,
)
from minsheng.registry.newemployment.services.records import (
    ACTIVITY_FIELDS,
    PLATFORM_FIELDS,
    SITE_FIELDS,
    STATION_FIELDS,
)


class RegionField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return region_label(obj)


class StaffForm(forms.Form):
    fields_written: tuple[str, ...] = ()

    def __init__(self, *args, regions=None, instance=None, **kwargs):
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {f: getattr(instance, f) for f in self.fields_written}
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if "region" in self.fields and regions is not None:
            self.fields["region"].queryset = regions

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k in self.fields_written}


class PlatformForm(StaffForm):
    fields_written = PLATFORM_FIELDS
    name = forms.CharField(label=_("平台名称"), max_length=100)
    kind = forms.ChoiceField(label=_("平台类型"), choices=PlatformKind.choices)
    credit_code = forms.CharField(label=_("统一社会信用代码（可不填）"), max_length=30, required=False)
    region = RegionField(label=_("登记区域"), queryset=None)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)


class SiteForm(StaffForm):
    fields_written = SITE_FIELDS
    platform = forms.ModelChoiceField(label=_("平台"), queryset=Platform.objects.none())
    name = forms.CharField(label=_("站点名称"), max_length=100)
    region = RegionField(label=_("所在区域"), queryset=None)
    address = forms.CharField(label=_("地址"), max_length=200, required=False)
    worker_count = forms.IntegerField(label=_("从业人数"), min_value=0, initial=0)
    contact = forms.CharField(label=_("联系人"), max_length=60, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)

    def __init__(self, *args, platforms=None, **kwargs):
        super().__init__(*args, **kwargs)
        if platforms is not None:
            self.fields["platform"].queryset = platforms


class DaysField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_days(value)
        except ValueError:
            raise forms.ValidationError(DAYS_HINT) from None


class StationForm(StaffForm):
    fields_written = STATION_FIELDS
    name = forms.CharField(label=_("驿站名称"), max_length=100)
    region = RegionField(label=_("所在区域"), queryset=None)
    address = forms.CharField(label=_("地址"), max_length=200)
    operator = forms.CharField(label=_("运营单位"), max_length=100, required=False)
    phone = forms.CharField(label=_("服务电话"), max_length=30, required=False)
    open_days = DaysField(
        label=_("开放日"), max_length=30, required=False, help_text=_("如“周一至周五”“1-5”“每天”。")
    )
    opens_at = forms.TimeField(
        label=_("开门时间"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    closes_at = forms.TimeField(
        label=_("关门时间"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    always_open = forms.BooleanField(label=_("24小时开放"), required=False)
    hours_note = forms.CharField(label=_("开放时间说明"), max_length=200, required=False)
    is_public = forms.BooleanField(label=_("对外公开"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, field in AMENITIES:
            self.fields[field] = forms.BooleanField(label=amenity_label(key), required=False)


class ActivityForm(StaffForm):
    fields_written = ACTIVITY_FIELDS
    title = forms.CharField(label=_("活动名称"), max_length=120)
    station = forms.ModelChoiceField(
        label=_("驿站（可不选）"), queryset=ServiceStation.objects.none(), required=False
    )
    region = RegionField(
        label=_("所在区域"), queryset=None, required=False, help_text=_("选择驿站时可不填。")
    )
    held_on = forms.DateField(label=_("活动日期"), widget=forms.DateInput(attrs={"type": "date"}))
    participants = forms.IntegerField(label=_("参加人数"), min_value=0, initial=0)
    note = forms.CharField(label=_("活动内容"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, stations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if stations is not None:
            self.fields["station"].queryset = stations

    def clean(self):
        data = super().clean()
        if not data.get("station") and not data.get("region"):
            self.add_error("region", _("请选择驿站或所在区域。"))
        return data


class ListFilterForm(forms.Form):
    """Filters of the staff lists (area, platform, amenity, petition state); all optional."""

    region = RegionField(label=_("区域"), queryset=None, required=False, empty_label=_("全部区域"))
    platform = forms.ModelChoiceField(
        label=_("平台"), queryset=Platform.objects.none(), required=False, empty_label=_("全部平台")
    )
    amenity = forms.ChoiceField(label=_("服务设施"), required=False)
    status = forms.ChoiceField(
        label=_("信访件状态"), required=False, choices=[("", _("全部状态")), *S.choices]
    )

    def __init__(self, *args, regions, platforms, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.fields["platform"].queryset = platforms
        self.fields["amenity"].choices = [("", _("全部")), *((k, amenity_label(k)) for k, _f in AMENITIES)]

    def value(self, name):
        return self.cleaned_data.get(name) if self.is_valid() else None


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel文件（.xlsx 或 .csv）"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ConfirmImportForm(forms.Form):
    token = forms.CharField(max_length=64, widget=forms.HiddenInput)
    partial = forms.BooleanField(label=_("只导入无错误的行"), required=False)
