"""GeoReport v2 documents in JSON and XML: the same Python data, two shapes.

A document is a list of records under a root name (``services`` of ``service``…); a record is a dict
whose values are text, numbers, booleans, datetimes, None, lists of records (``attributes``) or lists
of text (``formats``).
"""

import json
from datetime import datetime
from decimal import Decimal
from xml.etree import ElementTree as ET

from django.http import HttpResponse

FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
# The element name of one item of each list, as the specification's XML spells it.
ITEM = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _json_value(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def _xml_record(parent: ET.Element, tag: str, record: dict) -> None:
    node = ET.SubElement(parent, tag)
    for key, value in record.items():
        if isinstance(value, list):
            holder = ET.SubElement(node, key)
            for item in value:
                if isinstance(item, dict):
                    _xml_record(holder, ITEM[key], item)
                else:
                    ET.SubElement(holder, ITEM[key]).text = _text(item)
        else:
            ET.SubElement(node, key).text = _text(value)


def document(root: str, records, fmt: str, *, status: int = 200, single: bool = False) -> HttpResponse:
    """``records`` under ``root``; ``single`` renders one record as the root itself (a service
    definition, the discovery document), which JSON writes as an object rather than a list."""
    if fmt == "json":
        body = json.dumps(_json_value(records), ensure_ascii=False)
    else:
        if single:
            tree = ET.Element("holder")
            _xml_record(tree, root, records)
            element = tree[0]
        else:
            element = ET.Element(root)
            for record in records:
                _xml_record(element, ITEM[root], record)
        body = '<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(element, encoding="unicode")
    return HttpResponse(body, status=status, content_type=FORMATS[fmt])


def errors(fmt: str, status: int, *descriptions: str) -> HttpResponse:
    records = [{"code": status, "description": d} for d in descriptions]
    return document("errors", records, fmt, status=status)
