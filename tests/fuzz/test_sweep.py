"""Every query parameter and form field, one hostile value at a time: no 5xx.

Random generation finds a value like "²" in ``page`` only by luck; this sweep tries each value of
``HOSTILE`` in each parameter the API's OpenAPI and our Open311 description declare, the rest of the
request valid (a real key, a known service, a located request).
"""

from urllib.parse import urlencode

import pytest

from minsheng.api.tests.clients import bearer
from tests.fuzz.conftest import HOSTILE, tally
from tests.fuzz.open311_schema import REQUEST_FIELDS
from tests.fuzz.open311_schema import SCHEMA as OPEN311
from tests.fuzz.test_open311 import REAL
from tests.fuzz.test_openapi import OPERATIONS

pytestmark = pytest.mark.django_db


def test_it_never_answers_5xx_to_a_hostile_api_query_parameter(client, world, clerk):
    headers = bearer(clerk)
    for operation in OPERATIONS:
        if operation.method.upper() != "GET" or operation.path_parameters:
            continue
        for name in (p.name for p in operation.query):
            for value in HOSTILE:
                response = client.get(operation.path, {name: value}, headers=headers)
                tally(f"sweep {operation.label}", response.status_code)
                assert response.status_code < 500, (operation.path, name, value)


@pytest.mark.usefixtures("lights")
def test_it_never_answers_5xx_to_a_hostile_open311_parameter(client, world, open311_key):
    url = "/open311/v2/requests.json"
    names = [p["name"] for p in OPEN311["paths"]["/open311/v2/requests.{fmt}"]["get"]["parameters"]]
    for name in (n for n in names if n != "fmt"):
        for value in HOSTILE:
            response = client.get(url, {name: value})
            tally("sweep open311 GET requests", response.status_code)
            assert response.status_code < 500, (name, value)
    valid = {**REAL, "api_key": open311_key, "description": "路灯不亮"}
    for name in REQUEST_FIELDS:
        for value in HOSTILE:
            body = urlencode({**valid, name: value})
            response = client.post(url, body, content_type="application/x-www-form-urlencoded")
            tally("sweep open311 POST requests", response.status_code)
            assert response.status_code < 500, (name, value)
    for path in ("services/{}.json", "requests/{}.json", "tokens/{}.xml"):
        for value in HOSTILE:
            response = client.get("/open311/v2/" + path.format(value.replace("/", "")))
            assert response.status_code < 500, (path, value)
