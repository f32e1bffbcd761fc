"""Forms parse and shape input; the rules are checked by the services (their messages land on fields)."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from minsheng.core.form_fields import MultipleFileField
from minsheng.orgs.models import Region
from minsheng.portal import forms as portal_forms
from minsheng.portal.forms import PortalForm, RegionChoiceField, new_token
from minsheng.suggestions.selectors import study_units_for
from minsheng.suggestions.services import SuggestionInput, TopicInput
from minsheng.suggestions.services.intake import TEXT_MAX  # the limit the service checks

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def _text(label, *, required=True, rows=4, max_length=TEXT_MAX, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class TokenMixin:
    """An idempotency token carried by a public form: a double click or a resubmit makes one record."""

    token_prefix = "portal-sugg"

    @property
    def token(self) -> str:
        posted = self.data.get("idempotency_key", "") if self.is_bound else ""
        if _TOKEN.fullmatch(posted or ""):
            return posted
        if not hasattr(self, "_fresh_token"):
            self._fresh_token = new_token()
        return self._fresh_token

    def idempotency_key(self) -> str:
        return f"{self.token_prefix}-{self.token}"


# --- staff -------------------------------------------------------------------------------------------


class TopicForm(forms.Form):
    title = forms.CharField(label=_("征集主题"), max_length=120)
    description = _text(_("征集说明"), rows=8, help_text=_("征集的背景、范围和希望听取意见的问题。"))
    starts_on = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("截止日期"), widget=forms.DateInput(attrs={"type": "date"}))
    attachments = MultipleFileField(label=_("附件（可不传）"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].widget.attrs["accept"] = ",".join(settings.MINSHENG["ATTACHMENT_TYPES"])

    def topic_input(self) -> TopicInput:
        d = self.cleaned_data
        return TopicInput(d["title"], d["description"], d["starts_on"], d["ends_on"])


class StepForm(forms.Form):
    """A step with nothing to fill in."""

    def __init__(self, *args, suggestion=None, **kwargs):
        self.suggestion = suggestion
        super().__init__(*args, **kwargs)

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class AssignForm(StepForm):
    unit = forms.ModelChoiceField(label=_("研究单位"), queryset=None)
    note = forms.CharField(label=_("交办说明（可不填）"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = study_units_for(self.suggestion.office)


class ConvertForm(StepForm):
    reason = _text(
        _("告知建议人的理由"), rows=3, help_text=_("例如：所提为本人的具体诉求，已按信访事项登记办理。")
    )
    address = forms.CharField(
        label=_("建议人住址（未留住址时填写）"),
        max_length=200,
        required=False,
        help_text=_("信访事项登记需要住址。"),
    )


class RedirectForm(StepForm):
    reason = _text(_("引导理由"), rows=3, help_text=_("例如：属于诉讼事项，请向人民法院提起诉讼。"))


class DecideForm(StepForm):
    explanation = _text(
        _("说明"), required=False, rows=4, help_text=_("部分采纳或不予采纳的，必须说明理由。")
    )


class ReplyForm(StepForm):
    reply = _text(_("答复内容（可不填，默认为研究单位的说明）"), required=False, rows=3)


class RewardForm(StepForm):
    amount = forms.DecimalField(label=_("奖励金额（元）"), min_value=0, max_digits=10, decimal_places=2)


class ModerateForm(forms.Form):
    reason = forms.CharField(label=_("不予发布的理由"), max_length=200, required=False)


class UnmaskForm(forms.Form):
    reason = forms.CharField(label=_("查看理由"), max_length=200, required=False, initial=_("联系建议人"))


class GroupForm(forms.Form):
    title = forms.CharField(label=_("议题名称（可不填）"), max_length=120, required=False)


# --- portal ------------------------------------------------------------------------------------------


class SuggestionForm(TokenMixin, PortalForm):
    title = forms.CharField(label=_("建议主题"), max_length=120, help_text=_("一句话概括您的建议。"))
    reason = _text(_("建议理由"), rows=5, help_text=_("现状、存在的问题和提出建议的原因。"))
    proposal = _text(_("具体建议"), rows=6, help_text=_("您建议怎么做。"))
    region = RegionChoiceField(
        label=_("建议涉及的区域"),
        queryset=Region.objects.filter(level__in=[Region.Level.COUNTY, Region.Level.STREET])
        .select_related("parent")
        .order_by("code"),
        empty_label=_("请选择区县或街道/乡镇"),
    )
    name = forms.CharField(label=_("姓名"), max_length=100)
    phone = forms.CharField(label=_("联系电话"), max_length=20, help_text=_("仅用于告知办理结果，不会公开。"))
    address = forms.CharField(label=_("住址（可不填）"), max_length=200, required=False)
    publish_name = forms.BooleanField(
        label=_("建议被采纳并公开时，可以署我的姓名"),
        required=False,
        help_text=_("不勾选时，公开的建议不显示姓名。"),
    )
    consent = forms.BooleanField(
        label=_("我同意征集部门为办理本建议处理我提供的个人信息。"),
        help_text=_("个人信息加密保存，仅征集办公室可以查看，研究单位看不到您的联系方式。"),
        error_messages={"required": _("请阅读并同意个人信息处理说明。")},
    )

    def __init__(self, *args, topic=None, **kwargs):
        self.topic = topic
        super().__init__(*args, **kwargs)
        if topic is not None:  # a topic's office receives it; the area is optional
            self.fields["region"].required = False
            self.fields["region"].label = _("建议涉及的区域（可不选）")
        self.fields["phone"].widget.input_type = "tel"
        for name, value in {"name": "name", "phone": "tel", "address": "street-address"}.items():
            self.fields[name].widget.attrs["autocomplete"] = value

    def suggestion_input(self) -> SuggestionInput:
        d = self.cleaned_data
        return SuggestionInput(
            title=d["title"],
            reason=d["reason"],
            proposal=d["proposal"],
            name=d["name"],
            phone=d["phone"],
            address=d["address"],
            publish_name=bool(d["publish_name"]),
            topic=self.topic,
            region=d["region"],
        )


class CommentForm(TokenMixin, PortalForm):
    token_prefix = "portal-comment"
    nickname = forms.CharField(label=_("昵称（可不填）"), max_length=30, required=False)
    body = _text(_("评论"), rows=3, max_length=1000, help_text=_("评论经审核后公开显示。"))


class TrackForm(portal_forms.TrackForm):
    """The portal's number + query code form, with the suggestion's number in the label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].label = _("建议编号")
        self.fields["number"].help_text = _("例如 JY2026-000123")


class RateForm(PortalForm):
    rating = forms.TypedChoiceField(
        label=_("您对办理情况的评价"),
        coerce=int,
        choices=[(i, str(i)) for i in range(5, 0, -1)],
        widget=forms.RadioSelect,
        help_text=_("5分为非常满意，1分为非常不满意。"),
    )
    comment = _text(_("评价意见（可不填）"), required=False, rows=3, max_length=1000)
