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
    return person_records([identity], actor=actor, accounts=[account])[0]


def person_records(identities: list[Identity], *, actor, accounts: list | None = None) -> list[Person]:
    """``person_record`` for each identity, in order, with one lookup for all of them and one insert
    for the new ones (a batch of registrations). An identity given twice is one person, the later
    details winning, as if they were recorded one after the other."""
    accounts = accounts or [None] * len(identities)
    checked = [
        (check_id_number(i.id_number) if i.id_number else "", check_phone(i.phone) if i.phone else "")
        for i in identities
    ]
    keys = [_key(id_number, phone) for id_number, phone in checked]
    known = _oldest_by_key({k for k in keys if k})
    people = []
    for identity, (id_number, phone), key, account in zip(identities, checked, keys, accounts, strict=True):
        person = known.get(key) if key else None
        if person is None:
            person = Person(is_organization=identity.is_organization)
            if key:
                known[key] = person
        _fill(person, identity, id_number, phone, account)
        people.append(person)
    unique = list({id(p): p for p in people}.values())
    for person in unique:
        if person.pk is not None:
            person.save()
    Person.objects.bulk_create([p for p in unique if p.pk is None])
    return people


def _key(id_number: str, phone: str) -> tuple[str, str] | None:
    # The ID number identifies a person; a phone only someone recorded without one.
    if id_number:
        return ("id_number_bi", id_number_index(id_number))
    if phone:
        return ("phone_bi", phone_index(phone))
    return None


def _oldest_by_key(keys: set[tuple[str, str]]) -> dict[tuple[str, str], Person]:
    """The oldest record for each (column, blind index) key, as ``.filter(...).first()`` finds it.

    Plain SQL: every intake passes here, and building the ORM query costs more than running it on
    the indexed columns.
    """
    found: dict[tuple[str, str], Person] = {}
    table = connection.ops.quote_name(Person._meta.db_table)
    for column in ("id_number_bi", "phone_bi"):
        values = [value for col, value in keys if col == column]
        if not values:
            continue
        where = f"{column} IN ({', '.join(['%s'] * len(values))})"
        if column == "phone_bi":
            where += " AND id_number_bi = ''"
        for person in Person.objects.raw(f"SELECT * FROM {table} WHERE {where} ORDER BY id", values):
            found.setdefault((column, getattr(person, column)), person)
    return found


def _fill(person: Person, identity: Identity, id_number: str, phone: str, account) -> None:
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
