"""A worker's rights-protection request becomes a petition and follows its workflow and deadlines.

The request keeps the platform (for tracking by platform) and the channel that handles it. Today the
only channel is the petition system; when the hotline (接诉即办) exists, a request routed there will
keep ``channel=hotline`` and a link to the hotline ticket instead.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import InvalidInput
from minsheng.petitions.models import Petition
from minsheng.petitions.services import Intake, petition_submit
from minsheng.registry.newemployment.models import Platform, RightsChannel, RightsRequest, WorkKind


@dataclass(frozen=True)
class RightsReceipt:
    rights_request: RightsRequest
    petition: Petition
    query_code: str
    created: bool


@transaction.atomic
def rights_request_submit(
    *,
    platform: Platform,
    work_kind: str,
    intake: Intake,
    actor,
    now: datetime,
    account=None,
    idempotency_key: str | None = None,
) -> RightsReceipt:
    """Register the petition (number, query code, 15-day routing clock) and record the request by platform.

    A retry with the same idempotency key returns the first request and its petition.
    """
    if platform is None:
        raise InvalidInput(_("请选择涉及的平台。"), field="platform")
    if work_kind and work_kind not in WorkKind.values:
        raise InvalidInput(_("从业类型无效。"), field="work_kind")
    # The handler of the petition sees the platform in the facts, not only on this registry's pages.
    facts = (intake.facts or "").strip()
    if facts:
        facts = _("%(facts)s（涉及平台：%(platform)s）") % {"facts": facts, "platform": platform.name}
    receipt = petition_submit(
        intake=replace(intake, facts=facts),
        actor=actor,
        now=now,
        account=account,
        idempotency_key=idempotency_key,
    )
    if not receipt.created:
        existing = RightsRequest.objects.filter(petition=receipt.petition).first()
        if existing is not None:
            return RightsReceipt(existing, receipt.petition, receipt.query_code, created=False)
    request = RightsRequest.objects.create(
        platform=platform,
        region=intake.region,
        work_kind=work_kind or "",
        channel=RightsChannel.PETITION,
        petition=receipt.petition,
        created_at=now,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="newemployment.rights_request.created",
        target=request,
        data={"platform": platform.pk, "petition": receipt.petition.number, "channel": request.channel},
        actor_label="" if actor else "portal",
    )
    return RightsReceipt(request, receipt.petition, receipt.query_code, created=True)
