"""Forms of the association pages: they parse what a page sends; the rules stay in the services
(whose ``InvalidInput.errors`` are put next to the fields by ``core.form_fields.apply_errors``)."""

from django import forms
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from minsheng.registry.associations import selectors
from minsheng.registry.associations.deadlines import Deadline
from minsheng.registry.associations.models import AnnualReport, Association, Industry, Kind, Level, Party
from minsheng.registry.associations.services.registry import DETAIL_FIELDS, Details
from minsheng.registry.associations.services.reports import Filing
from minsheng.registry.associations.workflow import Decoupling, S


class Form(forms.Form):
    """Labels without the colon Django adds."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _all(label, choices) -> list:
    return [("", label), *[(value, text) for value, text in choices]]


class FilterForm(Form):
    """The list filters; anything unparseable is simply ignored."""

    area = forms.ChoiceField(label=_("地区"), required=False)
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=_all(_("全部类型"), Kind.choices))
    level = forms.ChoiceField(label=_("层级"), required=False, choices=_all(_("全部层级"), Level.choices))
    industry = forms.ChoiceField(
        label=_("所属行业"), required=False, choices=_all(_("全部行业"), Industry.choices)
    )
    status = forms.ChoiceField(label=_("状态"), required=False, choices=_all(_("全部状态"), S.choices))
    party = forms.ChoiceField(label=_("党组织"), required=False, choices=_all(_("全部"), Party.choices))
    q = forms.CharField(label=_("名称或信用代码"), required=False, max_length=100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        areas = selectors.areas_of(user).order_by("code")
        self.fields["area"].choices = _all(_("全部地区"), [(r.code, r.name) for r in areas])

    def filters(self) -> selectors.Filters:
        data = self.cleaned_data if self.is_valid() else {}
        return selectors.Filters(**{k: data.get(k) or "" for k in selectors.Filters.__dataclass_fields__})


class DateInput(forms.DateInput):
    input_type = "date"


class AssociationForm(Form):
    """Create or correct a body's details; the region decides who keeps the record."""

    region = forms.ModelChoiceField(label=_("登记地区"), queryset=None)
    status = forms.ChoiceField(
        label=_("登记状态"),
        choices=[(S.PREPARING.value, S.PREPARING.label), (S.ACTIVE.value, _("正常（已成立登记）"))],
    )

    def __init__(self, *args, user, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.writable_areas_of(user).order_by("code")
        for name, field in fields_for_model(Association, fields=DETAIL_FIELDS).items():
            field.required = name in ("name", "kind", "level", "registration_unit")
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
            self.fields[name] = field
        self.fields["credit_code"].help_text = _("18位；筹备中的可暂不填写。")
        if not creating:
            del self.fields["status"]

    def details(self) -> Details:
        data = self.cleaned_data
        values = {k: data.get(k) for k in DETAIL_FIELDS}
        for k in ("individual_members", "unit_members", "party_members"):
            values[k] = values[k] or 0
        values["funds"] = values["funds"] or 0
        values = {k: ("" if v is None and k not in ("registered_on",) else v) for k, v in values.items()}
        return Details(**values)


class StepForm(Form):
    reason = forms.CharField(label=_("原因/说明"), required=False, max_length=200)


class DecouplingForm(Form):
    step = forms.ChoiceField(label=_("脱钩事项"), choices=Decoupling.choices)
    done_on = forms.DateField(
        label=_("完成日期"), required=False, widget=DateInput(), help_text=_("留空表示撤销该事项。")
    )


class ReportForm(Form):
    year = forms.IntegerField(label=_("年度"), min_value=1990, max_value=2100)
    supervisor_submitted_on = forms.DateField(
        label=_("报业务主管单位初审日期"),
        required=False,
        widget=DateInput(),
        help_text=_("直接登记的，可不填。"),
    )
    submitted_on = forms.DateField(label=_("报登记管理机关日期"), widget=DateInput())
    individual_members = forms.IntegerField(label=_("年末个人会员数"), min_value=0, initial=0)
    unit_members = forms.IntegerField(label=_("年末单位会员数"), min_value=0, initial=0)
    income = forms.DecimalField(
        label=_("年度收入（元）"), min_value=0, max_digits=14, decimal_places=2, initial=0
    )
    expenses = forms.DecimalField(
        label=_("年度支出（元）"), min_value=0, max_digits=14, decimal_places=2, initial=0
    )
    net_assets = forms.DecimalField(label=_("年末净资产（元）"), max_digits=14, decimal_places=2, initial=0)
    summary = forms.CharField(
        label=_("主要业务活动"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def filing(self) -> Filing:
        data = {k: v for k, v in self.cleaned_data.items() if k != "year"}
        return Filing(**data)


class ReviewForm(Form):
    decision = forms.ChoiceField(
        label=_("审核结论"),
        choices=[("accept", _("审核通过")), ("return", _("退回"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("退回原因"), required=False, max_length=300)


class ReportFilterForm(FilterForm):
    year = forms.IntegerField(label=_("年度"), required=False, min_value=1990, max_value=2100)
    state = forms.ChoiceField(
        label=_("审核状态"), required=False, choices=_all(_("全部"), AnnualReport.State.choices)
    )
    deadline = forms.ChoiceField(label=_("截止节点"), required=False, choices=Deadline.choices)


class ImportForm(Form):
    file = forms.FileField(label=_("Excel文件（.xlsx）或CSV文件"))


class ConfirmImportForm(Form):
    token = forms.CharField(widget=forms.HiddenInput)
    partial = forms.BooleanField(label=_("仅导入无误的行（有错误的行不导入）"), required=False)


class PublicSearchForm(Form):
    q = forms.CharField(label=_("名称或信用代码"), required=False, max_length=100)
