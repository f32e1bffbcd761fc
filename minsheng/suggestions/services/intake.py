"""Receiving a suggestion: from the portal (on a topic page or freely) or entered by the office."""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA
from minsheng.orgs.models import Region
from minsheng.people import crypto
from minsheng.people.services import Identity, person_record
from minsheng.people.validators import check_phone
from minsheng.petitions.workflow import Channel
from minsheng.suggestions.models import Suggestion, Topic, compose_text
from minsheng.suggestions.selectors import office_of
from minsheng.suggestions.services.numbers import new_query_code, next_number, query_code_of
from minsheng.suggestions.textsource import DOMAIN
from minsheng.suggestions.workflow import S
from minsheng.textmine import neardup

TEXT_MAX = 5000


@dataclass
class SuggestionInput:
    title: str
    reason: str
    proposal: str
    name: str
    phone: str
    address: str = ""
    publish_name: bool = False  # the proposer allows their name to be shown if the suggestion is published
    topic: Topic | None = None
    region: Region | None = None  # a free suggestion: the area it concerns (chooses the office)
    channel: str = Channel.ONLINE


@dataclass(frozen=True)
class Receipt:
    suggestion: Suggestion
    query_code: str
    created: bool


def _check(data: SuggestionInput) -> None:
    errors: dict[str, str] = {}
    for name, label in (("title", _("建议主题")), ("reason", _("建议理由")), ("proposal", _("具体建议"))):
        value = (getattr(data, name) or "").strip()
        if not value:
            errors[name] = _("请填写%(label)s。") % {"label": label}
        elif len(value) > (120 if name == "title" else TEXT_MAX):
            errors[name] = _("%(label)s过长。") % {"label": label}
    if not (data.name or "").strip():
        errors["name"] = _("请填写建议人姓名。")
    elif len(data.name.strip()) > 100:
        errors["name"] = _("姓名过长。")
    if not (data.phone or "").strip():
        errors["phone"] = _("请填写联系电话，以便告知办理结果。")
    else:
        try:
            check_phone(data.phone)
        except InvalidInput as e:
            errors.update(e.errors or {"phone": str(e.message)})
    if data.topic is None and data.region is None:
        errors["region"] = _("请选择建议涉及的区域。")
    if data.channel not in Channel.values:
        errors["channel"] = _("渠道无效。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)


def suggestion_submit(
    *, data: SuggestionInput, actor, now: datetime, account=None, idempotency_key: str | None = None
) -> Receipt:
    """Receive a suggestion. A retry with the same idempotency key returns the first one."""
    if idempotency_key:
        existing = Suggestion.objects.filter(idempotency_key=idempotency_key).first()
        if existing:
            return Receipt(existing, query_code_of(existing), created=False)
    _check(data)
    if data.topic is not None and not data.topic.is_open_on(now.astimezone(CHINA).date()):
        raise DomainError(_("该征集活动不在征集期内，请提交自由建议。"), code="closed")
    try:
        return _receive(data, actor, now, account, idempotency_key)
    except IntegrityError:
        existing = (
            Suggestion.objects.filter(idempotency_key=idempotency_key).first() if idempotency_key else None
        )
        if existing is None:
            raise
        return Receipt(existing, query_code_of(existing), created=False)


@transaction.atomic
def _receive(data: SuggestionInput, actor, now, account, idempotency_key) -> Receipt:
    if data.topic is not None:
        office, region = data.topic.office, data.region or data.topic.office.region
    else:
        office, region = office_of(data.region), data.region
    if office is None:
        raise InvalidInput(_("该区域没有人民建议征集部门，无法提交。"), field="region")
    name = data.name.strip()
    proposer = person_record(
        identity=Identity(name=name, phone=data.phone.strip(), address=(data.address or "").strip()),
        actor=actor,
        account=account,
    )
    code = new_query_code()
    suggestion = Suggestion.objects.create(
        number=next_number(now),
        query_code_enc=crypto.encrypt(code),
        idempotency_key=idempotency_key or None,
        channel=data.channel,
        topic=data.topic,
        office=office,
        region=region,
        title=data.title.strip(),
        reason=data.reason.strip(),
        proposal=data.proposal.strip(),
        proposer=proposer,
        public_name=name if data.publish_name else "",
        account=account,
        status=S.RECEIVED,
        received_at=now,
    )
    # In the same transaction: the duplicate index changes exactly when the suggestion commits.
    neardup.index(
        DOMAIN,
        suggestion.pk,
        compose_text(suggestion.title, suggestion.reason, suggestion.proposal),
        new=True,
    )
    audit.record(
        actor=actor,
        action="suggestions.suggestion.received",
        target=suggestion,
        data={
            "number": suggestion.number,
            "topic": data.topic.pk if data.topic else None,
            "office": office.pk,
            "publish_name": data.publish_name,
        },
        actor_label="" if actor else "portal",
    )
    return Receipt(suggestion, code, created=True)
