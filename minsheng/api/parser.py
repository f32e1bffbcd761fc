"""JSON and query parsing that refuses text the database cannot store.

JSON may carry ``\\u0000`` and lone surrogates (``\\ud800``): PostgreSQL rejects NUL in text and
nothing can encode a lone surrogate, so either would surface as a 500 deep inside a service.
Refusing them here keeps every router, present and future, on the 4xx side.
"""

import json

from django.utils.translation import gettext as _
from ninja.parser import Parser

from minsheng.core.errors import InvalidInput


def _bad_text(value: str) -> bool:
    if "\x00" in value:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check(value, depth: int = 0) -> None:
    if depth > 20:
        raise ValueError("nested too deep")
    if isinstance(value, str):
        if _bad_text(value):
            raise ValueError("text contains NUL or a lone surrogate")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(key, depth + 1)
            _check(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check(item, depth + 1)


class StrictParser(Parser):
    def parse_body(self, request):
        # Any exception here becomes ninja's 400 "Cannot parse request body" (see errors.py).
        data = json.loads(request.body)
        _check(data)
        return data

    def parse_querydict(self, data, list_fields, request):
        for key, values in data.lists():
            if _bad_text(key) or any(_bad_text(v) for v in values):
                raise InvalidInput(
                    _("查询参数含有不允许的字符。"), field=key if not _bad_text(key) else "query"
                )
        return super().parse_querydict(data, list_fields, request)
