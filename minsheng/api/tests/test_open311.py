"""Open311 GeoReport v2 conformance: every endpoint in JSON and XML, and every error the spec names."""

import io
import json
from datetime import timedelta
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

import pytest
from django.core.management import call_command
from django.utils import timezone

from minsheng.accounts.models import ApiToken
from minsheng.hotline.models import Category, DispatchRule, Order
from minsheng.hotline.services import OrderIntake, order_receive
from minsheng.people.services import Identity

BASE = "/open311/v2"


@pytest.fixture
def lights(world):
    municipal = Category.objects.create(code="01", name="市政设施")
    lights = Category.objects.create(
        code="0101", name="路灯照明", parent=municipal, description="路灯不亮、倒伏"
    )
    DispatchRule.objects.create(category=lights, region=world.regions["county"], unit=world.units["housing"])
    return lights


@pytest.fixture
def api_key(world):
    out = io.StringIO()
    call_command("open311_key", "城市服务App", stdout=out)
    return out.getvalue().strip()


def post(client, fmt="json", **fields):
    return client.post(
        f"{BASE}/requests.{fmt}", urlencode(fields), content_type="application/x-www-form-urlencoded"
    )


def report(api_key, **extra):
    return dict(
        api_key=api_key, service_code="0101", lat="30.123456", long="120.654321",
        description="幸福路口路灯不亮一周了", first_name="三", last_name="张", phone="13800001111",
        **{"attribute[region]": "990102001"} | extra,
    )  # fmt: skip


