"""Schemathesis over Open311 GeoReport v2 (/open311/v2/): whatever a client sends, the answer is below 500.

The description fuzzed is ``open311_schema.SCHEMA`` (Open311 publishes none). POSTs carry, at random,
a valid API key, a known service code, a real street and real request numbers, so that cases get
past the key check and reach the hotline's own rules.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from minsheng.hotline.models import Order
from tests.fuzz.conftest import MAX_EXAMPLES, InProcessApp, spoil, tally
from tests.fuzz.open311_schema import SCHEMA as DESCRIPTION

pytestmark = pytest.mark.django_db

SCHEMA = schemathesis.openapi.from_dict(DESCRIPTION)
SCHEMA.app = InProcessApp()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
FUZZ = settings(
    max_examples=MAX_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
REAL = {
    "service_code": "0101", "attribute[region]": "990102001", "lat": "30.1", "long": "120.2",
    "last_name": "张", "phone": "13800001111",
}  # fmt: skip


@pytest.fixture
def order(client, lights, open311_key):
    """A published request, so that the detail and token paths are also tried with ones that exist."""
    from urllib.parse import urlencode

    fields = {
        **REAL,
        "api_key": open311_key,
        "description": "路灯不亮",
        "last_name": "张",
        "phone": "13800001111",
    }
    response = client.post(
        "/open311/v2/requests.json", urlencode(fields), content_type="application/x-www-form-urlencoded"
    )
    return Order.objects.get(number=response.json()[0]["service_request_id"])


def _cases(operation, order):
    modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    real = {"service_code": "0101", "service_request_id": order.number, "token": order.token}
    known = {p.name: real[p.name] for p in operation.path_parameters if p.name in real}
    strategies = [operation.as_strategy(mode) for mode in modes]
    if known:
        strategies += [operation.as_strategy(mode, path_parameters=known) for mode in modes]
    return st.one_of(strategies)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: o.label)
def test_it_never_answers_5xx(operation, world, lights, open311_key, order):
    @FUZZ
    @given(case=_cases(operation, order), data=st.data())
    def fuzz(case, data):
        if isinstance(case.body, dict):
            if data.draw(st.booleans(), label="valid key"):
                case.body["api_key"] = open311_key
            real = (
                sorted(REAL)
                if data.draw(st.booleans())
                else data.draw(st.sets(st.sampled_from(sorted(REAL))))
            )
            case.body.update({field: REAL[field] for field in real})
        spoil(case, operation, data)
        response = case.call()
        tally(f"open311 {operation.label}", response.status_code)
        assert response.status_code < 500, (case.as_curl_command(), response.text[:500])

    fuzz()
