"""What the hotline gives textmine: every order's text, and the routings people confirmed.

Registered in ``HotlineConfig.ready`` so that ``manage.py router train --target category`` can learn
hotline categories and ``neardup rebuild`` can index orders. A confirmed category is the one the
operator recorded; a confirmed unit is the unit of an order that was dispatched and not objected to
with success (an order still waiting on an objection is left out).
"""

from collections.abc import Iterator

from minsheng.hotline.models import Order, compose_text
from minsheng.hotline.workflow import S
from minsheng.textmine.sources import CATEGORY, UNIT, Source

DOMAIN = "hotline"


def texts() -> Iterator[tuple[int, str]]:
    for pk, title, content in (
        Order.objects.order_by("id").values_list("id", "title", "content").iterator(chunk_size=2000)
    ):
        yield pk, compose_text(title, content)


def routings(target: str) -> Iterator[tuple[str, str]]:
    if target == CATEGORY:
        rows = Order.objects.filter(category__isnull=False).values_list("title", "content", "category__name")
    elif target == UNIT:
        rows = (
            Order.objects.filter(unit__isnull=False)
            .exclude(status__in=[S.DISPATCHED, S.OBJECTED])
            .values_list("title", "content", "unit_id")
        )
    else:
        raise ValueError(target)
    for title, content, label in rows.order_by("id").iterator(chunk_size=2000):
        yield compose_text(title, content), str(label)


SOURCE = Source(domain=DOMAIN, texts=texts, routings=routings)
