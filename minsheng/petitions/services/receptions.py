"""领导接访下访: reception days published on the portal, citizens' bookings, and the cases received.

A case received at a reception is registered like any other (``petition_submit``, channel 来访) and
keeps the reception it came from, so the leader's day can be followed to its outcomes.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.notices.services import notify
from minsheng.orgs.models import Region, Unit
from minsheng.orgs.selectors import bureau_of
from minsheng.people import crypto
from minsheng.people.services import Identity, person_record
from minsheng.petitions.models import Reception, ReceptionBooking
from minsheng.petitions.permissions import may_organize_receptions
from minsheng.petitions.services.intake import Intake, Receipt, petition_submit
from minsheng.petitions.workflow import Channel, Kind

MAX_CAPACITY = 200
ACTIVE = (ReceptionBooking.Status.BOOKED, ReceptionBooking.Status.RECEIVED)


@dataclass(frozen=True)
class ReceptionPlan:
    kind: str
    leader_name: str
    leader_title: str
    region: Region
    place: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    topics: str = ""


def _check_plan(plan: ReceptionPlan, unit: Unit, now: datetime) -> None:
    errors = {}
    if not plan.leader_name.strip():
        errors["leader_name"] = _("请填写接访领导。")
    if not plan.place.strip():
        errors["place"] = _("请填写接访地点。")
    if plan.starts_at <= now:
        errors["starts_at"] = _("接访时间须在将来。")
    if plan.ends_at <= plan.starts_at:
        errors["ends_at"] = _("结束时间须晚于开始时间。")
    if not 1 <= plan.capacity <= MAX_CAPACITY:
        errors["capacity"] = _("可预约人数应在1至%(n)s之间。") % {"n": MAX_CAPACITY}
    if not plan.region.path.startswith(unit.region.path):
        errors["region"] = _("接访地须在本单位辖区内。")
    if errors:
        raise InvalidInput(_("请更正标出的内容。"), errors=errors)


@transaction.atomic
def reception_schedule(*, unit: Unit, plan: ReceptionPlan, actor, now: datetime, publish: bool) -> Reception:
    """Schedule a reception day of ``unit``; published ones appear on the portal at once."""
    _check_organizer(actor, unit)
    _check_plan(plan, unit, now)
    reception = Reception.objects.create(
        unit=unit,
        kind=plan.kind,
        leader_name=plan.leader_name.strip(),
        leader_title=plan.leader_title.strip(),
        region=plan.region,
        place=plan.place.strip(),
        starts_at=plan.starts_at,
        ends_at=plan.ends_at,
        capacity=plan.capacity,
        topics=plan.topics.strip(),
        published=publish,
    )
    audit.record(
        actor=actor,
        action="petitions.reception.scheduled",
        target=reception,
        data={"leader": reception.leader_name, "starts_at": reception.starts_at, "published": publish},
    )
    return reception


def _check_organizer(actor, unit: Unit) -> None:
    if not may_organize_receptions(actor, unit):
        raise DomainError(_("只有本单位的登记员、负责人或领导可以安排接访。"), code="forbidden")


@transaction.atomic
def reception_publish(*, reception: Reception, actor) -> Reception:
    _check_organizer(actor, reception.unit)
    if reception.cancelled:
        raise DomainError(_("接访已取消，不能发布。"))
    reception.published = True
    reception.save(update_fields=["published", "updated_at"])
    audit.record(actor=actor, action="petitions.reception.published", target=reception)
    return reception


@transaction.atomic
def reception_cancel(*, reception: Reception, actor, reason: str) -> Reception:
    """Cancel a reception day and tell everyone who booked a place."""
    _check_organizer(actor, reception.unit)
    if not reason.strip():
        raise InvalidInput(_("请说明取消原因，它会告知已预约的群众。"), field="reason")
    reception.cancelled = True
    reception.save(update_fields=["cancelled", "updated_at"])
    booked = reception.bookings.filter(status=ReceptionBooking.Status.BOOKED).select_related("account")
    for booking in booked:
        notify(
            user=booking.account,
            key=f"petitions.reception.cancelled:{booking.pk}",
            subject=_("您预约的领导接访已取消"),
            body=_("%(leader)s %(day)s 在%(place)s的接访已取消：%(reason)s")
            % {
                "leader": reception.leader_name,
                "day": f"{reception.starts_at:%Y-%m-%d}",
                "place": reception.place,
                "reason": reason.strip(),
            },
            url="/portal/receptions/",
        )
    audit.record(
        actor=actor, action="petitions.reception.cancelled", target=reception, data={"reason": reason}
    )
    return reception


@transaction.atomic
def reception_book(
    *, reception_id: int, account, identity: Identity, matter: str, now: datetime
) -> ReceptionBooking:
    """Book a place for a citizen with a portal account; places are counted under a row lock."""
    # The lock makes "count, then insert" one step: two citizens cannot take the last place together.
    reception = Reception.objects.select_for_update().get(pk=reception_id)
    if not reception.published or reception.cancelled:
        raise DomainError(_("该接访未开放预约。"))
    if reception.starts_at <= now:
        raise DomainError(_("接访已开始，不能再预约。"))
    matter = matter.strip()
    if not matter:
        raise InvalidInput(_("请简要写明要反映的事项。"), field="matter")
    if len(matter) > 500:
        raise InvalidInput(_("反映事项不超过500字。"), field="matter")
    if not identity.name.strip():
        raise InvalidInput(_("请填写姓名。"), field="name")
    if reception.bookings.filter(status__in=ACTIVE).count() >= reception.capacity:
        raise DomainError(_("该场接访已约满。"), code="full")
    person = person_record(identity=identity, actor=account, account=account)
    try:
        with transaction.atomic():
            booking = ReceptionBooking.objects.create(
                reception=reception, person=person, account=account, matter=matter
            )
    except IntegrityError:
        raise DomainError(_("您已预约了这一场接访。"), code="duplicate") from None
    audit.record(
        actor=account,
        action="petitions.reception.booked",
        target=booking,
        data={"reception": reception.pk, "name": identity.name, "phone": identity.phone},
        sensitive=("name", "phone"),
    )
    return booking


@transaction.atomic
def booking_cancel(*, booking: ReceptionBooking, account, now: datetime) -> ReceptionBooking:
    if booking.account_id != account.pk:
        raise DomainError(_("只能取消自己的预约。"), code="forbidden")
    if booking.status != ReceptionBooking.Status.BOOKED or booking.reception.starts_at <= now:
        raise DomainError(_("该预约已不能取消。"))
    booking.status = ReceptionBooking.Status.CANCELLED
    booking.save(update_fields=["status", "updated_at"])
    audit.record(actor=account, action="petitions.reception.booking_cancelled", target=booking)
    return booking


def booked_identity(booking: ReceptionBooking) -> Identity:
    """The booker's identity in clear, to register the case received at the reception.

    Not a view of personal data: it goes straight back into ``person_record`` of the same person.
    """
    p = booking.person
    plain = {f: crypto.decrypt(getattr(p, f"{f}_enc")) if getattr(p, f"{f}_enc") else "" for f in
             ("name", "id_number", "phone", "address")}  # fmt: skip
    return Identity(**plain)


@transaction.atomic
def booking_receive(
    *, booking: ReceptionBooking, actor, title: str, request: str, facts: str, reasons: str, now: datetime
) -> Receipt:
    """Register the matter brought to the reception as a petition (来访) marked with the reception."""
    reception = booking.reception
    _check_organizer(actor, reception.unit)
    if booking.status != ReceptionBooking.Status.BOOKED:
        raise DomainError(_("该预约已接待或已取消。"))
    intake_unit = reception.unit if reception.unit.kind == Unit.Kind.PETITION_BUREAU else None
    receipt = petition_submit(
        intake=Intake(
            channel=Channel.VISIT,
            kind=Kind.REQUEST,
            title=title,
            request=request,
            facts=facts,
            reasons=reasons,
            region=reception.region,
            petitioner=booked_identity(booking),
            reception=reception,
        ),
        actor=actor,
        now=now,
        intake_unit=intake_unit or bureau_of(reception.region),
        account=booking.account,
    )
    booking.status = ReceptionBooking.Status.RECEIVED
    booking.petition = receipt.petition
    booking.save(update_fields=["status", "petition", "updated_at"])
    audit.record(
        actor=actor,
        action="petitions.reception.received",
        target=booking,
        data={"petition": receipt.petition.number},
    )
    return receipt
