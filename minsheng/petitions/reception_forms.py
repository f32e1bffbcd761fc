"""Forms of 领导接访下访: scheduling a reception day, receiving a booked matter, booking on the portal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.orgs.models import Region, Unit
from minsheng.orgs.selectors import within_regions
from minsheng.people.services import Identity
from minsheng.people.validators import check_id_number, check_phone
from minsheng.petitions.forms import Form, _text, _validated
from minsheng.petitions.models import Reception
from minsheng.petitions.services.receptions import ReceptionPlan

LOCAL_MINUTE = "%Y-%m-%dT%H:%M"


def _when(label):
    return forms.DateTimeField(
        label=label,
        input_formats=[LOCAL_MINUTE],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_MINUTE),
    )


class ReceptionForm(Form):
    unit = forms.ModelChoiceField(label=_("组织单位"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("形式"), choices=Reception.Kind.choices)
    leader_name = forms.CharField(label=_("接访领导"), max_length=40, required=False)
    leader_title = forms.CharField(label=_("职务"), max_length=60, required=False)
    region = forms.ModelChoiceField(label=_("接访地区域"), queryset=Region.objects.none())
    place = forms.CharField(label=_("地点"), max_length=120, required=False)
    starts_at = _when(_("开始时间"))
    ends_at = _when(_("结束时间"))
    capacity = forms.IntegerField(label=_("可预约人数"), min_value=1, initial=10)
    topics = forms.CharField(label=_("重点接待事项"), max_length=200, required=False)
    publish = forms.BooleanField(label=_("立即在门户发布"), required=False, initial=True)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        paths = [u.region.path for u in units]
        self.fields["region"].queryset = Region.objects.filter(within_regions(paths, "path")).order_by("code")

    def plan(self) -> ReceptionPlan:
        d = self.cleaned_data
        return ReceptionPlan(
            kind=d["kind"],
            leader_name=d["leader_name"],
            leader_title=d["leader_title"],
            region=d["region"],
            place=d["place"],
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            capacity=d["capacity"],
            topics=d["topics"],
        )


class CancelForm(Form):
    reason = forms.CharField(label=_("取消原因"), max_length=200, required=False)


class ReceiveForm(Form):
    """What the leader heard, registered as the case (the booking's matter pre-fills the request)."""

    title = forms.CharField(label=_("标题"), required=False, max_length=120)
    request = _text(_("诉求"))
    facts = _text(_("事实"))
    reasons = _text(_("理由"))


class BookingForm(Form):
    """A citizen books a place: real name and address, as Art. 19 asks of anyone who petitions."""

    name = forms.CharField(label=_("姓名"), max_length=40)
    id_number = forms.CharField(label=_("身份证号"), max_length=18)
    phone = forms.CharField(label=_("联系电话"), max_length=20)
    address = forms.CharField(label=_("住址"), max_length=200)
    matter = forms.CharField(label=_("反映事项"), max_length=500, widget=forms.Textarea(attrs={"rows": 4}))

    def clean_id_number(self):
        return _validated(check_id_number, self.cleaned_data["id_number"].strip())

    def clean_phone(self):
        return _validated(check_phone, self.cleaned_data["phone"].strip())

    def identity(self) -> Identity:
        d = self.cleaned_data
        return Identity(name=d["name"], id_number=d["id_number"], phone=d["phone"], address=d["address"])
