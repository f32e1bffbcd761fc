"""What the fuzz tests share: an in-process WSGI app, API keys and tallies of what was tried.

Schemathesis calls a WSGI app through werkzeug. Django's own WSGIHandler would close the database
connection at the end of each request (``close_old_connections``) and with it the test's transaction,
so the app here is Django's test ``ClientHandler`` behind the WSGI calling convention.
"""

import io
import os
from collections import Counter

import pytest
from django.core.management import call_command
from django.test.client import ClientHandler
from hypothesis import strategies as st

from minsheng.hotline.models import Category, DispatchRule

# Examples per operation: small in CI (the whole module well under 2 minutes); bench/fuzz.py raises it.
MAX_EXAMPLES = int(os.environ.get("MINSHENG_FUZZ_EXAMPLES", "25"))

# operation label → examples run / 5xx answers seen (printed at the end of the run).
EXAMPLES: Counter[str] = Counter()
SERVER_ERRORS: Counter[str] = Counter()
STATUSES: dict[str, Counter[int]] = {}


class InProcessApp:
    """A WSGI app that runs each request through Django's test handler (the test's transaction lives)."""

    def __init__(self):
        self.handler = ClientHandler(enforce_csrf_checks=False)

    def __call__(self, environ, start_response):
        response = self.handler(environ)
        headers = [(k, v) for k, v in response.items()]
        headers += [("Set-Cookie", c.output(header="")) for c in response.cookies.values()]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        if response.streaming:
            return [b"".join(response.streaming_content)]
        return [response.content]


# Values schema-driven generation rarely makes, each behind a 5xx found here once: NUL bytes (PostgreSQL
# refuses them), digits that isdigit() takes but int() does not, numbers beyond 64 bits, impossible or
# overflowing dates, NaN.
HOSTILE = ["\x00", "a\x00b", "²", "9" * 25, "-1", "NaN", "Infinity", "2026-13-45T00:00:00",
           "0001-01-01T00:00:00", "9999-12-31T23:59:59", "<script>alert(1)</script>",
           "'; DROP TABLE x; --", "\u202e", " "]  # fmt: skip


def spoil(case, operation, data) -> None:
    """Maybe put a hostile value into one query parameter or top-level body field of ``case``."""
    if not data.draw(st.booleans(), label="spoil"):
        return
    value = data.draw(st.sampled_from(HOSTILE), label="hostile value")
    names = [p.name for p in operation.query]
    body = case.body if isinstance(case.body, dict) else None
    places = (["query"] if names else []) + (["body"] if body else [])
    if not places:
        return
    if data.draw(st.sampled_from(places), label="where") == "query":
        case.query = {**(case.query or {}), data.draw(st.sampled_from(names), label="parameter"): value}
    else:
        body[data.draw(st.sampled_from(sorted(body, key=str)), label="field")] = value


def tally(label: str, status: int) -> None:
    EXAMPLES[label] += 1
    STATUSES.setdefault(label, Counter())[status] += 1
    if status >= 500:
        SERVER_ERRORS[label] += 1


def pytest_terminal_summary(terminalreporter):
    if not EXAMPLES:
        return
    terminalreporter.section("fuzz")
    for label in sorted(EXAMPLES):
        statuses = " ".join(f"{code}×{n}" for code, n in sorted(STATUSES[label].items()))
        terminalreporter.write_line(
            f"{label:<48} {EXAMPLES[label]:>5} examples {SERVER_ERRORS[label]:>3} 5xx  ({statuses})"
        )
    terminalreporter.write_line(
        f"total: {sum(EXAMPLES.values())} examples over {len(EXAMPLES)} operations, "
        f"{sum(SERVER_ERRORS.values())} answered 5xx"
    )


@pytest.fixture
def open311_key(world):
    """An Open311 API key of a hotline operator service account (as ``open311_key`` issues it)."""
    out = io.StringIO()
    call_command("open311_key", "模糊测试", stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def lights(world):
    """The Open311 service 0101 (路灯照明), dispatched in the county to the housing bureau."""
    municipal = Category.objects.create(code="01", name="市政设施")
    lights = Category.objects.create(code="0101", name="路灯照明", parent=municipal)
    DispatchRule.objects.create(category=lights, region=world.regions["county"], unit=world.units["housing"])
    return lights
