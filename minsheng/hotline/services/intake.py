"""Taking a call or an online request: the order is registered and, usually, handled at once."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.accounts.roles import Role
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.hotline.models import Category, KnowledgeAnswer, Order
from minsheng.hotline.permissions import centres_of
from minsheng.hotline.services import orders
from minsheng.hotline.services.numbers import new_token, next_number
from minsheng.hotline.workflow import Channel, Kind, Urgency
from minsheng.orgs.models import Region, Unit
from minsheng.people.services import Identity, person_record


@dataclass
class OrderIntake:
    kind: str
    title: str
    content: str
    channel: str = Channel.PHONE
    urgency: str = Urgency.ORDINARY
    category: Category | None = None
    region: Region | None = None
    address: str = ""
    lat: Decimal | None = None
    long: Decimal | None = None
    requester: Identity | None = None  # None: anonymous (consultations only)


def check_intake(intake: OrderIntake) -> None:
    errors = {}
    if intake.kind not in Kind.values:
        errors["kind"] = _("请选择诉求类型。")
    if not (intake.title or "").strip():
        errors["title"] = _("请填写标题。")
    if not (intake.content or "").strip():
        errors["content"] = _("请填写诉求内容。")
    if intake.urgency not in Urgency.values:
        errors["urgency"] = _("请选择紧急程度。")
    if intake.requester is None and intake.kind != Kind.CONSULT:
        errors["requester_name"] = _("除咨询外，须登记诉求人姓名和联系电话（回访需要）。")
    if intake.requester is not None and not intake.requester.phone and intake.kind != Kind.CONSULT:
        errors["requester_phone"] = _("请填写联系电话（回访需要）。")
    if intake.lat is not None and not (-90 <= intake.lat <= 90):
        errors["lat"] = _("纬度须在-90到90之间。")
    if intake.long is not None and not (-180 <= intake.long <= 180):
        errors["long"] = _("经度须在-180到180之间。")
    if errors:
        raise InvalidInput(_("请检查填写的内容。"), errors=errors)


def centre_of(actor) -> Unit:
    """The hotline centre the operator takes calls for (the first one they serve)."""
    centres = centres_of(actor, roles=(Role.OPERATOR,))
    if not centres:
        raise DomainError(_("只有接诉即办中心的话务派单员可以登记工单。"), code="forbidden")
    return centres[0]


@transaction.atomic
def order_receive(
    *,
    intake: OrderIntake,
    actor,
    now: datetime,
    action: str = "hold",
    unit: Unit | None = None,
    save_rule: bool = False,
    knowledge_answer: KnowledgeAnswer | None = None,
    answer_text: str = "",
    redirect_channel: str = "",
    redirect_reason: str = "",
    idempotency_key: str | None = None,
) -> Order:
    """Register an order and take its first step at once: ``action`` is "dispatch" (by the catalogue
    unless ``unit`` is given), "answer" (on the spot), "redirect" or "hold" (dispatch later).

    ``idempotency_key`` is stored on the order (unique); ``order_receive_once`` is the retry-safe entry.
    """
    centre = centre_of(actor)
    check_intake(intake)
    requester = None
    if intake.requester is not None:
        try:
            requester = person_record(identity=intake.requester, actor=actor)
        except DomainError as e:  # a malformed phone or ID number
            raise InvalidInput(e.message, field="requester_phone") from None
    order = Order.objects.create(
        number=next_number(now),
        token=new_token(),
        idempotency_key=idempotency_key or None,
        channel=intake.channel,
        kind=intake.kind,
        urgency=intake.urgency,
        category=intake.category,
        title=intake.title.strip(),
        content=intake.content.strip(),
        region=intake.region,
        address=(intake.address or "").strip(),
        lat=intake.lat,
        long=intake.long,
        requester=requester,
        is_anonymous=requester is None,
        centre=centre,
        created_by=actor,
        received_at=now,
    )
    audit.record(
        actor=actor,
        action="hotline.order.received",
        target=order,
        data={
            "number": order.number,
            "kind": order.kind,
            "urgency": order.urgency,
            "category": order.category_id,
        },
    )
    if action == "dispatch":
        order = orders.order_dispatch(order=order, actor=actor, now=now, unit=unit, save_rule=save_rule)
    elif action == "answer":
        order = orders.order_answer(
            order=order, actor=actor, now=now, knowledge_answer=knowledge_answer, answer_text=answer_text
        )
    elif action == "redirect":
        order = orders.order_redirect(
            order=order, actor=actor, now=now, channel=redirect_channel, reason=redirect_reason
        )
    elif action != "hold":
        raise InvalidInput(_("请选择处理方式。"), field="action")
    return order


def order_receive_once(*, idempotency_key: str, **kwargs) -> tuple[Order, bool]:
    """``order_receive`` for callers that retry (the API): ``(order, created)``.

    A retry with the same key returns the first order and creates nothing, also when two retries race:
    the loser's insert fails on the unique key inside ``order_receive``'s transaction, which leaves
    nothing behind, and it returns the winner's order.
    """
    existing = Order.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    try:
        return order_receive(idempotency_key=idempotency_key, **kwargs), True
    except IntegrityError:
        existing = Order.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
