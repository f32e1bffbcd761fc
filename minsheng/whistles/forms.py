from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.orgs.models import DutyItem, Region, Unit
from minsheng.petitions.forms import Form
from minsheng.whistles.models import Whistle
from minsheng.whistles.services import CALLABLE, WhistlePlan


class WhistleForm(Form):
    kind = forms.ChoiceField(label=_("哨类"), choices=Whistle.Kind.choices)
    title = forms.CharField(label=_("事项"), max_length=120, required=False)
    description = forms.CharField(
        label=_("情况说明"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    region = forms.ModelChoiceField(label=_("所在社区/街乡"), queryset=Region.objects.none())
    place = forms.CharField(label=_("地点"), max_length=120, required=False)
    departments = forms.ModelMultipleChoiceField(
        label=_("点名部门"), queryset=Unit.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    lead = forms.ModelChoiceField(
        label=_("牵头部门"), queryset=Unit.objects.none(), required=False, empty_label=_("本街乡牵头")
    )
    duty_item = forms.ModelChoiceField(
        label=_("职责清单事项"),
        queryset=DutyItem.objects.none(),
        required=False,
        empty_label=_("清单以外的事项"),
    )

    def __init__(self, *args, street: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(path__startswith=street.region.path)
        departments = Unit.objects.filter(kind__in=CALLABLE, region=street.region.parent, is_active=True)
        self.fields["departments"].queryset = departments.order_by("name")
        self.fields["lead"].queryset = departments.order_by("name")
        self.fields["duty_item"].queryset = DutyItem.objects.filter(region=street.region)

    def plan(self) -> WhistlePlan:
        d = self.cleaned_data
        return WhistlePlan(
            kind=d["kind"],
            title=d["title"],
            description=d["description"],
            region=d["region"],
            place=d["place"],
            departments=tuple(d["departments"]),
            lead=d["lead"],
            duty_item=d["duty_item"],
        )


class PeriodForm(Form):
    since = forms.DateField(
        label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
