"""Suggestion numbers (JY2026-000123) and the proposer's random query code."""

import hmac
import secrets
from datetime import datetime

from django.db import connection

from minsheng.core.periods import CHINA
from minsheng.people import crypto
from minsheng.suggestions.models import NumberSequence, Suggestion

# No 0/O, 1/I/L: codes are read over the phone and copied from paper.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_number(now: datetime) -> str:
    """The next number of the year, unique and gap-free (the counter rolls back with the suggestion)."""
    prefix = f"JY{now.astimezone(CHINA).year}"
    table = connection.ops.quote_name(NumberSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last = last + 1 WHERE prefix = %s RETURNING last", [prefix])
        row = cursor.fetchone()
    if row is None:  # the first suggestion of the year
        NumberSequence.objects.get_or_create(prefix=prefix)
        return next_number(now)
    return f"{prefix}-{row[0]:06d}"


def new_query_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(8))


def query_code_of(suggestion: Suggestion) -> str:
    return crypto.decrypt(suggestion.query_code_enc)


def query_code_matches(suggestion: Suggestion, code: str) -> bool:
    given = (code or "").strip().upper().encode()
    return hmac.compare_digest(given, query_code_of(suggestion).encode())
