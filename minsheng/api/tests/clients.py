"""Helpers for API tests: JSON requests, bearer headers, a valid intake body."""

import json

from minsheng.accounts.models import ApiToken
from minsheng.testing import ID_NUMBERS


def bearer(user) -> dict[str, str]:
    """Headers carrying a fresh API token of ``user``."""
    _token, key = ApiToken.issue(user=user, name="test")
    return {"Authorization": f"Bearer {key}"}


def post_json(client, url: str, body, headers: dict | None = None):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(url, data, content_type="application/json", headers=headers or {})


def intake_body(**overrides) -> dict:
    """A complete, valid body for POST /api/v1/petitions (the street of the test world)."""
    body = {
        "channel": "online",
        "kind": "request",
        "title": "小区楼道照明长期损坏",
        "request": "请求尽快修复楼道照明。",
        "facts": "3号楼楼道灯自去年12月起损坏，多次报修无果。",
        "reasons": "老人夜间出行存在安全隐患。",
        "region": "990102001",
        "category": "03",
        "petitioner": {
            "name": "王小明",
            "id_number": ID_NUMBERS[0],
            "phone": "13812341234",
            "address": "东湖街道某小区3号楼",
            "is_organization": False,
        },
        "representatives": [],
        "headcount": 1,
        "accused_unit": None,
        "accused_person": "",
        "anonymous": False,
    }
    body.update(overrides)
    return body
