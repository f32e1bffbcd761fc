"""Every write to the hotline: keyword-only, atomic, audited. Import from here."""

from minsheng.hotline.services.catalogue import resolve_unit, rule_save, rules_import, rules_workbook
from minsheng.hotline.services.deadlines import ScanResult, scan_overdue
from minsheng.hotline.services.orders import (
    order_accept,
    order_answer,
    order_close,
    order_dispatch,
    order_extend,
    order_object,
    order_reassign,
    order_redirect,
    order_reply,
    order_uphold,
    order_visit,
)

__all__ = [
    "OrderIntake",
    "ScanResult",
    "order_accept",
    "order_answer",
    "order_close",
    "order_dispatch",
    "order_extend",
    "order_object",
    "order_reassign",
    "order_receive",
    "order_receive_once",
    "order_redirect",
    "order_reply",
    "order_uphold",
    "order_visit",
    "resolve_unit",
    "rule_save",
    "rules_import",
    "rules_workbook",
    "scan_overdue",
]

from minsheng.hotline.services.intake import OrderIntake, order_receive, order_receive_once
