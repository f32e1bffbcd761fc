"""Forms of the talent pages: they parse; the rules (and their messages) stay in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.people.services import Identity
from minsheng.talent.models import CEKind, Field, Level, SocialWorker
from minsheng.talent.services import WorkerData


class Form(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs={"type": "date"}))


REG_STATES = [
    ("", _("全部登记状态")),
    ("valid", _("登记有效")),
    ("soon", _("即将到期")),
    ("lapsed", _("已过期")),
    ("none", _("未登记")),
]


class FilterForm(Form):
    """The register's filters; anything unparseable is ignored."""

    q = forms.CharField(
        label=_("搜索"),
        required=False,
        max_length=60,
        help_text=_("完整姓名、身份证号码、证书编号或工作单位"),
    )
    area = forms.ChoiceField(label=_("区域"), required=False)
    level = forms.ChoiceField(label=_("等级"), required=False, choices=[("", _("全部等级")), *Level.choices])
    field = forms.ChoiceField(
        label=_("服务领域"), required=False, choices=[("", _("全部领域")), *Field.choices]
    )
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部状态")), *SocialWorker.Status.choices]
    )
    reg = forms.ChoiceField(label=_("登记状态"), required=False, choices=REG_STATES)

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("全部区域"))] + [(r.code, r.name) for r in areas]


class AreaForm(Form):
    area = forms.ChoiceField(label=_("区域"), required=False)

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [(r.code, r.name) for r in areas]


class WorkerForm(Form):
    name = forms.CharField(label=_("姓名"), max_length=60, required=False)
    id_number = forms.CharField(label=_("身份证号码"), max_length=20, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    region = forms.ModelChoiceField(label=_("执业区域"), queryset=None, required=False)
    employer = forms.CharField(label=_("工作单位"), max_length=100, required=False)
    employer_credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18, required=False)
    field = forms.ChoiceField(label=_("服务领域"), choices=Field.choices, initial=Field.COMMUNITY)
    status = forms.ChoiceField(label=_("状态"), choices=SocialWorker.Status.choices, initial="active")

    def __init__(self, *args, regions, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.fields["region"].queryset = regions
        if editing:
            for name in ("name", "id_number", "phone"):
                self.fields[name].help_text = _(
                    "仅在更正身份信息时填写（姓名和身份证号码须一并填写），留空则不变。"
                )

    def identity(self) -> Identity | None:
        d = self.cleaned_data
        if self.editing and not (d["name"] or d["id_number"] or d["phone"]):
            return None
        return Identity(name=d["name"], id_number=d["id_number"], phone=d["phone"])

    def data_(self) -> WorkerData:
        d = self.cleaned_data
        return WorkerData(
            region=d["region"],
            employer=d["employer"],
            employer_credit_code=d["employer_credit_code"],
            field=d["field"],
            status=d["status"],
        )


class CertificateForm(Form):
    level = forms.ChoiceField(label=_("等级"), choices=Level.choices)
    number = forms.CharField(label=_("证书编号"), max_length=40, required=False)
    passed_on = _date(_("考试通过日期"), required=False)


class RegisterForm(Form):
    certificate = forms.ChoiceField(label=_("证书"))
    registered_on = _date(_("登记日期"), required=False)
    late_reason = forms.CharField(
        label=_("逾期登记情况说明"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("取得证书超过1年才登记时必填。"),
    )

    def __init__(self, *args, certificates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["certificate"].choices = [
            (c.pk, f"{c.get_level_display()} {c.number}") for c in certificates
        ]


class EducationForm(Form):
    kind = forms.ChoiceField(label=_("类型"), choices=CEKind.choices, initial=CEKind.TRAINING)
    title = forms.CharField(label=_("名称"), max_length=200, required=False)
    provider = forms.CharField(label=_("举办机构"), max_length=100, required=False)
    on = _date(_("日期"), required=False)
    hours = forms.DecimalField(
        label=_("学时"),
        required=False,
        min_value=0,
        max_digits=6,
        decimal_places=1,
        help_text=_("学历教育在一个登记周期内按90学时计一次，不论填写多少学时。"),
    )


class ImportForm(Form):
    file = forms.FileField(label=_("Excel文件（.xlsx 或 .csv）"))
    partial = forms.BooleanField(label=_("仅导入无错误的行"), required=False)


class UnmaskForm(Form):
    reason = forms.CharField(
        label=_("查看理由"), max_length=200, required=False, initial=_("核对社会工作者登记信息")
    )
