import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate-limit counters live in the cache; each test starts with a full allowance.
    cache.clear()
    yield
    cache.clear()
