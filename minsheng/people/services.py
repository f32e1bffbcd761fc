"""Every write and every clear-text read of personal data goes through here, and is audited."""

from dataclasses import dataclass

from django.db import connection, transaction

from minsheng import audit
from minsheng.people import crypto, masking
from minsheng.people.blind_index import id_number_index, name_index, phone_index
from minsheng.people.models import Person
from minsheng.people.validators import check_id_number, check_phone


@dataclass(frozen=True)
class Identity:
    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    is_organization: bool = False


def person_record(*, identity: Identity, actor, account=None) -> Person:
    """Find the person by ID number (else phone) or create a new record; fills in missing fields."""
    id_number = check_id_number(identity.id_number) if identity.id_number else ""
    phone = check_phone(identity.phone) if identity.phone else ""
    person = None
    if id_number:
        person = _first("id_number_bi = %s", [id_number_index(id_number)])
    if person is None and phone and not id_number:
        person = _first("phone_bi = %s AND id_number_bi = ''", [phone_index(phone)])
    if person is None:
        person = Person(is_organization=identity.is_organization)
    person.name_enc = crypto.encrypt(identity.name)
    person.name_masked = masking.mask_name(identity.name)
    person.name_bi = name_index(identity.name)
    if id_number:
        person.id_number_enc, person.id_number_bi = crypto.encrypt(id_number), id_number_index(id_number)
    if phone:
        person.phone_enc, person.phone_bi = crypto.encrypt(phone), phone_index(phone)
        person.phone_masked = masking.mask_phone(phone)
    if identity.address:
        person.address_enc = crypto.encrypt(identity.address)
    if account is not None and person.account_id is None:
        person.account = account
    person.save()
    return person


def _first(where: str, params: list) -> Person | None:
    # The oldest matching record, as ``.filter(...).first()`` finds it, in plain SQL: every intake
    # passes here, and building the ORM query costs more than running it on the indexed column.
    table = connection.ops.quote_name(Person._meta.db_table)
    rows = Person.objects.raw(f"SELECT * FROM {table} WHERE {where} ORDER BY id LIMIT 1", params)
    return next(iter(rows), None)


def masked(person: Person) -> dict[str, str]:
    """What anyone allowed to see the case sees: no decryption, nothing to audit."""
    return {
        "name": person.name_masked,
        "phone": person.phone_masked,
        "id_number": "*" * 18 if person.id_number_enc else "",
        "address": "****" if person.address_enc else "",
    }


@transaction.atomic
def person_unmask(*, person: Person, actor, reason: str, context=None) -> dict[str, str]:
    """Decrypt a person's data for a staff member; the view is recorded in the audit log.

    Callers decide *whether* the actor may (see the domain's permissions); this records *that* they did.
    """
    audit.record(
        actor=actor,
        action="people.person.unmasked",
        target=person,
        data={"reason": reason, "context": context or ""},
    )
    return {
        "name": crypto.decrypt(person.name_enc),
        "phone": crypto.decrypt(person.phone_enc),
        "id_number": crypto.decrypt(person.id_number_enc),
        "address": crypto.decrypt(person.address_enc),
    }


def find_by_id_number(value: str):
    return Person.objects.filter(id_number_bi=id_number_index(value))


def find_by_phone(value: str):
    return Person.objects.filter(phone_bi=phone_index(value))
