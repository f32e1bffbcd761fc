"""Forms of the staff workbench: they parse what a page sends; the rules stay in the services.

Text fields the law requires (title, request, facts…) are optional here on purpose: the service checks
them and its ``InvalidInput.errors`` are put next to the fields (``apply_errors``), so a rule is never
written twice. Field names match the service's error keys for the same reason.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from minsheng.core.errors import InvalidInput
from minsheng.core.form_fields import MultipleFileField
from minsheng.orgs.models import Region, Unit
from minsheng.people.services import Identity
from minsheng.people.validators import check_id_number, check_phone
from minsheng.petitions import selectors, services
from minsheng.petitions.models import Category
from minsheng.petitions.services import proposals
from minsheng.petitions.services.intake import MAX_REPRESENTATIVES
from minsheng.petitions.workflow import TERMINAL, Channel, Kind, LegalChannel, Outcome, Rating, S


def _validated(check, value: str) -> str:
    """Run a people validator early, so its message lands next to the field it is about."""
    if not value:
        return ""
    try:
        return check(value)
    except InvalidInput as e:
        raise ValidationError(str(e.message)) from None


class Form(forms.Form):
    """Labels without the colon Django adds: Chinese labels stand on their own line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _text(label, **kwargs):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 3}), **kwargs)


class QueueFilterForm(Form):
    """The filters of the work queue; anything unparseable is simply ignored."""

    state = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[("", _("全部状态"))] + [(s.value, s.label) for s in S if s not in TERMINAL],
    )
    due = forms.ChoiceField(
        label=_("期限"),
        required=False,
        choices=[("", _("全部期限")), ("overdue", _("已超期")), ("soon", _("即将到期"))],
    )
    manual = forms.BooleanField(label=_("仅需人工分派"), required=False)
    q = forms.CharField(
        label=_("搜索"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("编号、身份证号、电话、姓名或标题关键词")}
        ),
    )


