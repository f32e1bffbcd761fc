"""Forms of the 两新组织 pages: they parse input; the rules are the services' to judge."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.core.errors import InvalidInput
from minsheng.registry.credit_code import validate_credit_code
from minsheng.registry.twonew import coverage, selectors
from minsheng.registry.twonew.models import Industry, Organization, PartyOrganization
from minsheng.registry.twonew.services import UnitData


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{'　' * max(obj.level - 3, 0)}{obj.name}（{obj.code}）"


class UnitFilterForm(forms.Form):
    region = forms.CharField(label=_("区域"), required=False)
    industry = forms.ChoiceField(
        label=_("行业"), required=False, choices=[("", _("全部行业")), *Industry.choices]
    )
    kind = forms.ChoiceField(
        label=_("类型"), required=False, choices=[("", _("全部类型")), *Organization.Kind.choices]
    )
    status = forms.ChoiceField(
        label=_("覆盖情况"),
        required=False,
        choices=[("", _("全部（含歇业）")), *coverage.STATUS_LABELS.items()],
    )
    q = forms.CharField(label=_("名称或信用代码"), required=False, max_length=100)
    # Only the units placed on the area itself, not under it (the dashboard's "本级" row).
    exact = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        regions = selectors.Region.objects.filter(
            selectors.within_regions(selectors.read_paths(user), field="path")
        ).order_by("code")
        self.fields["region"] = forms.ChoiceField(
            label=_("区域"),
            required=False,
            choices=[("", _("全部区域"))] + [(r.code, r.name) for r in regions],
        )


class UnitForm(forms.Form):
    name = forms.CharField(label=_("单位名称"), max_length=100)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=30)
    kind = forms.ChoiceField(label=_("类型"), choices=Organization.Kind.choices)
    region = RegionChoiceField(label=_("所在区域"), queryset=None)
    industry = forms.ChoiceField(label=_("行业"), choices=Industry.choices)
    employees = forms.IntegerField(label=_("从业人员数"), min_value=0, initial=0, required=False)
    full_members = forms.IntegerField(label=_("正式党员数"), min_value=0, initial=0, required=False)
    probationary_members = forms.IntegerField(label=_("预备党员数"), min_value=0, initial=0, required=False)
    operating = forms.BooleanField(label=_("在营"), required=False, initial=True)
    party_contact = forms.CharField(label=_("党建联络员"), max_length=40, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.regions_editable_by(user)

    def clean_credit_code(self):
        # Checked here too, so the message shows beside the field even when another field is wrong.
        try:
            return validate_credit_code(self.cleaned_data["credit_code"])
        except InvalidInput as e:
            raise forms.ValidationError(e.message) from None

    def unit_data(self) -> UnitData:
        counts = ("employees", "full_members", "probationary_members")
        return UnitData(**{k: (v or 0) if k in counts else v for k, v in self.cleaned_data.items()})


class PartyOrgForm(forms.Form):
    name = forms.CharField(label=_("组织名称"), max_length=100)
    kind = forms.ChoiceField(label=_("组织类型"), choices=PartyOrganization.Kind.choices)
    joint = forms.BooleanField(label=_("联合建立（覆盖多个单位）"), required=False)
    units = forms.ModelMultipleChoiceField(label=_("覆盖单位"), queryset=None)
    members = forms.IntegerField(label=_("党员人数"), min_value=0)
    has_committee = forms.BooleanField(label=_("已设支部委员会"), required=False)
    founded_on = forms.DateField(label=_("成立日期"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Units not yet covered; the service refuses a covered one anyway (a stale page).
        self.fields["units"].queryset = (
            selectors.units_visible_to(user)
            .filter(selectors.within_regions(selectors.edit_paths(user)), coverage="", operating=True)
            .order_by("region__code", "name")
        )
        self.fields["units"].label_from_instance = lambda u: f"{u.name}（{u.region.name}，{u.full_members}）"


class PartyOrgEditForm(forms.Form):
    name = forms.CharField(label=_("组织名称"), max_length=100)
    members = forms.IntegerField(label=_("党员人数"), min_value=0)
    has_committee = forms.BooleanField(label=_("已设支部委员会"), required=False)


class DissolveForm(forms.Form):
    on = forms.DateField(label=_("撤销日期"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("撤销原因"), max_length=200)


class InstructorForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=40)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    work_unit = forms.CharField(label=_("工作单位"), max_length=100, required=False)
    region = RegionChoiceField(label=_("所属区域"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.regions_editable_by(user)


class AssignForm(forms.Form):
    instructor = forms.ModelChoiceField(label=_("党建指导员"), queryset=None)
    units = forms.ModelMultipleChoiceField(label=_("单位"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instructor"].queryset = selectors.instructors_assignable_by(user)
        self.fields["units"].queryset = selectors.units_visible_to(user)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel文件（.xlsx 或 .csv）"))


class ConfirmImportForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    partial = forms.BooleanField(label=_("只导入无误的行（跳过有错误的行）"), required=False)
