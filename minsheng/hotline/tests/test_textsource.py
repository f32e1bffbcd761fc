"""What textmine learns from the hotline, and the periodic task."""

from minsheng.hotline import tasks
from minsheng.hotline.textsource import DOMAIN
from minsheng.textmine import sources


def test_it_registers_orders_as_a_textmine_source(make_order, handler, now):
    from minsheng.hotline import services

    order = make_order()
    services.order_accept(order=order, actor=handler, now=now)
    source = next(s for s in sources.registered() if s.domain == DOMAIN)
    assert [pk for pk, _text in source.texts()] == [order.pk]
    assert [label for _text, label in source.routings(sources.CATEGORY)] == ["路灯照明"]
    assert [label for _text, label in source.routings(sources.UNIT)] == [str(order.unit_id)]


def test_the_overdue_task_runs_the_scan(make_order):
    make_order(urgency="urgent")
    # The real clock is past 2026-03-11 12:00: the urgent order is overdue, once.
    assert tasks.scan_overdue() == {"overdue": 1}
    assert tasks.scan_overdue() == {"overdue": 0}
