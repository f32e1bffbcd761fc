"""Public forms are rate-limited per client address: attempts counted in the cache per clock hour.

Every POST counts, refused or not: a limit on wrong query codes is what stops guessing them.
"""

import ipaddress
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

WINDOW_SECONDS = 3600
DEFAULT_PER_HOUR = 20


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the one the trusted reverse proxies saw.

    X-Forwarded-For is read only when ``MINSHENG["TRUSTED_PROXIES"]`` (the number of proxies in front,
    each appending the address it saw) is set, and then only its trusted, right-hand part: entries
    further left are written by the client, which could choose its own bucket with them.
    Also the address django-axes locks out and the audit log records for logins.
    """
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    proxies = int(getattr(settings, "MINSHENG", {}).get("TRUSTED_PROXIES", 0) or 0)
    if proxies <= 0:
        return remote
    seen = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(seen) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(seen[-proxies]))
    except ValueError:  # not an address: a misconfigured proxy, never trusted
        return remote


def limit_per_hour() -> int:
    return int(settings.MINSHENG.get("PORTAL_RATE_LIMIT_PER_HOUR", DEFAULT_PER_HOUR))


def _key(request, scope: str, at: float | None) -> str:
    at = time.time() if at is None else at
    return f"portal:rl:{scope}:{client_address(request)}:{int(at // WINDOW_SECONDS)}"


def is_spent(request, scope: str, *, at: float | None = None) -> bool:
    """True once this hour's allowance for ``scope`` is spent, without counting an attempt.

    For limits that count only failures (wrong passwords): look first, count after the failure.
    """
    return (cache.get(_key(request, scope, at)) or 0) >= limit_per_hour()


def over_limit(request, scope: str, *, at: float | None = None, limit: int | None = None) -> bool:
    """Count one attempt at ``scope`` from this client; True once this hour's allowance is spent.

    ``limit`` replaces the portal's allowance for a scope that has its own (certificate checks)."""
    key = _key(request, scope, at)
    # add + incr are atomic in every cache backend we use (locmem, Redis): no lost counts under load.
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired or was evicted between add and incr: this attempt starts a new count.
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count > (limit_per_hour() if limit is None else limit)


def seconds_to_next_window(at: float | None = None) -> int:
    at = time.time() if at is None else at
    return int(WINDOW_SECONDS - at % WINDOW_SECONDS) + 1


def too_many_requests(request, *, limit: int | None = None):
    """The 429 page: what happened and when to try again, in plain words."""
    wait = seconds_to_next_window()
    response = render(
        request,
        "portal/429.html",
        {"minutes": max(1, (wait + 59) // 60), "limit": limit_per_hour() if limit is None else limit},
        status=429,
    )
    response.headers["Retry-After"] = str(wait)
    return response


def rate_limited(scope: str, *, methods=("POST",), limit=None):
    """Decorate a view: its requests of ``methods`` count against the client's hourly allowance for
    ``scope`` (``limit``, a function read on each request, replaces the portal's allowance)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            allowance = limit() if limit is not None else None
            if request.method in methods and over_limit(request, scope, limit=allowance):
                return too_many_requests(request, limit=allowance)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
