"""Schemathesis over the whole OpenAPI of /api/v1/: whatever a caller sends, the answer is below 500.

Every operation is fuzzed with schema-valid and schema-violating cases (schemathesis' positive and
negative modes), with a valid bearer token of a clerk, a handler or a hotline operator so that cases get past
authentication, and with the path's ``{number}`` sometimes a real petition so that steps are tried
on a case that exists.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from minsheng.api.api import api
from minsheng.api.tests.clients import bearer
from tests.fuzz.conftest import MAX_EXAMPLES, InProcessApp, spoil, tally

pytestmark = pytest.mark.django_db
API_PREFIX = "/api/v1/"

# The document /api/v1/openapi.json serves, read without a request (schemathesis.openapi.from_wsgi
# would make one) and with the prefix given: resolving it would import the URL conf at collection,
# before pytest-django turns DEBUG off, and leave DEBUG-only routes for every later test.
SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix=API_PREFIX))
SCHEMA.app = InProcessApp()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis/ directory in the checkout
    suppress_health_check=list(HealthCheck),
)


def _cases(operation, petition_number: str):
    modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    strategies = [operation.as_strategy(mode) for mode in modes]
    if "{number}" in operation.path:
        strategies += [
            operation.as_strategy(mode, path_parameters={"number": petition_number}) for mode in modes
        ]
    return st.one_of(strategies)


def test_it_fuzzes_the_document_the_api_serves(client):
    assert client.get(f"{API_PREFIX}openapi.json").json()["paths"].keys() == SCHEMA.raw_schema["paths"].keys()


def test_it_fuzzes_every_operation_of_the_schema():
    # The schema is read from the running app: a new operation is fuzzed without editing this file.
    assert len(OPERATIONS) >= 8
    assert {"POST /api/v1/petitions", "GET /api/v1/calendar/deadline"} <= {o.label for o in OPERATIONS}


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: o.label)
def test_it_never_answers_5xx(operation, world, clerk, handler, file_petition, settings):
    operator = world.users["operator"]
    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": 10**6}
    petition = file_petition()
    tokens = [bearer(clerk), bearer(handler), bearer(operator), {}]

    @FUZZ
    @given(case=_cases(operation, petition.number), auth=st.sampled_from(tokens), data=st.data())
    def fuzz(case, auth, data):
        from django.core.cache import cache

        spoil(case, operation, data)
        cache.clear()  # the lookup throttle answers 429 after a few dozen tries, hiding the rest
        response = case.call(headers=auth)
        tally(operation.label, response.status_code)
        assert response.status_code < 500, (case.as_curl_command(), response.text[:500])

    fuzz()
