"""Mis-encoded input (invalid UTF-8 in query strings, form bodies, JSON, CSV uploads): a 4xx, never a 5xx."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from minsheng.api.tests.clients import bearer

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "q=%ff%fe%fd",
    "q=%C0%AF",
    "number=%ED%A0%80&code=%00",
    "%ff=%ff",
    "q=\udcff".encode("utf-8", "surrogateescape").decode("latin-1"),
]
PUBLIC_PAGES = [
    "/portal/",
    "/portal/track/",
    "/portal/suggestions/",
    "/portal/suggestions/track/",
    "/portal/newemployment/",
]
API_PAGES = [
    "/api/v1/calendar/deadline",
    "/api/v1/petitions",
    "/open311/v2/requests.json",
    "/open311/v2/services.xml",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_it_answers_invalid_utf8_in_query_strings_below_500(client, world, clerk, query):
    for url in PUBLIC_PAGES + API_PAGES:
        assert client.get(url, QUERY_STRING=query, headers=bearer(clerk)).status_code < 500, url
    client.force_login(clerk)
    for url in ["/staff/", "/staff/overdue/", "/hotline/", "/suggestions/"]:
        assert client.get(url, QUERY_STRING=query).status_code < 500, url


def test_it_answers_an_invalid_utf8_form_body_with_a_4xx(client, world):
    body = b"title=%ff%fe&request=\xff\xfe\xfd&name=%C0%AF&idempotency_key=" + b"k" * 32
    for url in [
        "/portal/submit/",
        "/portal/suggestions/new/",
        "/portal/track/",
        "/portal/newemployment/register/",
    ]:
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        assert 400 <= response.status_code < 500, (url, response.status_code)


def test_it_answers_invalid_utf8_json_to_the_api_with_a_clear_400(client, world, clerk):
    response = client.post(
        "/api/v1/petitions", b'{"title": "\xff\xfe"}', content_type="application/json", headers=bearer(clerk)
    )
    assert response.status_code == 400
    assert response.json()["detail"]


def test_it_answers_a_body_in_an_unknown_charset_below_500(client, world):
    form = "application/x-www-form-urlencoded"
    # The header is given as sent: the test client would itself fail to encode in that charset.
    response = client.post(
        "/portal/track/", b"number=1", content_type=form, CONTENT_TYPE=f"{form}; charset=klingon-8"
    )
    assert 400 <= response.status_code < 500


def _import(client, content: bytes, name: str):
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(reverse("registry:associations:import"), {"file": upload})


def test_it_reads_a_gbk_csv_and_refuses_undecodable_bytes_with_a_message(client, world, registrar):
    client.force_login(registrar)
    gbk = "名称,统一社会信用代码\n青川区餐饮行业协会,51330100MJ0000000X\n".encode("gbk")
    response = _import(client, gbk, "社团.csv")
    assert response.status_code < 500 and "CSV文件须为UTF-8或GBK编码" not in response.content.decode()
    response = _import(client, b"\x81\x30\xff\x00\xfe" * 40, "社团.csv")
    assert response.status_code == 400 and "CSV文件须为UTF-8或GBK编码" in response.content.decode()
