"""Account-security fixtures: a clean cache (rate-limit counters) and TOTP helpers."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean_cache():
    # The login pages' hourly allowance per address lives in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def two_factor_on(settings):
    """Enforcement as in production: every staff session must pass TOTP."""
    settings.MINSHENG = {**settings.MINSHENG, "STAFF_2FA": True}


@pytest.fixture
def device_of():
    """``device_of(user)``: a confirmed authenticator for ``user``."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def make(user):
        return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)

    return make
