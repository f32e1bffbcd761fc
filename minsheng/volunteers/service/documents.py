"""A certificate model in, its PDF out (the layout is ``certificate_pdf``)."""

from django.conf import settings
from django.urls import reverse

from minsheng.core.periods import CHINA
from minsheng.people import crypto
from minsheng.volunteers.service.certificate_pdf import CertificateFacts, render
from minsheng.volunteers.service.models import Certificate


def verify_url(code: str) -> str:
    # The printed address must outlive the request that printed it: the configured public base URL.
    return settings.MINSHENG_BASE_URL + reverse("volunteer_service_public:verify", args=[code])


def certificate_pdf(cert: Certificate) -> bytes:
    return render(
        CertificateFacts(
            name=crypto.decrypt(cert.name_enc),
            hours=cert.hours,
            period_start=cert.period_start,
            period_end=cert.period_end,
            issuer=cert.issuer_name,
            issued_on=cert.issued_at.astimezone(CHINA).date(),
            code=cert.code,
            verify_url=verify_url(cert.code),
            stars=cert.stars,
        )
    )
