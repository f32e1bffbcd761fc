"""Staff pages of 接诉即办: queue, intake (with the knowledge base), the order page and its steps,
the dispatch catalogue, the three rates and 每月一题."""

from minsheng.hotline.views.catalogue import catalogue, catalogue_confirm, catalogue_export
from minsheng.hotline.views.orders import identity, intake, knowledge, order, queue, step
from minsheng.hotline.views.rates import monthly, rates

__all__ = [
    "catalogue",
    "catalogue_confirm",
    "catalogue_export",
    "identity",
    "intake",
    "knowledge",
    "monthly",
    "order",
    "queue",
    "rates",
    "step",
]
