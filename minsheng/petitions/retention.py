"""Retention of petitions and reception bookings (``people.retention``; periods in ``retention_conf``)."""

from datetime import datetime

from django.db.models import Q

from minsheng.people.retention import PURGED_TITLE, Link, Rule, register
from minsheng.petitions.models import Attachment, Petition, ReceptionBooking, Representative
from minsheng.petitions.workflow import TERMINAL


def _petition_ended(cutoff: datetime, p: str = "") -> Q:
    return Q(**{f"{p}status__in": TERMINAL, f"{p}closed_at__lt": cutoff})


def _booking_ended(cutoff: datetime, p: str = "") -> Q:
    return Q(**{f"{p}reception__ends_at__lt": cutoff})


def _petitions_scrub(ids: list[int]) -> None:
    texts = (
        "request facts reasons accused_person decision_note extension_reason answer_facts "
        "answer_reasons answer_decision answer_basis rating_comment review_decision "
        "re_review_decision"
    ).split()
    blank = dict.fromkeys(texts, "")
    Petition.objects.filter(pk__in=ids).update(title=str(PURGED_TITLE), account=None, **blank)
    ReceptionBooking.objects.filter(petition_id__in=ids).update(matter="")
    # Materials a petitioner sent (ID cards, letters) identify them: the files go with the rows.
    for attachment in Attachment.objects.filter(petition_id__in=ids):
        attachment.file.delete(save=False)
        attachment.delete()


def _bookings_scrub(ids: list[int]) -> None:
    ReceptionBooking.objects.filter(pk__in=ids).update(matter="")


PETITIONS = register(
    Rule(
        "petitions",
        "petitions.petition",
        Petition,
        _petition_ended,
        _petitions_scrub,
        links=(
            Link(Petition, "petitioner"),
            Link(Representative, "person", "petition__"),
            # A booking that became a petition is kept (and let go) with the petition.
            Link(ReceptionBooking, "person", "petition__"),
        ),
    )
)

RECEPTIONS = register(
    Rule(
        "receptions",
        "petitions.receptionbooking",
        ReceptionBooking,
        _booking_ended,
        _bookings_scrub,
        links=(Link(ReceptionBooking, "person"),),
        governs=Q(petition=None),
    )
)
