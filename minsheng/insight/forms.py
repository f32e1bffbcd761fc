from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.insight import labels
from minsheng.insight.models import Source
from minsheng.orgs.models import Region

DEFAULT_DAYS = 30


class DashboardForm(forms.Form):
    source = forms.ChoiceField(label=_("业务"), choices=Source.choices, required=False)
    since = forms.DateField(
        label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    region = forms.ModelChoiceField(
        label=_("区域"),
        required=False,
        queryset=Region.objects.filter(level__lte=Region.Level.STREET),
        empty_label=_("全部区域"),
    )
    category = forms.ChoiceField(label=_("分类"), required=False)
    channel = forms.ChoiceField(label=_("渠道"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        source = self.data.get("source") or Source.PETITION
        if source not in Source.values:
            source = Source.PETITION
        self.fields["category"].choices = [("", _("全部分类")), *labels.category_choices(source)]
        self.fields["channel"].choices = [("", _("全部渠道")), *labels.channels(source).items()]

    def query(self) -> dict:
        """The dashboard's keyword arguments (defaults for what is missing or wrong)."""
        data = self.cleaned_data if self.is_valid() else {}
        until = data.get("until") or timezone.localdate()
        since = data.get("since") or until - timedelta(days=DEFAULT_DAYS - 1)
        if since > until:
            since, until = until, since
        return {
            "since": since,
            "until": until,
            "source": data.get("source") or Source.PETITION,
            "region": data.get("region"),
            "category": data.get("category") or "",
            "channel": data.get("channel") or "",
        }


class ReportForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, required=False)
    month = forms.CharField(required=False)  # YYYY-MM
    region = forms.ModelChoiceField(queryset=Region.objects.all(), required=False)
