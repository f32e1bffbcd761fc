"""Volunteers in a subject-access export (``people.subject_export``): a volunteer holds their identity
themselves, not through ``people.Person``, so this finds them and decrypts it. Their section, which
lists their service records too, is collected by ``volunteers.service``, which knows both."""

from collections.abc import Collection

from minsheng.people import crypto
from minsheng.people.subject_export import Inline, register_inline
from minsheng.volunteers.models import Volunteer


def _find(*, id_number_bi: str, phone_bis: Collection[str]) -> list[Volunteer]:
    # By the ID number when searched by one: a volunteer registers with their own, and the phones of
    # the people found by it are not the volunteer's key.
    if id_number_bi:
        return list(Volunteer.objects.filter(id_number_bi=id_number_bi))
    return list(Volunteer.objects.filter(phone_bi__in=phone_bis))


def _identity(v: Volunteer) -> dict:
    return {
        "source": "volunteers.volunteer",
        "name": crypto.decrypt(v.name_enc),
        "id_number": crypto.decrypt(v.id_number_enc),
        "phone": crypto.decrypt(v.phone_enc),
        "birth_date": v.birth_date.isoformat(),
    }


VOLUNTEERS = register_inline(Inline("volunteers", _find, _identity))
