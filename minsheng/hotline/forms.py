"""Forms of the hotline pages: they parse; the services judge (and say why in Chinese)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.hotline.models import Category, KnowledgeAnswer
from minsheng.hotline.services.catalogue import HANDLING_KINDS
from minsheng.hotline.workflow import Channel, Kind, RedirectChannel, S, Satisfaction, Urgency
from minsheng.orgs.models import Region, Unit
from minsheng.people.services import Identity

ACTIONS = (
    ("dispatch", _("立即派单")),
    ("answer", _("当场答复（咨询）")),
    ("redirect", _("转接紧急电话/导入法定途径")),
    ("hold", _("暂存，稍后派单")),
)
YES_NO = (("", "—"), ("1", _("是")), ("0", _("否")))


def handling_units():
    return (
        Unit.objects.filter(kind__in=HANDLING_KINDS, is_active=True)
        .select_related("region")
        .order_by("region__code", "name")
    )


def places():
    return Region.objects.filter(level__gte=Region.Level.COUNTY).order_by("code")


class IntakeForm(forms.Form):
    kind = forms.ChoiceField(label=_("诉求类型"), choices=Kind.choices)
    channel = forms.ChoiceField(label=_("来源"), choices=Channel.choices, initial=Channel.PHONE)
    urgency = forms.ChoiceField(label=_("紧急程度"), choices=Urgency.choices, initial=Urgency.ORDINARY)
    title = forms.CharField(label=_("标题"), max_length=120, required=False)
    content = forms.CharField(label=_("诉求内容"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    category = forms.ModelChoiceField(label=_("分类"), queryset=Category.objects.none(), required=False)
    region = forms.ModelChoiceField(label=_("问题属地"), queryset=Region.objects.none(), required=False)
    address = forms.CharField(label=_("详细地址"), max_length=200, required=False)
    lat = forms.DecimalField(label=_("纬度"), max_digits=9, decimal_places=6, required=False)
    long = forms.DecimalField(label=_("经度"), max_digits=9, decimal_places=6, required=False)
    anonymous = forms.BooleanField(label=_("匿名（仅限咨询）"), required=False)
    requester_name = forms.CharField(label=_("诉求人姓名"), max_length=60, required=False)
    requester_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    action = forms.ChoiceField(label=_("处理方式"), choices=ACTIONS, initial="dispatch")
    unit = forms.ModelChoiceField(
        label=_("承办单位（派单目录无规则时选择）"), queryset=Unit.objects.none(), required=False
    )
    save_rule = forms.BooleanField(label=_("将所选单位存入派单目录"), required=False)
    knowledge_answer = forms.ModelChoiceField(
        label=_("知识库答复"), queryset=KnowledgeAnswer.objects.none(), required=False
    )
    answer_text = forms.CharField(
        label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    redirect_channel = forms.ChoiceField(
        label=_("转接/导入渠道"), choices=[("", "—"), *RedirectChannel.choices], required=False
    )
    redirect_reason = forms.CharField(
        label=_("转接理由及告知诉求人的内容"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(is_active=True).order_by("code")
        self.fields["region"].queryset = places()
        self.fields["unit"].queryset = handling_units()
        self.fields["knowledge_answer"].queryset = KnowledgeAnswer.objects.filter(is_active=True)

    def intake(self):
        from minsheng.hotline.services import OrderIntake

        d = self.cleaned_data
        requester = None
        if not d["anonymous"] and (d["requester_name"] or d["requester_phone"]):
            requester = Identity(name=d["requester_name"].strip(), phone=d["requester_phone"].strip())
        place = {k: d[k] for k in ("category", "region", "address", "lat", "long")}
        return OrderIntake(
            kind=d["kind"],
            title=d["title"],
            content=d["content"],
            channel=d["channel"],
            urgency=d["urgency"],
            requester=requester,
            **place,
        )

    def action_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "action": d["action"],
            "unit": d["unit"],
            "save_rule": d["save_rule"],
            "knowledge_answer": d["knowledge_answer"],
            "answer_text": d["answer_text"],
            "redirect_channel": d["redirect_channel"],
            "redirect_reason": d["redirect_reason"],
        }


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索"), required=False, max_length=60)
    state = forms.ChoiceField(label=_("状态"), choices=[("", _("全部未办结")), *S.choices], required=False)
    due = forms.ChoiceField(label=_("期限"), choices=[("", "—"), ("overdue", _("已超期"))], required=False)


# -- step forms: one per step; ``service_kwargs`` gives the service its arguments


class StepForm(forms.Form):
    def __init__(self, *args, order=None, **kwargs):
        self.order = order
        super().__init__(*args, **kwargs)

    def service_kwargs(self) -> dict:
        return {}


class DispatchForm(StepForm):
    unit = forms.ModelChoiceField(
        label=_("承办单位（留空按派单目录）"), queryset=Unit.objects.none(), required=False
    )
    save_rule = forms.BooleanField(label=_("将所选单位存入派单目录"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = handling_units()

    def service_kwargs(self):
        return {"unit": self.cleaned_data["unit"], "save_rule": self.cleaned_data["save_rule"]}


class AnswerForm(StepForm):
    knowledge_answer = forms.ModelChoiceField(
        label=_("知识库答复"), queryset=KnowledgeAnswer.objects.none(), required=False
    )
    answer_text = forms.CharField(
        label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["knowledge_answer"].queryset = KnowledgeAnswer.objects.filter(is_active=True)

    def service_kwargs(self):
        return {
            "knowledge_answer": self.cleaned_data["knowledge_answer"],
            "answer_text": self.cleaned_data["answer_text"],
        }


class RedirectForm(StepForm):
    channel = forms.ChoiceField(
        label=_("转接/导入渠道"), choices=[("", "—"), *RedirectChannel.choices], required=False
    )
    reason = forms.CharField(
        label=_("转接理由及告知诉求人的内容"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def service_kwargs(self):
        return {"channel": self.cleaned_data["channel"], "reason": self.cleaned_data["reason"]}


class ReasonForm(StepForm):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def service_kwargs(self):
        return {"reason": self.cleaned_data["reason"]}


class DecisionForm(StepForm):
    decision = forms.CharField(label=_("审核意见"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def service_kwargs(self):
        return {"decision": self.cleaned_data["decision"]}


class ReassignForm(DecisionForm):
    unit = forms.ModelChoiceField(label=_("改派至"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = handling_units()

    def service_kwargs(self):
        return {"decision": self.cleaned_data["decision"], "unit": self.cleaned_data["unit"]}


class ExtendForm(StepForm):
    days_more = forms.IntegerField(label=_("延期天数"), min_value=1, max_value=365)
    reason = forms.CharField(label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    explanation = forms.CharField(
        label=_("向诉求人的说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def service_kwargs(self):
        d = self.cleaned_data
        return {"days_more": d["days_more"], "reason": d["reason"], "explanation": d["explanation"]}


class ReplyForm(StepForm):
    result = forms.CharField(label=_("办理结果"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def service_kwargs(self):
        return {"result": self.cleaned_data["result"]}


def _yes_no(value: str):
    return {"1": True, "0": False}.get(value)


class VisitForm(StepForm):
    reached = forms.ChoiceField(label=_("回访接通"), choices=YES_NO[1:], initial="1")
    contacted = forms.ChoiceField(label=_("承办单位是否联系了您"), choices=YES_NO, required=False)
    solved = forms.ChoiceField(label=_("问题是否解决"), choices=YES_NO, required=False)
    satisfaction = forms.ChoiceField(
        label=_("满意度"), choices=[("", "—"), *Satisfaction.choices], required=False
    )
    note = forms.CharField(label=_("回访记录"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def service_kwargs(self):
        d = self.cleaned_data
        return {
            "reached": d["reached"] == "1",
            "contacted": _yes_no(d["contacted"]),
            "solved": _yes_no(d["solved"]),
            "satisfaction": d["satisfaction"],
            "note": d["note"],
        }


class PeriodForm(forms.Form):
    since = forms.DateField(label=_("起始日期"), required=False)
    until = forms.DateField(label=_("截止日期"), required=False)
    area = forms.ModelChoiceField(label=_("区域"), queryset=Region.objects.none(), required=False)

    def __init__(self, *args, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas if areas is not None else Region.objects.none()


class MonthForm(forms.Form):
    month = forms.RegexField(label=_("月份"), regex=r"^\d{4}-\d{2}$", required=False,
                             error_messages={"invalid": _("月份格式应为 2026-03。")})  # fmt: skip

    def clean_month(self) -> tuple[int, int] | None:
        """(year, month), or None when not given."""
        value = self.cleaned_data["month"]
        if not value:
            return None
        year, month = (int(x) for x in value.split("-"))
        if not (1 <= month <= 12 and year >= 2000):
            raise forms.ValidationError(self.fields["month"].error_messages["invalid"])
        return year, month


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel 或 CSV 文件"))
    confirm = forms.BooleanField(label=_("确认导入"), required=False)
    partial = forms.BooleanField(label=_("仅导入无误的行"), required=False)


class UnmaskForm(forms.Form):
    reason = forms.CharField(label=_("查看理由"), max_length=200, required=False, initial=_("办理工单需要"))
