"""Writing many imported workers at once: the same records the services write, in a few statements.

Only for rows an import has already checked in full (``imports.import_workers``); the import records
one audit event for the lot. Identity is stored as ``people.services.person_record`` stores it: an
existing person (same ID number) is reused and brought up to date, a new one is created encrypted.
"""

from django.db import transaction
from django.utils import timezone

from minsheng.people import crypto, masking
from minsheng.people.blind_index import id_number_index, name_index, phone_index
from minsheng.people.models import Person
from minsheng.talent import rules
from minsheng.talent.models import Certificate, Registration, SocialWorker

PERSON_FIELDS = ["name_enc", "name_masked", "name_bi", "phone_enc", "phone_bi", "phone_masked", "updated_at"]


def _person(identity, person: Person | None) -> Person:
    if person is None:
        person = Person()
    else:
        person.updated_at = timezone.now()
    person.name_enc = crypto.encrypt(identity.name)
    person.name_masked = masking.mask_name(identity.name)
    person.name_bi = name_index(identity.name)
    person.id_number_enc = person.id_number_enc or crypto.encrypt(identity.id_number)
    person.id_number_bi = id_number_index(identity.id_number)
    if identity.phone:
        person.phone_enc, person.phone_bi = crypto.encrypt(identity.phone), phone_index(identity.phone)
        person.phone_masked = masking.mask_phone(identity.phone)
    return person


@transaction.atomic
def save_workers(rows: list) -> list[SocialWorker]:
    """``rows`` are ``imports.WorkerRow``; returns the workers created, in the order of the rows."""
    indexes = [id_number_index(r.identity.id_number) for r in rows]
    existing: dict[str, Person] = {}
    for i in range(0, len(indexes), 500):
        for p in Person.objects.filter(id_number_bi__in=indexes[i : i + 500]).order_by("-id"):
            existing[p.id_number_bi] = p  # the oldest wins, as in person_record
    people = [_person(r.identity, existing.get(bi)) for r, bi in zip(rows, indexes, strict=True)]
    Person.objects.bulk_create([p for p in people if p.pk is None], batch_size=1000)
    Person.objects.bulk_update(
        [p for p in people if p.pk in {e.pk for e in existing.values()}], PERSON_FIELDS
    )
    workers = SocialWorker.objects.bulk_create(
        [
            SocialWorker(
                person=p,
                region=r.data.region,
                employer=r.data.employer.strip(),
                employer_credit_code=r.data.employer_credit_code.strip().upper(),
                field=r.data.field,
                status=r.data.status,
                level=r.level if r.number else "",
            )
            for r, p in zip(rows, people, strict=True)
        ],
        batch_size=1000,
    )
    with_cert = [(r, w) for r, w in zip(rows, workers, strict=True) if r.number]
    certs = Certificate.objects.bulk_create(
        [Certificate(worker=w, level=r.level, number=r.number, passed_on=r.passed_on) for r, w in with_cert],
        batch_size=1000,
    )
    Registration.objects.bulk_create(
        [
            Registration(
                certificate=c,
                worker=w,
                registered_on=r.registered_on,
                valid_until=rules.valid_until(r.registered_on),
                hours_required=rules.required_hours(r.level),
            )
            for (r, w), c in zip(with_cert, certs, strict=True)
            if r.registered_on
        ],
        batch_size=1000,
    )
    return workers
