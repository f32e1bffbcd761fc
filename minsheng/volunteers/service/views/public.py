"""Portal pages: check in/out from the shift's QR code, my service record, certificate verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from minsheng.core.errors import DomainError
from minsheng.people import crypto
from minsheng.portal.ratelimit import rate_limited
from minsheng.volunteers.models import Shift
from minsheng.volunteers.selectors import volunteer_of
from minsheng.volunteers.service import conf, hours, selectors, services, tokens
from minsheng.volunteers.service.forms import VerifyForm
from minsheng.volunteers.service.models import Source
from minsheng.volunteers.service.views.certificates import pdf_response

portal_login = login_required(login_url="portal:login")


# Every verification counts, GET or POST: the limit is what makes guessing codes pointless; a QR code
# scanned by an employer is not a form post, so it has its own allowance (VERIFY_PER_HOUR).
_verify_limited = rate_limited(
    "service_verify", methods=("GET", "POST"), limit=lambda: conf.get("VERIFY_PER_HOUR")
)


def _shift_of(token: str) -> Shift:
    shift_id = tokens.shift_id_of(token)
    shift = Shift.objects.select_related("activity__team").filter(pk=shift_id).first() if shift_id else None
    if shift is None:
        raise Http404
    return shift


@never_cache
@portal_login
def checkin(request, token: str):
    """The QR code's page: check in, and later (same link) check out."""
    shift = _shift_of(token)
    volunteer = volunteer_of(request.user)
    status = 200
    if volunteer is not None and request.method == "POST":
        action = request.POST.get("action")
        service = {"in": services.check_in, "out": services.check_out}.get(action)
        if service is None:
            raise Http404
        try:
            service(
                shift=shift, volunteer=volunteer, actor=request.user, now=timezone.now(), source=Source.QR
            )
        except DomainError as error:
            messages.error(request, str(error.message))
            status = error.status_code
        else:
            messages.success(
                request, _("签到成功。") if action == "in" else _("签退成功，服务时长待组织者审核。")
            )
            return redirect("volunteer_service_public:checkin", token=token)
    record = volunteer.service_records.filter(shift=shift).first() if volunteer is not None else None
    context = {"shift": shift, "volunteer": volunteer, "record": record}
    return render(request, "volunteer_service/portal/checkin.html", context, status=status)


@never_cache
@portal_login
def me(request):
    volunteer = volunteer_of(request.user)
    if volunteer is None:
        return render(request, "volunteer_service/portal/not_volunteer.html", status=200)
    thresholds = conf.get("STAR_HOURS")
    context = {
        "volunteer": volunteer,
        "hours": hours.as_hours(volunteer.approved_minutes),
        "next_star": hours.next_star(volunteer.approved_minutes, thresholds),
        "star_range": range(1, len(thresholds) + 1),
        "records": selectors.my_records(volunteer)[:50],
        "certificates": selectors.my_certificates(volunteer),
    }
    return render(request, "volunteer_service/portal/me.html", context)


@portal_login
def my_certificate(request, pk: int):
    volunteer = volunteer_of(request.user)
    if volunteer is None:
        raise Http404
    return pdf_response(selectors.my_certificate(volunteer, pk))


@never_cache
@_verify_limited
def verify_form(request):
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect("volunteer_service_public:verify", code=form.cleaned_data["code"].strip()[:40])
    return render(request, "volunteer_service/portal/verify_form.html", {"form": form})


@never_cache
@_verify_limited
def verify(request, code: str):
    """Only what the certificate itself states publicly: name, hours, issuer, date, and whether valid."""
    cert = selectors.certificate_by_code(code)
    if cert is None:
        return render(request, "volunteer_service/portal/verify.html", {"found": False}, status=404)
    shown = {
        "name": crypto.decrypt(cert.name_enc),
        "hours": cert.hours,
        "issuer": cert.issuer_name,
        "issued_on": timezone.localtime(cert.issued_at).date(),
        "revoked": cert.revoked,
    }
    return render(request, "volunteer_service/portal/verify.html", {"found": True, "cert": shown})
