"""Long lists: a bounded count, and a page read as keys first, then its rows with their joins."""

import pytest

from minsheng.core.paging import BoundedPaginator
from minsheng.orgs.models import Unit

pytestmark = pytest.mark.django_db


def units():
    return Unit.objects.select_related("region").order_by("-name")


def test_it_counts_up_to_its_limit_and_then_says_more(world):
    total = Unit.objects.count()
    assert total > 3
    capped = BoundedPaginator(units(), 2, limit=3)
    assert capped.count == 4 and capped.capped
    exact = BoundedPaginator(units(), 2, limit=total)
    assert exact.count == total and not exact.capped


def test_a_page_keeps_the_lists_order_and_joins(world, django_assert_num_queries):
    expected = list(units().values_list("name", flat=True)[2:4])
    paginator = BoundedPaginator(units(), 2, limit=100)
    paginator.count  # noqa: B018 (counted apart)
    with django_assert_num_queries(2):  # the keys, then the rows with their regions
        page = paginator.page(2)
        assert [u.name for u in page] == expected
        assert all(u.region.name for u in page)  # joined: no query per row


@pytest.mark.parametrize("limit", [3, 100], ids=["more than the limit", "all counted"])
def test_every_page_is_in_the_lists_order_whether_or_not_the_count_found_every_match(world, limit):
    expected = list(units().values_list("name", flat=True))
    paginator = BoundedPaginator(units(), 2, limit=limit)
    pages = [paginator.page(n) for n in paginator.page_range]
    assert [u.name for page in pages for u in page] == expected[: len(pages) * 2]