class IntakeForm(Form):
    """Registration by a clerk (Arts. 17–20), from any of the five channels."""

    channel = forms.ChoiceField(label=_("信访渠道"), choices=Channel.choices)
    kind = forms.ChoiceField(label=_("信访类别"), choices=Kind.choices)
    title = forms.CharField(label=_("标题"), required=False, max_length=120)
    request = _text(_("诉求"))
    facts = _text(_("事实"))
    reasons = _text(_("理由"))
    region = forms.ModelChoiceField(label=_("问题属地"), queryset=Region.objects.none())
    category = forms.ModelChoiceField(
        label=_("分类"), required=False, queryset=Category.objects.all(), empty_label=_("（未分类）")
    )

    name = forms.CharField(label=_("信访人姓名（或单位名称）"), required=False, max_length=60)
    id_number = forms.CharField(label=_("身份证号码"), required=False, max_length=20)
    phone = forms.CharField(label=_("联系电话"), required=False, max_length=20)
    address = forms.CharField(label=_("住址（或单位地址）"), required=False, max_length=200)
    is_organization = forms.BooleanField(label=_("以单位/组织名义"), required=False)
    anonymous = forms.BooleanField(
        label=_("匿名"), required=False, help_text=_("仅检举控告可以匿名提出；匿名件无法告知处理结果。")
    )

    headcount = forms.IntegerField(label=_("人数"), min_value=1, max_value=100000, initial=1)

    accused_unit = forms.ModelChoiceField(
        label=_("被反映单位"), required=False, queryset=Unit.objects.filter(is_active=True)
    )
    accused_person = forms.CharField(label=_("被反映人"), required=False, max_length=60)
    attachments = MultipleFileField(label=_("附件"), required=False)

    def __init__(self, *args, bureau: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        # A clerk registers matters of the bureau's own area and the areas below it.
        self.fields["region"].queryset = Region.objects.filter(path__startswith=bureau.region.path)
        self.fields["region"].initial = bureau.region_id
        for i in range(1, MAX_REPRESENTATIVES + 1):
            self.fields[f"rep_{i}_name"] = forms.CharField(
                label=_("代表%(i)s 姓名") % {"i": i}, required=False, max_length=60
            )
            self.fields[f"rep_{i}_phone"] = forms.CharField(label=_("电话"), required=False, max_length=20)
            self.fields[f"rep_{i}_id_number"] = forms.CharField(
                label=_("身份证号码（可不填）"), required=False, max_length=20
            )

    def representative_rows(self):
        """(name, phone, id_number) bound fields per row, for the template."""
        return [
            (self[f"rep_{i}_name"], self[f"rep_{i}_phone"], self[f"rep_{i}_id_number"])
            for i in range(1, MAX_REPRESENTATIVES + 1)
        ]

    def clean_id_number(self):
        return _validated(check_id_number, self.cleaned_data["id_number"].strip())

    def clean_phone(self):
        return _validated(check_phone, self.cleaned_data["phone"].strip())

    def clean_attachments(self):
        for upload in self.cleaned_data["attachments"]:
            try:
                services.check_attachment(upload)
            except InvalidInput as e:
                raise ValidationError(str(e.message)) from None
        return self.cleaned_data["attachments"]

    def clean(self):
        data = super().clean()
        self.representatives = []
        for i in range(1, MAX_REPRESENTATIVES + 1):
            self._clean_representative(data, i)
        return data

    def _clean_representative(self, data, i: int) -> None:
        name, phone, id_number = (
            data.get(f"rep_{i}_{k}", "").strip() for k in ("name", "phone", "id_number")
        )
        if not (name or phone or id_number):
            return
        if not name:
            self.add_error(f"rep_{i}_name", _("请填写代表姓名。"))
            return
        try:
            phone = _validated(check_phone, phone)
        except ValidationError as e:
            self.add_error(f"rep_{i}_phone", e)
            return
        try:
            id_number = _validated(check_id_number, id_number)
        except ValidationError as e:
            self.add_error(f"rep_{i}_id_number", e)
            return
        self.representatives.append(Identity(name=name, phone=phone, id_number=id_number))

    def intake(self) -> services.Intake:
        """The validated form as the service's ``Intake``."""
        d = self.cleaned_data
        petitioner = None
        if not d["anonymous"]:
            petitioner = Identity(
                name=d["name"].strip(),
                id_number=d["id_number"],
                phone=d["phone"],
                address=d["address"].strip(),
                is_organization=d["is_organization"],
            )
        return services.Intake(
            channel=d["channel"],
            kind=d["kind"],
            title=d["title"],
            request=d["request"],
            facts=d["facts"],
            reasons=d["reasons"],
            region=d["region"],
            petitioner=petitioner,
            representatives=self.representatives,
            headcount=d["headcount"],
            category=d["category"],
            accused_unit=d["accused_unit"],
            accused_person=d["accused_person"],
            anonymous=d["anonymous"],
        )


# ---- One small form per workflow step; ``service_kwargs`` is what the step's service takes. ----


class StepForm(Form):
    """A step's own fields; steps without fields (accept, hearings) use this class as is."""

    def __init__(self, *args, user=None, petition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.petition = petition

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class RouteForm(StepForm):
    """Forward or assign; the category and unit start from the router's proposal when it was sure."""

    unit = forms.ModelChoiceField(label=_("责任单位"), queryset=Unit.objects.filter(is_active=True))
    category = forms.ModelChoiceField(
        label=_("分类"), required=False, queryset=Category.objects.all(), empty_label=_("（未分类）")
    )
    note = _text(_("说明"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.petition is not None:
            for name, value in proposals.route_prefill(self.petition).items():
                self.fields[name].initial = value


class RedirectForm(StepForm):
    legal_channel = forms.ChoiceField(label=_("法定途径"), choices=LegalChannel.choices)
    note = _text(_("应通过的法定途径及理由"))


class ReasonForm(StepForm):
    reason = _text(_("理由"))


class DecisionForm(StepForm):
    decision = _text(_("意见"))


class LinkRepeatForm(StepForm):
    original = forms.CharField(label=_("原信访件编号"), max_length=20)

    def clean_original(self):
        number = self.cleaned_data["original"].strip().upper()
        try:
            # Only cases the clerk may see: a number from elsewhere is as good as unknown.
            return selectors.petition_for(self.user, number=number)
        except Http404:
            raise ValidationError(_("找不到编号为%(number)s的信访件。") % {"number": number}) from None


class ExtendForm(StepForm):
    days = forms.IntegerField(label=_("延期天数"))
    reason = _text(_("延期理由（将告知信访人）"))

    def service_kwargs(self) -> dict:
        return {"extra_days": self.cleaned_data["days"], "reason": self.cleaned_data["reason"]}


class AnswerForm(StepForm):
    outcome = forms.ChoiceField(
        label=_("处理结果"),
        choices=[(o.value, o.label) for o in (Outcome.SUPPORT, Outcome.EXPLAIN, Outcome.NOT_SUPPORT)],
    )
    facts = _text(_("查明事实"))
    reasons = _text(_("理由"))
    decision = _text(_("处理意见"))
    basis = _text(_("法律依据"))


class SettleForm(StepForm):
    outcome = forms.ChoiceField(
        label=_("方式"), choices=[(o.value, o.label) for o in (Outcome.MEDIATED, Outcome.SETTLED)]
    )
    agreement = _text(_("协议内容"))


class RateForm(StepForm):
    rating = forms.ChoiceField(label=_("评价"), choices=Rating.choices)
    comment = _text(_("评价意见"))


class UnmaskForm(Form):
    reason = forms.CharField(
        label=_("查看理由"), max_length=200, required=False, initial=_("办理信访事项需要")
    )
