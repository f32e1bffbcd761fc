"""What petitions give textmine: every case's text, and the routings people confirmed.

Registered in ``PetitionsConfig.ready``; ``manage.py router train`` and ``manage.py neardup rebuild``
read it. A confirmed routing is a category a clerk chose (at registration or when routing) or the
unit a case was forwarded or assigned to: corrections of the router's proposals are among them, so
every correction becomes training data at the next training.
"""

from collections.abc import Iterator

from minsheng.petitions.models import Petition, compose_text
from minsheng.petitions.workflow import S
from minsheng.textmine.sources import CATEGORY, UNIT, Source

DOMAIN = "petitions"
_TEXT = ("title", "request", "facts", "reasons")


def texts() -> Iterator[tuple[int, str]]:
    for pk, *parts in Petition.objects.order_by("id").values_list("id", *_TEXT).iterator(chunk_size=2000):
        yield pk, compose_text(*parts)


def routings(target: str) -> Iterator[tuple[str, str]]:
    if target == CATEGORY:
        rows = Petition.objects.filter(category__isnull=False).values_list(*_TEXT, "category__name")
    elif target == UNIT:
        # A unit is confirmed once the case has left the bureau for it; a report is never routed to
        # the unit it accuses, so this never teaches the router to send a complaint to its target.
        rows = (
            Petition.objects.filter(unit__isnull=False, assigned_at__isnull=False)
            .exclude(status=S.REGISTERED)
            .values_list(*_TEXT, "unit_id")
        )
    else:
        raise ValueError(target)
    for *parts, label in rows.order_by("id").iterator(chunk_size=2000):
        yield compose_text(*parts), str(label)


SOURCE = Source(domain=DOMAIN, texts=texts, routings=routings)
