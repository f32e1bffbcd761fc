"""The API as a whole: who may call it, the shape of its errors, its OpenAPI document and docs page."""

import re

import pytest
from django.test import Client

from minsheng.accounts.models import ApiToken
from minsheng.api.tests.clients import bearer, intake_body, post_json

pytestmark = pytest.mark.django_db

PETITIONS = "/api/v1/petitions"


def test_it_publishes_an_openapi_document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/v1/petitions",
        "/api/v1/petitions/{number}",
        "/api/v1/petitions/{number}/steps/{step}",
        "/api/v1/calendar/deadline",
        "/api/v1/track",
        "/api/v1/track/rate",
        "/api/v1/track/review",
    ):
        assert path in spec["paths"], path


def test_it_serves_the_docs_page_without_any_cdn(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    # Every asset comes from our own origin: the page works on an offline network.
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assets = re.findall(r"(?:src|href)=\"(/api/v1/docs/assets/[^\"]+)\"", html)
    assert {a.rsplit("/", 1)[1] for a in assets} >= {"swagger-ui.css", "swagger-ui-bundle.js"}
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert b"".join(response.streaming_content)


def test_it_serves_only_the_swagger_files_as_docs_assets(client):
    assert client.get("/api/v1/docs/assets/redoc.standalone.js.map").status_code == 404
    assert client.get("/api/v1/docs/assets/..%2F__init__.py").status_code == 404


def test_it_answers_401_json_to_a_caller_without_credentials(client):
    for response in (client.get(PETITIONS), post_json(client, PETITIONS, intake_body())):
        assert response.status_code == 401
        assert response.json()["code"] == "unauthenticated"
        assert response.json()["detail"]


def test_it_accepts_a_bearer_token(client, clerk):
    response = client.get(PETITIONS, headers=bearer(clerk))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "header",
    ["Bearer ms_not-a-token", "Bearer ", "Basic dXNlcjpwYXNz", "ms_no_scheme", "Bearer " + "x" * 5000],
)
def test_it_refuses_a_wrong_authorization_header(client, clerk, header):
    response = client.get(PETITIONS, headers={"Authorization": header})
    assert response.status_code == 401


def test_it_refuses_a_revoked_token(client, clerk):
    headers = bearer(clerk)
    ApiToken.objects.filter(user=clerk).update(revoked=True)
    assert client.get(PETITIONS, headers=headers).status_code == 401


def test_it_refuses_the_token_of_a_deactivated_user(client, clerk):
    headers = bearer(clerk)
    clerk.is_active = False
    clerk.save()
    assert client.get(PETITIONS, headers=headers).status_code == 401


def test_it_enforces_csrf_for_a_session_but_not_for_reads(clerk):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(clerk)
    assert browser.get(PETITIONS).status_code == 200
    forged = post_json(browser, PETITIONS, intake_body())
    assert forged.status_code == 403
    assert forged.json()["code"] == "forbidden"


def test_it_accepts_a_session_post_with_the_csrf_token(clerk):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(clerk)
    browser.get("/api/v1/docs")  # sets the CSRF cookie, as the page does for Swagger UI
    token = browser.cookies["csrftoken"].value
    response = post_json(browser, PETITIONS, intake_body(), headers={"X-CSRFToken": token})
    assert response.status_code == 201


def test_it_does_not_need_csrf_with_a_bearer_token(clerk):
    system = Client(enforce_csrf_checks=True)
    assert post_json(system, PETITIONS, intake_body(), headers=bearer(clerk)).status_code == 201


def test_it_gives_every_error_the_same_shape(client, clerk):
    client.force_login(clerk)
    responses = [
        post_json(client, PETITIONS, "{not json"),  # 400 parse
        post_json(client, PETITIONS, {"channel": "smoke"}),  # 400 schema
        post_json(client, PETITIONS, intake_body(title="  ")),  # 400 InvalidInput from the service
        client.get(f"{PETITIONS}/XF2026-999999"),  # 404
    ]
    assert [r.status_code for r in responses] == [400, 400, 400, 404]
    for response in responses:
        body = response.json()
        assert set(body) == {"detail", "code", "errors"}
        assert isinstance(body["detail"], str) and body["detail"]


def test_it_names_the_fields_of_a_schema_error_in_chinese(client, clerk):
    client.force_login(clerk)
    body = post_json(client, PETITIONS, intake_body(channel="pigeon", title="标" * 121)).json()
    assert body["code"] == "invalid"
    assert "online、letter、phone、fax、visit" in body["errors"]["channel"]
    assert body["errors"]["title"] == "不能超过120个字符。"
    assert body["detail"].startswith("channel：")


def test_it_refuses_text_the_database_cannot_store(client, clerk):
    client.force_login(clerk)
    for text in ('"\\u0000"', '"\\ud800"'):
        raw = '{"channel": "online", "title": ' + text + "}"
        response = post_json(client, PETITIONS, raw)
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_json"
    assert client.get(PETITIONS, {"q": "\x00"}).status_code == 400
