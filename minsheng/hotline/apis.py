"""The hotline's API: work-order intake by a hotline centre's operators and the systems they run.

Thin: parse, call ``order_receive_once``, respond. A retry with the same ``Idempotency-Key`` (after a
lost answer, a timeout, a restarted server) returns the first order with 200 and creates nothing.
"""

from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Header, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from minsheng.core.errors import InvalidInput
from minsheng.hotline.models import Category
from minsheng.hotline.services import OrderIntake
from minsheng.hotline.services.intake import centre_of, order_receive_once
from minsheng.hotline.workflow import Channel, Kind, Urgency
from minsheng.orgs.models import Region
from minsheng.people.services import Identity

router = Router(tags=["hotline"])


class RequesterIn(Schema):
    name: str = Field("", max_length=60)
    phone: str = Field("", max_length=30)
    id_number: str = Field("", max_length=30)


class OrderIn(Schema):
    kind: Kind
    title: str = Field(max_length=120)
    content: str = Field(max_length=20000)
    channel: Channel = Channel.PHONE
    urgency: Urgency = Urgency.ORDINARY
    category: str | None = Field(None, max_length=20, description="工单分类代码")
    region: str | None = Field(None, max_length=12, description="问题属地的区划代码")
    address: str = Field("", max_length=200)
    lat: Decimal | None = Field(None, ge=-90, le=90, max_digits=9, decimal_places=6)
    long: Decimal | None = Field(None, ge=-180, le=180, max_digits=9, decimal_places=6)
    requester: RequesterIn | None = Field(None, description="匿名仅限咨询")
    dispatch: bool = Field(False, description="true：按派单目录立即派单；false：待派单")


class OrderOut(Schema):
    number: str
    token: str = Field(description="诉求人查询进度用的公开查询码")
    status: str
    due_at: datetime | None
    created: bool = Field(description="false：同一 Idempotency-Key 的重试，返回首次登记的工单")


def _intake(payload: OrderIn) -> OrderIntake:
    category = region = None
    if payload.category:
        category = Category.objects.filter(code=payload.category, is_active=True).first()
        if category is None:
            raise InvalidInput(_("工单分类代码不存在。"), field="category")
    if payload.region:
        region = Region.objects.filter(code=payload.region).first()
        if region is None:
            raise InvalidInput(_("区划代码“%(code)s”不存在。") % {"code": payload.region}, field="region")
    who = payload.requester
    requester = (
        Identity(name=who.name or who.phone, phone=who.phone, id_number=who.id_number)
        if who is not None and (who.name or who.phone)
        else None
    )
    return OrderIntake(
        kind=payload.kind, title=payload.title, content=payload.content, channel=payload.channel,
        urgency=payload.urgency, category=category, region=region, address=payload.address,
        lat=payload.lat, long=payload.long, requester=requester,
    )  # fmt: skip


@router.post("/orders", response={201: OrderOut, 200: OrderOut}, summary="登记接诉即办工单")
def receive(
    request,
    payload: OrderIn,
    idempotency_key: str = Header(..., alias="Idempotency-Key", min_length=1, max_length=100),
):
    """Register a work order at the caller's hotline centre (operators only).

    The ``Idempotency-Key`` header is required: a retry with the same key returns the first order.
    """
    centre = centre_of(request.auth)
    order, created = order_receive_once(
        idempotency_key=idempotency_key,
        intake=_intake(payload),
        actor=request.auth,
        now=timezone.now(),
        action="dispatch" if payload.dispatch else "hold",
    )
    # A key is not a way to read another centre's order.
    if not created and order.centre_id != centre.pk:
        raise HttpError(409, _("该 Idempotency-Key 已被其他单位使用。"))
    body = {
        "number": order.number,
        "token": order.token,
        "status": order.status,
        "due_at": timezone.localtime(order.due_at) if order.due_at else None,
        "created": created,
    }
    return Status(201 if created else 200, body)
