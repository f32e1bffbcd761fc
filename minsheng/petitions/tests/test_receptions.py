"""领导接访下访: reception days on the portal, bookings, and the cases received there."""

from datetime import timedelta

import pytest
from django.utils import timezone

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.notices.models import Notice
from minsheng.people.services import Identity
from minsheng.petitions.models import Petition, ReceptionBooking
from minsheng.petitions.services import receptions as service
from minsheng.petitions.workflow import Channel
from minsheng.testing import ID_NUMBERS


def plan(world, **overrides):
    start = timezone.now() + timedelta(days=3)
    values = dict(
        kind="office",
        leader_name="王海",
        leader_title="区委副书记",
        region=world.regions["county"],
        place="青川区群众来访接待中心",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=2,
        topics="住房保障、物业管理",
    )
    return service.ReceptionPlan(**(values | overrides))


@pytest.fixture
def reception(world, clerk):
    return service.reception_schedule(
        unit=world.units["bureau"], plan=plan(world), actor=clerk, now=timezone.now(), publish=True
    )


def booking_form(**overrides):
    values = dict(
        name="刘小梅",
        id_number=ID_NUMBERS[0],
        phone="13800138000",
        address="青川区东湖街道湖滨路1号",
        matter="小区电梯停用三个月无人维修。",
    )
    return values | overrides


def book(reception, account, id_number=ID_NUMBERS[0]):
    return service.reception_book(
        reception_id=reception.pk,
        account=account,
        identity=Identity(name="刘小梅", id_number=id_number, phone="13800138000", address="湖滨路1号"),
        matter="小区电梯停用三个月无人维修。",
        now=timezone.now(),
    )


def test_it_lists_a_published_reception_on_the_portal_and_hides_a_draft(client, world, clerk, reception):
    draft = service.reception_schedule(
        unit=world.units["bureau"],
        plan=plan(world, leader_name="李明"),
        actor=clerk,
        now=timezone.now(),
        publish=False,
    )
    page = client.get("/portal/receptions/").content.decode()
    assert "王海" in page and "区委副书记" in page
    assert "李明" not in page
    assert client.get(f"/portal/receptions/{draft.pk}/").status_code == 404


def test_it_books_a_place_for_a_logged_in_citizen(client, citizen, reception):
    client.force_login(citizen)
    response = client.post(f"/portal/receptions/{reception.pk}/", booking_form())
    assert response.status_code == 302
    booking = ReceptionBooking.objects.get(reception=reception)
    assert booking.account == citizen and booking.status == "booked"
    assert "小区电梯" in client.get("/portal/mine/").content.decode()
    # The log of the booking does not become a copy of the citizen's identity.
    event = AuditEvent.objects.get(action="petitions.reception.booked")
    assert "刘小梅" not in str(event.data) and "13800138000" not in str(event.data)


def test_it_asks_a_visitor_to_log_in_before_booking(client, reception):
    response = client.post(f"/portal/receptions/{reception.pk}/", booking_form())
    assert response.status_code == 302 and "/portal/login/" in response["Location"]
    assert not ReceptionBooking.objects.exists()


def test_it_explains_a_wrong_id_number_and_books_nothing(client, citizen, reception):
    client.force_login(citizen)
    response = client.post(
        f"/portal/receptions/{reception.pk}/", booking_form(id_number="110101199003074478")
    )
    assert response.status_code == 400
    assert "身份证" in response.content.decode()
    assert not ReceptionBooking.objects.exists()


def test_it_refuses_a_second_booking_by_the_same_person_and_a_booking_when_full(world, citizen, reception):
    book(reception, citizen)
    with pytest.raises(DomainError, match="已预约"):
        book(reception, citizen)
    book(reception, citizen, id_number=ID_NUMBERS[1])
    with pytest.raises(DomainError, match="约满"):
        book(reception, citizen, id_number=ID_NUMBERS[2])


def test_it_frees_the_place_when_the_citizen_cancels(client, citizen, reception):
    first = book(reception, citizen)
    book(reception, citizen, id_number=ID_NUMBERS[1])
    client.force_login(citizen)
    client.post(f"/portal/receptions/bookings/{first.pk}/cancel/")
    first.refresh_from_db()
    assert first.status == "cancelled"
    book(reception, citizen, id_number=ID_NUMBERS[2])


def test_it_registers_the_matter_received_as_a_petition_marked_with_the_reception(
    client, clerk, citizen, reception
):
    booking = book(reception, citizen)
    client.force_login(clerk)
    response = client.post(
        f"/staff/receptions/{reception.pk}/bookings/{booking.pk}/receive/",
        {
            f"b{booking.pk}-title": "电梯停用",
            f"b{booking.pk}-request": "请尽快修复电梯",
            f"b{booking.pk}-facts": "小区电梯停用三个月",
            f"b{booking.pk}-reasons": "老人上下楼困难",
        },
    )
    petition = Petition.objects.get()
    assert response.status_code == 302 and petition.number in response["Location"]
    assert petition.reception == reception and petition.channel == Channel.VISIT
    assert petition.petitioner == booking.person and petition.account == citizen
    booking.refresh_from_db()
    assert booking.status == "received" and booking.petition == petition
    assert "领导接访：王海" in client.get(response["Location"]).content.decode()
    client.force_login(citizen)
    assert petition.number in client.get("/portal/mine/").content.decode()


def test_it_tells_everyone_who_booked_when_a_reception_is_cancelled(world, clerk, citizen, reception):
    book(reception, citizen)
    with pytest.raises(InvalidInput):
        service.reception_cancel(reception=reception, actor=clerk, reason=" ")
    service.reception_cancel(reception=reception, actor=clerk, reason="领导临时参加防汛工作")
    notice = Notice.objects.get(user=citizen)
    assert "防汛" in notice.body
    reception.refresh_from_db()
    assert reception.cancelled


def test_it_refuses_a_reception_in_the_past_or_outside_the_units_area(world, clerk):
    past = plan(world, starts_at=timezone.now() - timedelta(days=1))
    with pytest.raises(InvalidInput) as error:
        service.reception_schedule(
            unit=world.units["bureau"], plan=past, actor=clerk, now=timezone.now(), publish=True
        )
    assert set(error.value.errors) == {"starts_at"}
    elsewhere = plan(world, region=world.regions["other_county"])
    with pytest.raises(InvalidInput, match="请更正"):
        service.reception_schedule(
            unit=world.units["bureau"], plan=elsewhere, actor=clerk, now=timezone.now(), publish=True
        )


def test_it_shows_the_schedule_form_with_its_errors(client, world, clerk):
    client.force_login(clerk)
    assert client.get("/staff/receptions/").status_code == 200
    response = client.post(
        "/staff/receptions/",
        {"unit": world.units["bureau"].pk, "kind": "office", "region": world.regions["county"].pk,
         "starts_at": "2020-01-01T09:00", "ends_at": "2020-01-01T08:00", "capacity": 5},
    )  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert "接访时间须在将来" in page and "请填写接访领导" in page


def test_it_keeps_a_units_schedule_and_bookings_from_other_staff(client, handler, outsider, reception):
    client.force_login(handler)  # a handler organizes no reception
    assert client.get("/staff/receptions/").status_code == 403
    client.force_login(outsider)  # head of another department: its own schedule only
    assert client.get(f"/staff/receptions/{reception.pk}/").status_code == 404
    with pytest.raises(DomainError):
        service.reception_publish(reception=reception, actor=outsider)
