"""Forms of the service records pages: parse and label only; the rules are in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.volunteers.models import ServiceArea
from minsheng.volunteers.service.models import Status

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class _Form(forms.Form):
    required_css_class = "required"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _moment(label):
    return forms.DateTimeField(
        label=label,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class TimesForm(_Form):
    """The organizer enters a volunteer's times for a shift."""

    check_in_at = _moment(_("签到时间"))
    check_out_at = _moment(_("签退时间"))
    notes = forms.CharField(label=_("备注"), max_length=200, required=False)


class CorrectForm(_Form):
    check_in_at = _moment(_("签到时间"))
    check_out_at = _moment(_("签退时间"))
    reason = forms.CharField(label=_("更正原因"), max_length=200)


class ReasonForm(_Form):
    reason = forms.CharField(label=_("原因"), max_length=200)


class RecordFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部")), *Status.choices])
    team = forms.IntegerField(label=_("服务队"), required=False, widget=forms.Select)
    area = forms.ChoiceField(
        label=_("服务领域"), required=False, choices=[("", _("全部")), *ServiceArea.choices]
    )
    month = forms.DateField(label=_("月份"), required=False, input_formats=["%Y-%m", "%Y-%m-%d"])


class IssueForm(_Form):
    issuer = forms.ChoiceField(label=_("出具单位"))
    start = forms.DateField(
        label=_("起始日期（可不填）"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("截止日期（可不填）"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, issuers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].choices = list(issuers)


class ImportForm(_Form):
    file = forms.FileField(label=_("Excel文件（.xlsx）或CSV"))
    team = forms.ChoiceField(label=_("记录单位（服务队）"))
    commit = forms.BooleanField(label=_("确认导入（不勾选则只检查不写入）"), required=False)

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [(t.pk, t.name) for t in teams]


class VerifyForm(_Form):
    code = forms.CharField(label=_("验证码"), max_length=40)
