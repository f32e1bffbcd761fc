"""POST /api/v1/hotline/orders: an operator's system registers work orders; a retry creates nothing."""

import pytest

from minsheng.api.tests.clients import bearer, post_json
from minsheng.audit.models import AuditEvent
from minsheng.hotline.models import Order

URL = "/api/v1/hotline/orders"


def _body(**overrides) -> dict:
    body = {
        "kind": "complaint",
        "title": "小区门口路灯不亮",
        "content": "青川区幸福路小区门口路灯已坏一周，夜间出行不便。",
        "category": "0101",
        "region": "990102",
        "address": "幸福路12号",
        "requester": {"name": "张三", "phone": "13800001111"},
    }
    body.update(overrides)
    return body


@pytest.fixture
def operator_headers(operator, cats, rules):
    return bearer(operator)


def test_it_registers_an_order_and_a_retry_with_the_same_key_returns_it(client, operator_headers, world):
    headers = {**operator_headers, "Idempotency-Key": "call-0001"}
    first = post_json(client, URL, _body(region=world.regions["county"].code), headers)
    again = post_json(client, URL, _body(region=world.regions["county"].code), headers)
    assert first.status_code == 201, first.content
    assert again.status_code == 200
    assert first.json()["number"] == again.json()["number"]
    assert first.json()["created"] is True and again.json()["created"] is False
    order = Order.objects.get()
    assert order.requester is not None and order.requester.name_masked.startswith("张")
    assert order.status == "received"
    assert AuditEvent.objects.filter(action="hotline.order.received", target_id=str(order.pk)).count() == 1


def test_it_dispatches_by_the_catalogue_when_asked(client, operator_headers, world):
    headers = {**operator_headers, "Idempotency-Key": "call-0002"}
    response = post_json(client, URL, _body(region=world.regions["county"].code, dispatch=True), headers)
    assert response.status_code == 201, response.content
    order = Order.objects.get(number=response.json()["number"])
    assert order.status == "dispatched" and order.unit == world.units["housing"]
    assert response.json()["due_at"] is not None


def test_it_requires_an_idempotency_key(client, operator_headers, world):
    response = post_json(client, URL, _body(region=world.regions["county"].code), operator_headers)
    assert response.status_code == 400
    assert not Order.objects.exists()


def test_it_refuses_callers_who_are_not_operators(client, clerk, cats):
    headers = {**bearer(clerk), "Idempotency-Key": "call-0003"}
    response = post_json(client, URL, _body(), headers)
    assert response.status_code == 409
    assert response.json()["code"] == "forbidden"
    assert not Order.objects.exists()


def test_it_explains_an_unknown_category(client, operator_headers):
    headers = {**operator_headers, "Idempotency-Key": "call-0004"}
    response = post_json(client, URL, _body(category="9999"), headers)
    assert response.status_code == 400
    assert "category" in response.json()["errors"]
    assert not Order.objects.exists()
