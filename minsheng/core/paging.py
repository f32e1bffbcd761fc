"""Pages of long lists whose exact length is not worth a scan."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class BoundedPaginator(Paginator):
    """Counts at most ``limit`` rows and then says "more than ``limit``" (``capped``).

    An exact total costs a scan of every matching row on each page load, and a work list of tens of
    thousands of open cases is read from its first pages and narrowed by filters, not paged to the end.
    """

    def __init__(self, object_list, per_page, *, limit: int = 5000, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = limit

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.limit + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.limit
