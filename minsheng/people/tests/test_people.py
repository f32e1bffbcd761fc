"""Personal data: encrypted at rest, found by blind index, shown masked, unmasked only on record."""

import json

import pytest
from django.db import connection
from django.urls import reverse

from minsheng.accounts.models import User
from minsheng.audit.models import AuditEvent
from minsheng.core.errors import InvalidInput
from minsheng.people import masking
from minsheng.people.models import Person
from minsheng.people.services import (
    Identity,
    find_by_id_number,
    find_by_phone,
    masked,
    person_record,
    person_unmask,
)
from minsheng.people.validators import check_id_number, check_phone
from minsheng.testing import ID_NUMBERS, PASSWORD

NAME, ID_NUMBER, PHONE, ADDRESS = "王小明", ID_NUMBERS[0], "13912345678", "东湖街道幸福里3号楼"


@pytest.fixture
def person(db, clerk):
    return person_record(
        identity=Identity(name=NAME, id_number=ID_NUMBER, phone=PHONE, address=ADDRESS), actor=clerk
    )


def _raw_row(person) -> str:
    """The row as the database holds it, read past the ORM."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Person._meta.db_table} WHERE id = %s", [person.pk])
        return json.dumps(cursor.fetchone(), ensure_ascii=False, default=str)


def test_it_keeps_no_clear_personal_data_in_the_database(person):
    row = _raw_row(person)
    for clear in (NAME, ID_NUMBER, PHONE, ADDRESS, "小明", "幸福里", ID_NUMBER[6:14], PHONE[3:7]):
        assert clear not in row
    assert "王*明" in row and "139****5678" in row  # the masked columns, for lists


@pytest.mark.parametrize("typed", [ID_NUMBER, f" {ID_NUMBER[:6]} {ID_NUMBER[6:14]} {ID_NUMBER[14:]} "])
def test_it_finds_a_person_by_id_number_however_it_is_typed(person, typed):
    assert list(find_by_id_number(typed)) == [person]


def test_it_finds_an_id_number_ending_in_x_typed_in_lower_case(db, clerk):
    number = "11010519491231002X"
    someone = person_record(identity=Identity(name="李四", id_number=number), actor=clerk)
    assert list(find_by_id_number(number.lower())) == [someone]


@pytest.mark.parametrize(
    "typed", [PHONE, "139 1234 5678", "139-1234-5678", "+86 139 1234 5678", "+8613912345678"]
)
def test_it_finds_a_person_by_phone_however_it_is_typed(person, typed):
    assert list(find_by_phone(typed)) == [person]


def test_it_does_not_find_someone_else(person):
    assert not find_by_id_number(ID_NUMBERS[1]).exists()
    assert not find_by_phone("13912345679").exists()


def test_it_recognises_a_returning_petitioner_by_id_number(person, clerk):
    again = person_record(
        identity=Identity(name=NAME, id_number=ID_NUMBER, phone="137 0000 0000"), actor=clerk
    )
    assert again.pk == person.pk
    assert Person.objects.count() == 1
    assert again.phone_masked == "137****0000"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("张三", "张*"),
        ("王小明", "王*明"),
        ("欧阳娜娜", "欧阳**"),
        ("司马相如", "司马**"),
        ("李", "*"),
        ("", ""),
    ],
)
def test_it_masks_names_as_chinese_government_sites_do(name, shown):
    assert masking.mask_name(name) == shown


def test_it_masks_phones_id_numbers_and_addresses():
    assert masking.mask_phone("138 1234 1234") == "138****1234"
    assert masking.mask_phone("010-12345678") == "010****5678"
    assert masking.mask_id_number(ID_NUMBER) == "1101**********4477"
    assert masking.mask_address(ADDRESS) == "东湖街****"


def test_it_shows_lists_the_masked_values_without_decrypting(person):
    assert masked(person) == {
        "name": "王*明",
        "phone": "139****5678",
        "id_number": "*" * 18,
        "address": "****",
    }


@pytest.mark.parametrize("number", ID_NUMBERS)
def test_it_accepts_id_numbers_with_a_valid_check_digit(number):
    assert check_id_number(number) == number


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("110101199003074478", "校验位"),  # last digit changed
        ("110101199003074", "18位"),
        ("11010119900307447A", "18位"),
    ],
)
def test_it_refuses_id_numbers_that_cannot_be_right(db, clerk, number, message):
    with pytest.raises(InvalidInput) as caught:
        check_id_number(number)
    assert message in str(caught.value.message)
    assert caught.value.errors == {"id_number": str(caught.value.message)}
    with pytest.raises(InvalidInput):
        person_record(identity=Identity(name=NAME, id_number=number), actor=clerk)
    assert not Person.objects.exists()


@pytest.mark.parametrize("phone", ["1381234123", "23812341234", "phone"])
def test_it_refuses_phones_that_cannot_be_right(phone):
    with pytest.raises(InvalidInput):
        check_phone(phone)


def test_it_records_who_unmasked_a_person_and_nothing_personal(person, clerk):
    clear = person_unmask(person=person, actor=clerk, reason="电话回访", context="XF2026-000001")
    assert clear == {"name": NAME, "phone": PHONE, "id_number": ID_NUMBER, "address": ADDRESS}

    event = AuditEvent.objects.get(action="people.person.unmasked")
    assert event.actor == clerk
    assert (event.target_type, event.target_id) == ("people.person", str(person.pk))
    assert event.data["reason"] == "电话回访"
    stored = json.dumps(event.data, ensure_ascii=False) + event.actor_label
    for value in clear.values():
        assert value not in stored


def test_it_shows_persons_in_the_admin_masked_and_read_only(client, person):
    root = User.objects.create_superuser(username="root", password=PASSWORD, email="root@example.org")
    client.force_login(root)
    change = reverse("admin:people_person_change", args=[person.pk])
    for url in (reverse("admin:people_person_changelist"), change):
        page = client.get(url).content.decode()
        assert "王*明" in page
        for clear in (NAME, ID_NUMBER, PHONE, ADDRESS):
            assert clear not in page
    assert client.post(change, {"name_masked": "改"}).status_code == 403
    assert client.get(reverse("admin:people_person_add")).status_code == 403
    assert (
        client.post(reverse("admin:people_person_delete", args=[person.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert not AuditEvent.objects.filter(action="people.person.unmasked").exists()
