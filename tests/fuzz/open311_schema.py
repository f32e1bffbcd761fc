"""An OpenAPI 3.0 description of our GeoReport v2 endpoints, written for the fuzz tests only.

Open311 has no OpenAPI of its own; this one follows the specification's parameters so schemathesis
can generate both conforming and violating requests. ``{fmt}`` is json or xml on every path.
"""

FMT = {"name": "fmt", "in": "path", "required": True, "schema": {"type": "string", "enum": ["json", "xml"]}}
# Ours, or none: a wrong one is answered 404 before anything else (negative cases still send others).
JURISDICTION = {
    "name": "jurisdiction_id",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "enum": ["minsheng.local", ""]},
}
ANSWERS = {"200": {"description": "the document"}, "400": {"description": "an error document"}}


def _query(*names: str, required: tuple[str, ...] = ()) -> list[dict]:
    return [
        {"name": n, "in": "query", "required": n in required, "schema": {"type": "string"}} for n in names
    ]


def _path(name: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string", "minLength": 1}}


def _get(*parameters: dict) -> dict:
    return {"get": {"parameters": [FMT, JURISDICTION, *parameters], "responses": ANSWERS}}


REQUEST_FIELDS = {
    "api_key": {"type": "string"},
    "service_code": {"type": "string"},
    "lat": {"type": "string"},
    "long": {"type": "string"},
    "address_string": {"type": "string"},
    "address_id": {"type": "string"},
    "description": {"type": "string", "maxLength": 4000},
    "first_name": {"type": "string"},
    "last_name": {"type": "string"},
    "phone": {"type": "string"},
    "email": {"type": "string"},
    "media_url": {"type": "string"},
    "account_id": {"type": "string"},
    "device_id": {"type": "string"},
    "jurisdiction_id": {"type": "string", "enum": ["minsheng.local", ""]},
    "attribute[kind]": {"type": "string", "enum": ["consult", "help", "complaint", "report", "suggestion"]},
    "attribute[urgency]": {"type": "string", "enum": ["urgent", "utility", "ordinary", "complex"]},
    "attribute[region]": {"type": "string"},
}

SCHEMA = {
    "openapi": "3.0.3",
    "info": {"title": "民声 Open311 GeoReport v2 (fuzz only)", "version": "2"},
    "paths": {
        "/open311/v2/discovery.{fmt}": _get(),
        "/open311/v2/services.{fmt}": _get(),
        "/open311/v2/services/{service_code}.{fmt}": _get(_path("service_code")),
        "/open311/v2/requests.{fmt}": {
            **_get(*_query("service_request_id", "service_code", "start_date", "end_date", "status",
                          "page", "page_size")),
            "post": {
                "parameters": [FMT],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": REQUEST_FIELDS,
                                "required": ["api_key", "service_code", "description"],
                            }
                        }
                    },
                },
                "responses": ANSWERS,
            },
        },
        "/open311/v2/requests/{service_request_id}.{fmt}": _get(_path("service_request_id")),
        "/open311/v2/tokens/{token}.{fmt}": _get(_path("token")),
    },
}  # fmt: skip
