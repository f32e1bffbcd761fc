"""Subject access (个人信息查阅、复制): an administrator finds a person by ID number or phone and
exports everything held about them. POST only: the key never appears in a URL or an access log."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.sheets import xlsx_response
from minsheng.people.permissions import may_export_subject
from minsheng.people.subject_export import as_json, as_xlsx, find_subject, subject_export

# What the identity fields and their sources are called on the page.
IDENTITY_LABELS = {
    "source": _("来源"),
    "name": _("姓名"),
    "id_number": _("身份证号"),
    "phone": _("电话"),
    "address": _("住址"),
    "birth_date": _("出生日期"),
    "people.person": _("群众记录"),
    "volunteers.volunteer": _("志愿者"),
    "newemployment.workerregistration": _("新就业群体自愿登记"),
}


class SubjectForm(forms.Form):
    KEYS = (("id_number", _("身份证号")), ("phone", _("手机号")))
    FORMATS = (("html", _("在页面查看")), ("json", "JSON"), ("xlsx", "Excel"))

    key = forms.ChoiceField(label=_("查找依据"), choices=KEYS)
    value = forms.CharField(label=_("号码"), max_length=30)
    reason = forms.CharField(label=_("依据（申请编号或法律文书）"), max_length=200)
    format = forms.ChoiceField(label=_("导出格式"), choices=FORMATS, initial="html")


@login_required
def subject_access(request):
    # 404, not 403: the page is not advertised to anyone who may not use it.
    if not may_export_subject(request.user):
        raise Http404
    form = SubjectForm(request.POST or None)
    context = {"form": form, "nav": "subject_access"}
    if request.method == "POST" and form.is_valid():
        key, value = form.cleaned_data["key"], form.cleaned_data["value"].strip()
        subject = find_subject(**{key: value})
        if not subject.found:
            context["not_found"] = True
            return render(request, "people/subject_access.html", context, status=404)
        export = subject_export(subject=subject, actor=request.user, reason=form.cleaned_data["reason"])
        stamp = timezone.localtime().strftime("%Y%m%d%H%M")
        if form.cleaned_data["format"] == "json":
            response = HttpResponse(as_json(export), content_type="application/json; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="subject-{stamp}.json"'
            return response
        if form.cleaned_data["format"] == "xlsx":
            return xlsx_response(as_xlsx(export), f"个人信息导出-{stamp}.xlsx")
        context["export"] = export
        context["identities"] = [_labelled(identity) for identity in export.identities]
    return render(request, "people/subject_access.html", context)


def _labelled(identity: dict) -> list[tuple]:
    """(label, value) pairs of one identity, the source named in words."""
    return [
        (IDENTITY_LABELS.get(key, key), IDENTITY_LABELS.get(value, value) if key == "source" else value)
        for key, value in identity.items()
    ]
