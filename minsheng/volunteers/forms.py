"""Forms of volunteer pages: they parse; the rules (age, duplicates, gates) stay in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.orgs.models import Region
from minsheng.volunteers import availability
from minsheng.volunteers.models import Activity, ServiceArea, Skill, Volunteer

DT_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class Form(forms.Form):
    required_css_class = "required"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def regions_under(*paths: str):
    from minsheng.orgs.selectors import within_regions

    return Region.objects.filter(within_regions(list(paths), field="path")).order_by("code")


def local_regions():
    """Counties and below: where volunteers live and serve."""
    return Region.objects.filter(level__gte=Region.Level.COUNTY).order_by("code")


class AvailabilityField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=availability.choices(),
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=_("可服务时间"),
            help_text=_("勾选您通常可以参加志愿服务的时段。"),
            **kwargs,
        )


class RegisterForm(Form):
    name = forms.CharField(label=_("真实姓名"), max_length=30, required=False)
    id_number = forms.CharField(label=_("身份证号码"), max_length=20, required=False)
    phone = forms.CharField(label=_("手机号码"), max_length=20, required=False)
    region = forms.ModelChoiceField(
        label=_("所属区域"),
        queryset=Region.objects.none(),
        required=False,
        help_text=_("您居住或工作所在的街道/社区。"),
    )
    service_regions = forms.ModelMultipleChoiceField(
        label=_("意向服务区域"), queryset=Region.objects.none(), required=False
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("技能/资质"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.CharField(
        label=_("语言"),
        required=False,
        max_length=200,
        help_text=_("如：普通话、粤语、英语、手语，用顿号分隔。"),
    )
    availability = AvailabilityField()
    guardian_name = forms.CharField(
        label=_("监护人姓名"), max_length=30, required=False, help_text=_("未成年人须填写。")
    )
    guardian_phone = forms.CharField(label=_("监护人电话"), max_length=20, required=False)
    guardian_consent = forms.BooleanField(label=_("监护人已知悉并同意本人参加志愿服务"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = local_regions()
        self.fields["service_regions"].queryset = local_regions()

    def registration(self):
        from minsheng.volunteers.services import Registration
        from minsheng.volunteers.services.registration import list_of

        d = self.cleaned_data
        return Registration(
            name=d["name"],
            id_number=d["id_number"],
            phone=d["phone"],
            region=d["region"],
            skills=list(d["skills"]),
            languages=list_of(d["languages"]),
            availability=availability.from_indexes(d["availability"]),
            service_regions=list(d["service_regions"]),
            guardian_name=d["guardian_name"],
            guardian_phone=d["guardian_phone"],
            guardian_consent=d["guardian_consent"],
        )


class ProfileForm(Form):
    phone = forms.CharField(label=_("手机号码"), max_length=20, required=False, help_text=_("不修改请留空。"))
    service_regions = forms.ModelMultipleChoiceField(
        label=_("意向服务区域"), queryset=Region.objects.none(), required=False
    )
    skills = RegisterForm.base_fields["skills"]
    languages = RegisterForm.base_fields["languages"]
    availability = AvailabilityField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_regions"].queryset = local_regions()


class ActivityFilterForm(Form):
    region = forms.ModelChoiceField(
        label=_("区域"), queryset=Region.objects.none(), required=False, empty_label=_("全部区域")
    )
    skill = forms.ModelChoiceField(
        label=_("技能"), queryset=Skill.objects.all(), required=False, empty_label=_("不限")
    )
    day = forms.DateField(label=_("日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = local_regions()


class TeamForm(Form):
    name = forms.CharField(label=_("名称"), max_length=80, required=False)
    region = forms.ModelChoiceField(label=_("所属区域"), queryset=Region.objects.none(), required=False)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    description = forms.CharField(label=_("简介"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, paths=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_under(*paths)


class ManagerForm(Form):
    username = forms.CharField(label=_("用户名"), max_length=150)


class ProjectForm(Form):
    name = forms.CharField(label=_("项目名称"), max_length=80, required=False)
    area = forms.ChoiceField(label=_("服务领域"), choices=[("", "—"), *ServiceArea.choices], required=False)
    region = forms.ModelChoiceField(label=_("服务区域"), queryset=Region.objects.none(), required=False)
    goals = forms.CharField(label=_("项目目标"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    results = forms.CharField(label=_("项目成效"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    started_on = forms.DateField(
        label=_("启动日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    is_active = forms.BooleanField(label=_("进行中"), required=False, initial=True)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_under(team.region.path)


class ActivityForm(Form):
    title = forms.CharField(label=_("活动名称"), max_length=100, required=False)
    area = forms.ChoiceField(label=_("服务领域"), choices=[("", "—"), *ServiceArea.choices], required=False)
    brand_project = forms.ModelChoiceField(label=_("品牌项目"), queryset=None, required=False)
    description = forms.CharField(
        label=_("活动内容"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    place = forms.CharField(label=_("活动地点"), max_length=200, required=False)
    region = forms.ModelChoiceField(label=_("活动区域"), queryset=Region.objects.none(), required=False)
    latitude = forms.DecimalField(
        label=_("纬度"), required=False, max_digits=9, decimal_places=6, min_value=-90, max_value=90
    )
    longitude = forms.DecimalField(
        label=_("经度"), required=False, max_digits=9, decimal_places=6, min_value=-180, max_value=180
    )
    is_risky = forms.BooleanField(label=_("有风险的活动（须登记保险后才能报名）"), required=False)
    min_age = forms.IntegerField(label=_("最低年龄"), required=False, min_value=0, max_value=100)
    required_skills = forms.ModelMultipleChoiceField(
        label=_("所需技能"),
        queryset=Skill.objects.filter(kind=Skill.Kind.SKILL),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    required_qualifications = forms.ModelMultipleChoiceField(
        label=_("所需资质"),
        queryset=Skill.objects.filter(kind=Skill.Kind.QUALIFICATION),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_under(team.region.path)
        self.fields["brand_project"].queryset = team.projects.all()

    @classmethod
    def initial_from(cls, activity: Activity) -> dict:
        initial = {
            k: getattr(activity, k)
            for k in cls.base_fields
            if k not in ("required_skills", "required_qualifications")
        }
        initial["required_skills"] = list(activity.required_skills.all())
        initial["required_qualifications"] = list(activity.required_qualifications.all())
        return initial


class ShiftForm(Form):
    starts_at = forms.DateTimeField(label=_("开始时间"), widget=DT_WIDGET)
    ends_at = forms.DateTimeField(label=_("结束时间"), widget=DT_WIDGET)
    capacity = forms.IntegerField(label=_("名额"), min_value=1, max_value=10000)
    note = forms.CharField(label=_("说明"), max_length=100, required=False)


class CapacityForm(Form):
    capacity = forms.IntegerField(label=_("名额"), min_value=1, max_value=10000)


class InsuranceForm(Form):
    policy_number = forms.CharField(label=_("保单号"), max_length=60, required=False)
    insurer = forms.CharField(label=_("保险公司"), max_length=80, required=False)


class ReasonForm(Form):
    reason = forms.CharField(label=_("原因"), max_length=200, required=False)


class VolunteerFilterForm(Form):
    q = forms.CharField(label=_("姓名/身份证号/手机号（完整）"), required=False, max_length=30)
    skill = forms.ModelChoiceField(
        label=_("技能"), queryset=Skill.objects.all(), required=False, empty_label=_("不限")
    )
    region = forms.ModelChoiceField(
        label=_("区域"), queryset=Region.objects.none(), required=False, empty_label=_("全部区域")
    )
    status = forms.ChoiceField(
        label=_("状态"), choices=[("", _("全部状态")), *Volunteer.Status.choices], required=False
    )

    def __init__(self, *args, paths=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_under(*paths) if paths else local_regions()


class ImportForm(Form):
    file = forms.FileField(label=_("Excel文件（.xlsx）或CSV"), required=False)
    partial = forms.BooleanField(label=_("只导入无误的行"), required=False)
