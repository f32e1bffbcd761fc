import pytest

from minsheng.core import calendar_store


@pytest.fixture(autouse=True)
def fresh_official_calendar():
    """Each test reads the calendar of its own database; none leaves a copy behind for the next."""
    calendar_store.forget_cached_calendar()
    yield
    calendar_store.forget_cached_calendar()