def test_it_describes_itself_in_the_discovery_document(client):
    data = client.get(f"{BASE}/discovery.json").json()
    endpoint = data["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].endswith("/open311/v2") and "text/xml" in endpoint["formats"]
    root = ET.fromstring(client.get(f"{BASE}/discovery.xml").content)
    assert root.tag == "discovery"
    assert [f.text for f in root.find("endpoints/endpoint/formats")] == ["text/xml", "application/json"]


def test_it_lists_hotline_categories_as_services(client, lights):
    services = client.get(f"{BASE}/services.json").json()
    light = next(s for s in services if s["service_code"] == "0101")
    assert light == {
        "service_code": "0101", "service_name": "路灯照明", "description": "路灯不亮、倒伏",
        "metadata": True, "type": "realtime", "keywords": "", "group": "市政设施",
    }  # fmt: skip
    root = ET.fromstring(client.get(f"{BASE}/services.xml").content)
    assert root.tag == "services" and root.find("service/service_code").text == "01"
    assert root.find("service/metadata").text == "true"


def test_it_defines_each_services_attributes(client, lights):
    definition = client.get(f"{BASE}/services/0101.json").json()
    assert definition["service_code"] == "0101"
    codes = [a["code"] for a in definition["attributes"]]
    assert codes == ["kind", "urgency", "region"]
    region = definition["attributes"][2]
    assert region["datatype"] == "singlevaluelist" and region["required"] is False
    assert {"key": "990102001", "name": "东湖街道"} in region["values"]
    root = ET.fromstring(client.get(f"{BASE}/services/0101.xml").content)
    assert root.tag == "service_definition"
    assert root.find("attributes/attribute/values/value/key").text == "consult"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_it_answers_an_unknown_service_with_the_error_format(client, lights, fmt):
    response = client.get(f"{BASE}/services/9999.{fmt}")
    assert response.status_code == 404
    if fmt == "json":
        assert response.json()[0]["code"] == 404 and "9999" in response.json()[0]["description"]
    else:
        root = ET.fromstring(response.content)
        assert root.tag == "errors" and root.find("error/code").text == "404"


def test_it_files_a_request_and_dispatches_it_by_the_catalogue(client, world, lights, api_key):
    response = post(client, **report(api_key))
    assert response.status_code == 200
    [receipt] = response.json()
    order = Order.objects.get(number=receipt["service_request_id"])
    assert order.channel == "online" and order.kind == "help" and order.category == lights
    assert order.status == "dispatched" and order.unit == world.units["housing"]
    assert str(order.lat) == "30.123456" and order.requester is not None
    assert "token" not in receipt  # the spec: the id or a token, never both
    detail = client.get(f"{BASE}/requests/{order.number}.json").json()[0]
    assert detail["status"] == "open" and detail["agency_responsible"] == "青川区住房和城乡建设局"
    assert detail["expected_datetime"] == order.due_at.isoformat()
    assert "张" not in json.dumps(detail, ensure_ascii=False)  # never the requester


def test_it_takes_an_address_id_as_the_location(client, lights, api_key):
    fields = report(api_key) | {"lat": "", "long": "", "address_id": "QC-0042"}
    assert post(client, **fields).status_code == 200
    assert Order.objects.get().address == "QC-0042"


def test_it_holds_a_request_without_an_area_for_an_operator(client, lights, api_key):
    fields = report(api_key)
    del fields["attribute[region]"]
    response = post(client, "xml", **fields)
    assert response.status_code == 200
    number = ET.fromstring(response.content).find("request/service_request_id").text
    assert Order.objects.get(number=number).status == "received"


def test_it_refuses_a_request_without_a_valid_key(client, lights, api_key):
    assert post(client, **report("wrong")).status_code == 403
    fields = report(api_key)
    del fields["api_key"]
    assert post(client, **fields).json()[0]["code"] == 403
    ApiToken.objects.update(revoked=True)
    assert post(client, **report(api_key)).status_code == 403
    assert not Order.objects.exists()


@pytest.mark.parametrize(
    "change, status",
    [
        ({"service_code": ""}, 400),
        ({"service_code": "9999"}, 404),
        ({"lat": "", "long": ""}, 400),
        ({"long": ""}, 400),
        ({"lat": "north"}, 400),
        ({"description": " "}, 400),
        ({"attribute[kind]": "gossip"}, 400),
        ({"attribute[region]": "990103001"}, 400),  # another county: not served by this centre
        ({"phone": "12345"}, 400),
        ({"jurisdiction_id": "elsewhere.gov"}, 404),
    ],
)
def test_it_explains_a_bad_request_and_files_nothing(client, lights, api_key, change, status):
    response = post(client, **(report(api_key) | change))
    assert response.status_code == status
    assert response.json()[0]["code"] == status and response.json()[0]["description"]
    assert not Order.objects.exists()


def test_it_takes_an_empty_or_its_own_jurisdiction_id(client, lights, api_key):
    assert post(client, **report(api_key, jurisdiction_id="")).status_code == 200
    assert client.get(f"{BASE}/services.json", {"jurisdiction_id": "minsheng.local"}).status_code == 200
    assert client.get(f"{BASE}/services.json", {"jurisdiction_id": "x"}).status_code == 404


@pytest.fixture
def orders(world, lights, operator):
    def make(kind="help", at=None, action="dispatch"):
        who = Identity(name="李四", phone="13900002222")
        intake = OrderIntake(kind=kind, title="路灯不亮", content="路灯不亮", category=lights,
                             region=world.regions["county"], requester=who)  # fmt: skip
        answer = "路灯抢修电话：12345转2" if action == "answer" else ""
        return order_receive(
            intake=intake, actor=operator, now=at or timezone.now(), action=action, answer_text=answer
        )

    return make


def test_it_searches_requests_by_the_specifications_filters(client, orders):
    now = timezone.now()
    recent, older = orders(), orders(at=now - timedelta(days=40))
    answered = orders(kind="consult", action="answer")
    informant = orders(kind="report")
    listed = {r["service_request_id"] for r in client.get(f"{BASE}/requests.json").json()}
    assert listed == {recent.number, older.number, answered.number}  # reports are never published
    closed = client.get(f"{BASE}/requests.json", {"status": "closed"}).json()
    assert [r["service_request_id"] for r in closed] == [answered.number]
    window = {
        "start_date": (now - timedelta(days=10)).isoformat(),
        "end_date": (now + timedelta(hours=1)).isoformat(),
    }
    assert {r["service_request_id"] for r in client.get(f"{BASE}/requests.json", window).json()} == {
        recent.number, answered.number}  # fmt: skip
    by_id = client.get(f"{BASE}/requests.json", {"service_request_id": f"{older.number},{informant.number}"})
    assert [r["service_request_id"] for r in by_id.json()] == [older.number]
    page = client.get(f"{BASE}/requests.json", {"page_size": 2, "page": 2}).json()
    assert len(page) == 1
    root = ET.fromstring(client.get(f"{BASE}/requests.xml").content)
    assert root.tag == "service_requests" and len(root.findall("request")) == 3


@pytest.mark.parametrize(
    "params",
    [
        {"start_date": "2026-01-01T00:00:00+08:00", "end_date": "2026-06-01T00:00:00+08:00"},
        {"start_date": "yesterday"},
        {"status": "pending"},
        {"page_size": "0"},
        {"page": "-1"},
    ],
)
def test_it_refuses_a_bad_search(client, params):
    response = client.get(f"{BASE}/requests.xml", params)
    assert response.status_code == 400
    assert ET.fromstring(response.content).find("error/code").text == "400"


def test_it_finds_a_request_by_its_token_and_says_when_it_cannot(client, orders):
    order = orders()
    found = client.get(f"{BASE}/tokens/{order.token}.json").json()
    assert found == [{"service_request_id": order.number, "token": order.token}]
    assert client.get(f"{BASE}/tokens/nope.json").status_code == 404
    assert client.get(f"{BASE}/requests/XX-0.xml").status_code == 404
