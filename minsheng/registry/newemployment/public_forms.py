"""Public forms: what a worker types on the portal. Field names match the services' error keys."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.orgs.models import Region
from minsheng.people.services import Identity
from minsheng.petitions.services import Intake
from minsheng.petitions.workflow import Channel, Kind
from minsheng.portal.forms import TEXT_MAX, PortalForm, RegionChoiceField, SubmitForm
from minsheng.registry.newemployment import selectors
from minsheng.registry.newemployment.models import AMENITIES, WorkKind, amenity_label


def _areas():
    return (
        Region.objects.filter(level__in=[Region.Level.COUNTY, Region.Level.STREET])
        .select_related("parent")
        .order_by("code")
    )


class StationFilterForm(PortalForm):
    region = RegionChoiceField(
        label=_("区域"), queryset=Region.objects.none(), required=False, empty_label=_("全部区域")
    )
    amenity = forms.ChoiceField(label=_("服务设施"), required=False)
    open_now = forms.BooleanField(label=_("只看现在开放的"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.public_regions()
        self.fields["amenity"].choices = [("", _("全部")), *((k, amenity_label(k)) for k, _f in AMENITIES)]


class WorkerForm(PortalForm):
    """Only what the count needs; a nickname and a phone only if the worker wants to be contacted."""

    platform = forms.ModelChoiceField(label=_("所在平台"), queryset=None, empty_label=_("请选择"))
    work_kind = forms.ChoiceField(label=_("从业类型"), choices=WorkKind.choices, widget=forms.RadioSelect)
    region = RegionChoiceField(label=_("主要工作区域"), queryset=None, empty_label=_("请选择区县或街道/乡镇"))
    nickname = forms.CharField(
        label=_("称呼（可不填）"),
        max_length=30,
        required=False,
        help_text=_("如“李师傅”，不必填写真实姓名。"),
    )
    phone = forms.CharField(
        label=_("手机号码（可不填）"),
        max_length=20,
        required=False,
        help_text=_("填写后，驿站和工会可以通知您关爱活动；号码加密保存，工作人员只看到部分号码。"),
    )
    consent = forms.BooleanField(
        label=_("我已阅读并同意上述个人信息处理说明。"),
        required=False,
        help_text=_("不同意则不能登记。您可以随时凭撤回码撤回登记。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = selectors.platform_choices()
        self.fields["region"].queryset = _areas()
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["nickname"].widget.attrs["autocomplete"] = "off"

    def clean(self):
        data = super().clean()
        # 个人信息保护法 Art. 13/14: processing rests on a consent given freely and clearly.
        if not data.get("consent"):
            self.add_error("consent", _("请阅读并同意个人信息处理说明后再登记。"))
        return data


class WithdrawForm(PortalForm):
    NOT_FOUND = _("撤回码不正确，或该登记已经撤回。")
    code = forms.CharField(
        label=_("撤回码"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class RightsForm(PortalForm):
    """A rights-protection request: a petition (Art. 19 asks for name, address, request, facts, reasons)."""

    platform = forms.ModelChoiceField(label=_("涉及平台"), queryset=None, empty_label=_("请选择"))
    work_kind = forms.ChoiceField(label=_("从业类型"), choices=WorkKind.choices)
    title = forms.CharField(label=_("标题"), max_length=120, help_text=_("一句话概括，如“站点拖欠配送费”。"))
    request = forms.CharField(
        label=_("诉求"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("您希望有关机关做什么。"),
    )
    facts = forms.CharField(
        label=_("事实"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("发生了什么：时间、地点、站点、经过。"),
    )
    reasons = forms.CharField(label=_("理由"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4}))
    region = RegionChoiceField(label=_("问题发生地"), queryset=None, empty_label=_("请选择区县或街道/乡镇"))
    name = forms.CharField(label=_("姓名"), max_length=100)
    phone = forms.CharField(label=_("联系电话"), max_length=20)
    address = forms.CharField(label=_("住址"), max_length=200)
    consent = SubmitForm.base_fields["consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = selectors.platform_choices()
        self.fields["region"].queryset = _areas()
        self.fields["phone"].widget.input_type = "tel"

    def clean(self):
        data = super().clean()
        if not data.get("consent"):
            self.add_error("consent", _("请阅读并同意个人信息处理说明。"))
        return data

    token = SubmitForm.token

    def idempotency_key(self) -> str:
        return f"newemp-{self.token}"

    def intake(self) -> Intake:
        d = self.cleaned_data
        return Intake(
            channel=Channel.ONLINE,
            kind=Kind.REQUEST,
            title=d["title"],
            request=d["request"],
            facts=d["facts"],
            reasons=d["reasons"],
            region=d["region"],
            petitioner=Identity(
                name=d["name"].strip(), phone=d["phone"].strip(), address=d["address"].strip()
            ),
        )
