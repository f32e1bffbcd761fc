"""Every page of the site, asked with hostile query strings, answers below 500.

The URL configuration is walked; each route (path parameters filled with a real-looking value) is
requested by an anonymous visitor and by staff of several roles, with query strings carrying NUL
bytes, invalid UTF-8, huge numbers, impossible dates and markup in the parameter names pages read.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.fuzz.conftest import MAX_EXAMPLES, tally

pytestmark = pytest.mark.django_db

NAMES = ["q", "page", "state", "status", "due", "kind", "region", "unit", "year", "month", "start", "end",
         "since", "until", "topic", "category", "source", "team", "date", "days", "mode", "next"]  # fmt: skip
# The CI set; a bigger budget (bench/fuzz.py) adds the rest.
VALUES = ["%00", "%ff%fe", "99999999999999999999999", "2026-13-45", "0001-01-01", "%C2%B2",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E"]  # fmt: skip
if MAX_EXAMPLES > 25:
    VALUES += ["-1", "NaN", "%27%3B%20DROP%20TABLE%20x%3B--", "", "1.5", "%E2%80%AE", "%0d%0aSet-Cookie:x=1"]
QUERIES = ["&".join(f"{n}={v}" for n in NAMES) for v in VALUES]
# Anonymous visitors are asked only the public areas (staff pages send them to the login page).
USERS = [None, "clerk", "dispatcher", "suggestion_clerk", "registrar"]
PUBLIC = ("portal/", "api/", "open311/", "accounts/")
SKIP = ("admin/", "accounts/logout", "portal/logout", "i18n/")


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _url(route: str) -> str:
    dummy = {"int": "1", "str": "1", "slug": "x", "fmt": "json", "path": "x"}
    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: dummy.get(m.group(1) or "str", "1"), route)


def page_routes() -> list[str]:
    # Walked in the test, not at collection: the URL conf imported before pytest-django turns DEBUG
    # off would keep the DEBUG-only routes for every later test.
    return sorted(
        {r for r in _routes(get_resolver().url_patterns) if not r.startswith(SKIP) and "^" not in r}
    )


@pytest.mark.parametrize("user", USERS)
def test_it_never_answers_5xx_to_hostile_query_strings(client, world, user, settings):
    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": 10**6}
    client.raise_request_exception = False  # a crash is a 500 answer here, counted like any other
    if user:
        client.force_login(world.users[user])
    failures = []
    routes = page_routes()
    for route in routes if user else [r for r in routes if r.startswith(PUBLIC)]:
        for query in QUERIES:
            response = client.get(_url(route), QUERY_STRING=query)
            tally(f"pages GET as {user or 'anonymous'}", response.status_code)
            if response.status_code >= 500:
                failures.append(f"{_url(route)}?{query[:40]}")
                break
    assert not failures, failures
