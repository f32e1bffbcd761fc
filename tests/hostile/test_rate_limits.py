"""Every public form and public API operation is rate-limited per client address.

The URL configuration is walked: each view that handles POST (its code reads a POST, or it is an API
operation) and that an anonymous visitor reaches (no login page, no 401/403/404/405) must answer 429
with a Chinese message once the client has spent its allowance. A new public form without a limit
makes this test fail.
"""

import functools
import inspect
import re

import pytest
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

LIMIT = 3
ATTEMPTS = 70  # above every allowance in force during the test (the API's track throttle: 60 a minute)
# POSTs that change nothing a visitor could abuse: the language switch, leaving a session.
EXEMPT = {"i18n/setlang/", "portal/logout/", "accounts/logout/", "portal/track/leave/"}
# Other systems with an API key, not anonymous visitors, but a wrong key must not be guessable.
ALWAYS_PUBLIC = {"open311/v2/requests.<fmt:fmt>"}
DUMMY = {"int": "1", "str": "X1", "slug": "x", "fmt": "json", "path": "x", "uuid": "0" * 32}


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _handles_post(view) -> bool:
    """Whether a view does something with a POST (GET pages that ignore the method do not count)."""
    if hasattr(view, "view_class"):
        return hasattr(view.view_class, "post")
    if isinstance(view, functools.partial):
        return False  # the API's documents (openapi.json, docs, its index): read-only whatever the method
    view = inspect.unwrap(view)
    if view.__module__.startswith("ninja"):
        return True  # an API operation: its method is judged by the answer (405 when not POST)
    try:
        return "POST" in inspect.getsource(view)  # decorators included: require_POST, methods=
    except (OSError, TypeError):
        return True


def _url(route: str) -> str:
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: DUMMY.get(m.group(1) or "str", "x"), route)


PUBLIC_AREAS = ("portal/", "api/", "open311/", "i18n/", "accounts/")


def post_routes() -> list[str]:
    """Routes in the public areas whose view handles POST. Walked in the test, not at collection:
    the URL conf imported before pytest-django turns DEBUG off would keep the DEBUG-only routes."""
    routes = _routes(get_resolver().url_patterns)
    return sorted({r for r, view in routes if r.startswith(PUBLIC_AREAS) and _handles_post(view)})


def _is_public_post(response) -> bool:
    if response.status_code in (401, 403, 405):
        return False
    location = response.headers.get("Location", "")
    return not (response.status_code in (301, 302) and "login" in location)


@pytest.fixture
def low_limits(settings):
    settings.MINSHENG = {
        **settings.MINSHENG,
        "PORTAL_RATE_LIMIT_PER_HOUR": LIMIT,
        "OPEN311_RATE_LIMIT_PER_HOUR": LIMIT,
        "VOLUNTEER_SERVICE": {**settings.MINSHENG.get("VOLUNTEER_SERVICE", {}), "VERIFY_PER_HOUR": LIMIT},
    }
    cache.clear()
    yield
    cache.clear()


def test_it_rate_limits_every_public_post(client, world, low_limits):
    checked, failures = [], []
    for route in post_routes():
        if route in EXEMPT:
            continue
        cache.clear()
        url = _url(route)
        first = client.post(url, {"api_key": "guess"})
        if route not in ALWAYS_PUBLIC and not _is_public_post(first):
            continue  # staff-only (login page, 401/403) or not a POST (405)
        checked.append(route)
        responses = [client.post(url, {"api_key": "guess"}) for _ in range(ATTEMPTS)]
        limited = [r for r in responses if r.status_code == 429]
        if not limited:
            failures.append(f"{url}: {sorted({r.status_code for r in responses})}, never 429")
        elif not re.search(r"频繁|次数", limited[0].content.decode()):
            failures.append(f"{url}: 429 without a message: {limited[0].content[:200]!r}")
    assert not failures, failures
    # The walk found the public forms (a broken walk would pass with nothing checked).
    assert {"portal/submit/", "portal/suggestions/new/", "open311/v2/requests.<fmt:fmt>", "api/v1/track",
            "portal/newemployment/register/", "portal/signup/"} <= set(checked), checked  # fmt: skip
