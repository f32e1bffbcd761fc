"""The public forms. They parse and shape input; the rules of the law are checked by the services."""

import re
import secrets

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from minsheng.core.form_fields import MAX_ATTACHMENTS, MultipleFileField
from minsheng.orgs.models import Region
from minsheng.people.services import Identity
from minsheng.petitions.models import Category
from minsheng.petitions.services import Intake
from minsheng.petitions.workflow import Channel, Kind, Rating

TEXT_MAX = 5000
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def new_token() -> str:
    """The idempotency token a submit form carries: a double click or a resubmit makes one case."""
    return secrets.token_urlsafe(24)


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # "青川区 东湖街道": a street's name alone is often ambiguous across counties.
        return f"{obj.parent.name} {obj.name}" if obj.parent_id else obj.name


class PortalForm(forms.Form):
    """Labels without a trailing colon; required fields marked (the page explains the *)."""

    required_css_class = "required"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _text(label, max_length=TEXT_MAX, rows=5, help_text=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class SubmitForm(PortalForm):
    """An online petition (Art. 17 信息网络). Field names match the services' error keys."""

    kind = forms.ChoiceField(
        label=_("信访类别"), choices=Kind.choices, initial=Kind.REQUEST, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("标题"), max_length=120, help_text=_("一句话概括您反映的事项。"))
    request = _text(_("诉求"), help_text=_("您希望有关机关做什么。"))
    facts = _text(_("事实"), rows=7, help_text=_("发生了什么：时间、地点、经过、涉及的单位或个人。"))
    reasons = _text(_("理由"), help_text=_("您的诉求为什么应当得到支持。"))
    region = RegionChoiceField(
        label=_("问题发生地"),
        queryset=Region.objects.filter(level__in=[Region.Level.COUNTY, Region.Level.STREET])
        .select_related("parent")
        .order_by("code"),
        empty_label=_("请选择区县或街道/乡镇"),
    )
    category = forms.ModelChoiceField(
        label=_("事项分类（可不选）"),
        queryset=Category.objects.order_by("code"),
        required=False,
        empty_label=_("不清楚，由工作人员分类"),
    )
    anonymous = forms.BooleanField(
        label=_("匿名提出（仅限检举控告）"),
        required=False,
        help_text=_("匿名检举控告不留姓名和联系方式，处理结果无法告知您，但可凭查询码查询。"),
    )
    name = forms.CharField(label=_("姓名（单位请填写名称）"), max_length=100, required=False)
    is_organization = forms.BooleanField(label=_("以单位（组织）名义提出"), required=False)
    id_number = forms.CharField(
        label=_("身份证号码（可不填）"),
        max_length=30,
        required=False,
        help_text=_("填写后便于识别您以前反映的事项。"),
    )
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    address = forms.CharField(label=_("住址（单位请填写地址）"), max_length=200, required=False)
    attachments = MultipleFileField(label=_("附件（可不传）"), required=False)
    consent = forms.BooleanField(
        label=_("我同意信访工作机构为办理本事项处理我提供的个人信息。"),
        required=False,
        help_text=_("个人信息加密保存，仅办理本事项的工作人员可以查看，查看会被记录。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = settings.MINSHENG["ATTACHMENT_TYPES"]
        self.fields["attachments"].widget.attrs["accept"] = ",".join(types)
        # Built per request: a lazy string formatted at import time would freeze the language.
        self.fields["attachments"].help_text = _("可上传%(types)s格式，每个不超过10MB，最多%(n)d个。") % {
            "types": " ".join(types),
            "n": MAX_ATTACHMENTS,
        }
        autocomplete = {"name": "name", "phone": "tel", "address": "street-address", "id_number": "off"}
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["phone"].widget.input_type = "tel"

    def clean(self):
        data = super().clean()
        # Personal data is processed with consent (个人信息保护法 Art. 13); an anonymous report has none.
        if not data.get("anonymous") and not data.get("consent"):
            self.add_error("consent", _("请阅读并同意个人信息处理说明。"))
        return data

    @property
    def token(self) -> str:
        """The posted idempotency token when well formed, else a fresh one for the re-rendered form."""
        posted = self.data.get("idempotency_key", "") if self.is_bound else ""
        if _TOKEN.fullmatch(posted or ""):
            return posted
        if not hasattr(self, "_fresh_token"):
            self._fresh_token = new_token()
        return self._fresh_token

    def idempotency_key(self) -> str:
        # Namespaced so that a key chosen by an API client can never meet a portal form's token.
        return f"portal-{self.token}"

    def intake(self) -> Intake:
        d = self.cleaned_data
        anonymous = bool(d["anonymous"])
        petitioner = None
        if not anonymous:  # an anonymous report keeps no identity, even one typed in by mistake
            petitioner = Identity(
                name=d["name"].strip(),
                id_number=d["id_number"].strip(),
                phone=d["phone"].strip(),
                address=d["address"].strip(),
                is_organization=bool(d["is_organization"]),
            )
        return Intake(
            channel=Channel.ONLINE,
            kind=d["kind"],
            title=d["title"],
            request=d["request"],
            facts=d["facts"],
            reasons=d["reasons"],
            region=d["region"],
            category=d["category"],
            petitioner=petitioner,
            anonymous=anonymous,
        )


class CodeInput(forms.TextInput):
    """Visible while typing (codes are copied from paper) but never written back into a page."""

    def format_value(self, value):
        return None


class TrackForm(PortalForm):
    number = forms.CharField(
        label=_("信访件编号"),
        max_length=20,
        help_text=_("例如 XF2026-000123"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    code = forms.CharField(
        label=_("查询码"),
        max_length=16,
        widget=CodeInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_number(self):
        return self.cleaned_data["number"].strip().upper()


class RateForm(PortalForm):
    rating = forms.ChoiceField(
        label=_("您对办理结果的评价"), choices=Rating.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("评价意见（可不填）"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(PortalForm):
    """申请复查 / 申请复核: the reason is required by the service."""

    reason = forms.CharField(
        label=_("申请理由"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("请说明您对处理意见的哪些内容不服，以及理由。"),
    )
