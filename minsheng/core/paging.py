"""Pages of long lists whose exact length is not worth a scan."""

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property


class BoundedPaginator(Paginator):
    """Counts at most ``limit`` rows and then says "more than ``limit``" (``capped``); reads a page in
    two steps.

    An exact total costs a scan of every matching row on each page load, and a work list of tens of
    thousands of open cases is read from its first pages and narrowed by filters, not paged to the end.
    A page is first the keys of its rows, in order, then those rows with their joins: when a search
    matches thousands of rows, only the page's rows are joined and read whole, not every match before
    the sort keeps a page of them. When the count found every match (no more than ``limit``), the
    page's keys are ordered among those matches alone, by key: the list's own query (access rules, a
    search) is planned and run once, not twice. Only for a few matches (``REORDER_AT_MOST``): for
    hundreds, reading each by key costs more than the list's own query, which stops after a page.
    """

    REORDER_AT_MOST = 200

    def __init__(self, object_list, per_page, *, limit: int = 5000, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = limit

    @cached_property
    def count(self) -> int:
        # Unordered: with its ORDER BY the database sorts every matching row before it stops at the limit.
        self._matches = list(self.object_list.order_by().values_list("pk", flat=True)[: self.limit + 1])
        return len(self._matches)

    @property
    def capped(self) -> bool:
        return self.count > self.limit

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        listed = self.object_list
        keys = list(self._ordered_keys()[bottom : bottom + self.per_page])
        # The rows by key alone: their filters (access rules, a full-text match) held for the keys, and
        # repeated here they could lead the planner away from the primary key.
        rows = listed.model._base_manager.filter(pk__in=keys).select_related(*self._joined(listed))
        rows = rows.prefetch_related(*listed._prefetch_related_lookups)
        place = {key: i for i, key in enumerate(keys)}
        return self._get_page(sorted(rows, key=lambda row: place[row.pk]), number, self)

    def _ordered_keys(self):
        listed = self.object_list
        # An annotation may be what the list is ordered by: the list's own query then.
        if self.capped or self.count > self.REORDER_AT_MOST or listed.query.annotations:
            return listed.values_list("pk", flat=True)
        ordering = listed.query.order_by or listed.model._meta.ordering
        among = listed.model._base_manager.filter(pk__any=self._matches)
        return among.order_by(*ordering).values_list("pk", flat=True)

    @staticmethod
    def _joined(queryset) -> list[str]:
        """The ``select_related`` paths of ``queryset`` (Django keeps them as a nested dict)."""

        def paths(tree, prefix=""):
            for name, below in tree.items():
                yield prefix + name
                yield from paths(below, f"{prefix}{name}__")

        related = queryset.query.select_related
        return list(paths(related)) if isinstance(related, dict) else []
