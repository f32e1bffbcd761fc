"""Certificates on the staff side: issue for a volunteer, list, print, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.volunteers import selectors as volunteer_selectors
from minsheng.volunteers.service import documents, permissions, selectors, services
from minsheng.volunteers.service.forms import IssueForm, ReasonForm
from minsheng.volunteers.service.services.certificates import Issuer
from minsheng.volunteers.service.views import staff_scope


def _issuers(request, scope) -> dict[str, Issuer]:
    found = {f"team:{t.pk}": Issuer(team=t) for t in selectors.managed_teams(scope)}
    found.update({f"unit:{u.pk}": Issuer(unit=u) for u in permissions.issuing_units(request.user)})
    return found


def _unit_ids(request) -> list[int]:
    return [u.pk for u in permissions.issuing_units(request.user)]


@login_required
def certificates(request):
    scope = staff_scope(request)
    qs = selectors.certificates_for(scope, unit_ids=_unit_ids(request))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "volunteer_service/certificates.html", {"page": page, "nav": "certificates"})


@login_required
def issue(request, volunteer: int):
    scope = staff_scope(request)
    person = volunteer_selectors.volunteer_for(scope, volunteer)
    issuers = _issuers(request, scope)
    if not issuers:
        raise PermissionDenied
    choices = [(key, i.name) for key, i in issuers.items()]
    form = IssueForm(request.POST or None, issuers=choices)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                cert = services.certificate_issue(
                    volunteer=person, issuer=issuers[d["issuer"]], actor=request.user, now=timezone.now(),
                    start=d["start"], end=d["end"],
                )  # fmt: skip
            except InvalidInput as error:
                apply_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error.message))
            else:
                messages.success(request, _("证明已出具，验证码 %(code)s。") % {"code": cert.code})
                return redirect("volunteer_service:certificates")
        status = 400
    context = {"form": form, "volunteer": person, "nav": "certificates"}
    return render(request, "volunteer_service/issue.html", context, status=status)


@login_required
def pdf(request, pk: int):
    scope = staff_scope(request)
    cert = selectors.certificate_for(scope, pk, unit_ids=_unit_ids(request))
    return pdf_response(cert)


def pdf_response(cert) -> HttpResponse:
    response = HttpResponse(documents.certificate_pdf(cert), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{cert.code}.pdf"'
    return response


@login_required
@require_POST
def revoke(request, pk: int):
    scope = staff_scope(request)
    unit_ids = _unit_ids(request)
    cert = selectors.certificate_for(scope, pk, unit_ids=unit_ids)
    # Only whoever issued it may take it back.
    if not (cert.team_id in scope.team_ids or cert.unit_id in unit_ids):
        raise PermissionDenied
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise InvalidInput(_("请填写撤销原因。"), field="reason")
        services.certificate_revoke(
            certificate=cert, reason=form.cleaned_data["reason"], actor=request.user, now=timezone.now()
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("volunteer_service:certificates")
    messages.success(request, _("证明已撤销；核验页面将显示“已撤销”。"))
    return redirect("volunteer_service:certificates")
