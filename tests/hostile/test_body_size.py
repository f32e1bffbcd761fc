"""A 100 MB body gets a 413 with a clear message, unread — to the API, Open311 and a portal form.

The body is a lazy stream of zeros: it is never held in memory, and the test checks that the site
read none of it.
"""

import json

import pytest

pytestmark = pytest.mark.django_db

HUNDRED_MB = 100 * 1024 * 1024


class Zeros:
    """A WSGI input of ``size`` zero bytes, produced as read; counts what was read."""

    def __init__(self, size: int):
        self.left, self.read_bytes = size, 0

    def read(self, n: int = -1) -> bytes:
        n = self.left if n is None or n < 0 else min(n, self.left)
        self.left -= n
        self.read_bytes += n
        return b"\x00" * n

    def readline(self, n: int = -1) -> bytes:
        return self.read(n if n and n > 0 else 65536)


def post_huge(client, url: str, content_type: str, size: int = HUNDRED_MB, **extra):
    body = Zeros(size)
    response = client.post(
        # The test client sets the body's headers only for a body it holds: here they are given.
        url,
        b"",
        content_type=content_type,
        CONTENT_TYPE=content_type,
        CONTENT_LENGTH=str(size),
        **{"wsgi.input": body},
        **extra,
    )
    return response, body


def test_it_refuses_a_100_mb_json_body_to_the_api_unread(client, world, clerk):
    from minsheng.api.tests.clients import bearer

    response, body = post_huge(client, "/api/v1/petitions", "application/json", headers=bearer(clerk))
    assert response.status_code == 413 and body.read_bytes == 0
    data = json.loads(response.content)
    assert data["code"] == "too_large" and "提交的内容过大" in data["detail"]


def test_it_refuses_a_100_mb_open311_request_unread(client, world):
    response, body = post_huge(client, "/open311/v2/requests.json", "application/x-www-form-urlencoded")
    assert response.status_code == 413 and body.read_bytes == 0
    assert response.json()[0]["code"] == 413 and "提交的内容过大" in response.json()[0]["description"]


def test_it_refuses_a_100_mb_upload_to_the_portal_form_with_a_page(client, world):
    response, body = post_huge(client, "/portal/submit/", "multipart/form-data; boundary=xYzZy")
    assert response.status_code == 413 and body.read_bytes == 0
    page = response.content.decode()
    assert "提交的内容过大" in page and "50MB" in page and "没有保存任何内容" in page


def test_it_refuses_a_form_without_files_above_the_form_limit(client, world):
    response, body = post_huge(
        client, "/portal/suggestions/new/", "application/x-www-form-urlencoded", size=3 * 1024 * 1024
    )
    assert response.status_code == 413 and body.read_bytes == 0 and "2MB" in response.content.decode()


def test_it_answers_too_many_fields_with_a_clear_400(client, world):
    data = "&".join(f"f{i}=x" for i in range(1500))
    response = client.post("/portal/suggestions/new/", data, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "请求无效" in response.content.decode() and "字段或文件过多" in response.content.decode()
