"""Actions on a worker's page: add a certificate, register, renew, record continuing education.

Each is a POST from the worker page; a refusal re-shows the page with the message beside the form
(400 for bad input, 409 for a rule), and nothing is written.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.talent import forms, selectors, services
from minsheng.talent.views.register import refused


@login_required
@require_POST
def certificate_add(request, pk: int):
    w = selectors.worker_for(request.user, pk, edit=True)
    form = forms.CertificateForm(request.POST)
    if not form.is_valid():
        return refused(request, w, InvalidInput(_("请检查填写的内容。")), certificate_form=form)
    d = form.cleaned_data
    try:
        services.certificate_add(
            worker=w,
            level=d["level"],
            number=d["number"],
            passed_on=d["passed_on"],
            actor=request.user,
            today=timezone.localdate(),
        )
    except DomainError as e:
        return refused(request, w, e, certificate_form=form)
    messages.success(request, _("已添加证书。"))
    return redirect("talent:worker", pk=w.pk)


@login_required
@require_POST
def register(request, pk: int):
    w = selectors.worker_for(request.user, pk, edit=True)
    certificates = list(w.certificates.order_by("passed_on", "id"))
    form = forms.RegisterForm(request.POST, certificates=certificates)
    if not form.is_valid():
        return refused(request, w, InvalidInput(_("请检查填写的内容。")), register_form=form)
    d = form.cleaned_data
    certificate = next(c for c in certificates if str(c.pk) == d["certificate"])
    try:
        services.registration_register(
            certificate=certificate,
            registered_on=d["registered_on"],
            late_reason=d["late_reason"],
            actor=request.user,
            today=timezone.localdate(),
        )
    except DomainError as e:
        return refused(request, w, e, register_form=form)
    messages.success(request, _("已办理登记。"))
    return redirect("talent:worker", pk=w.pk)


@login_required
@require_POST
def renew(request, pk: int, reg: int):
    w = selectors.worker_for(request.user, pk, edit=True)
    registration = get_object_or_404(w.registrations, pk=reg)
    try:
        renewal = services.registration_renew(
            registration=registration, actor=request.user, today=timezone.localdate()
        )
    except DomainError as e:
        return refused(request, w, e)
    messages.success(request, _("已办理续期登记，有效期至%(d)s。") % {"d": renewal.valid_until.isoformat()})
    return redirect("talent:worker", pk=w.pk)


@login_required
@require_POST
def education_add(request, pk: int):
    w = selectors.worker_for(request.user, pk, edit=True)
    form = forms.EducationForm(request.POST)
    if not form.is_valid():
        return refused(request, w, InvalidInput(_("请检查填写的内容。")), education_form=form)
    d = form.cleaned_data
    try:
        services.ce_add(worker=w, actor=request.user, today=timezone.localdate(), **d)
    except DomainError as e:
        return refused(request, w, e, education_form=form)
    messages.success(request, _("已记录继续教育学时。"))
    return redirect("talent:worker", pk=w.pk)


@login_required
@require_POST
def education_delete(request, pk: int, ce: int):
    w = selectors.worker_for(request.user, pk, edit=True)
    record = get_object_or_404(w.education, pk=ce)
    services.ce_delete(record=record, actor=request.user)
    messages.success(request, _("已删除该继续教育记录。"))
    return redirect("talent:worker", pk=w.pk)
