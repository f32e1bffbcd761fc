"""Retention of withdrawn volunteers (``people.retention``; the period is in ``retention_conf``).

A volunteer holds their identity themselves, not through ``people.Person``: the rule has no links.
"""

from datetime import datetime

from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat, TruncYear

from minsheng.people.retention import Rule, register
from minsheng.volunteers.models import Volunteer


def _volunteer_ended(cutoff: datetime, p: str = "") -> Q:
    return Q(**{f"{p}status": "withdrawn", f"{p}updated_at__lt": cutoff})


def _volunteers_scrub(ids: list[int]) -> None:
    Volunteer.objects.filter(pk__in=ids).update(
        name_enc="",
        id_number_enc="",
        phone_enc="",
        # The index is unique and required: a value no hash can equal keeps both rules.
        id_number_bi=Concat(Value("purged:"), Cast("id", CharField())),
        phone_bi="",
        name_bi="",
        name_masked="",
        phone_masked="",
        guardian_name_enc="",
        guardian_phone_enc="",
        guardian_name_masked="",
        account=None,
        # The year of birth is enough for the age statistics.
        birth_date=TruncYear("birth_date"),
    )


VOLUNTEERS = register(
    Rule(
        "volunteers",
        "volunteers.volunteer",
        Volunteer,
        _volunteer_ended,
        _volunteers_scrub,
    )
)
