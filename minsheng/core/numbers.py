"""Yearly case numbers (XF2026-000123) and the random query codes citizens are given.

Every domain keeps its own counter table (a model with ``prefix`` and ``last``); the counting rule
lives here once.
"""

import hmac
import secrets
from datetime import datetime

from django.db import connection

from minsheng.core.periods import CHINA

# No 0/O, 1/I/L: codes are read over the phone and copied from paper.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_yearly_number(sequence_model, letters: str, now: datetime) -> str:
    """The next number of the year under ``letters``, unique and gap-free (the counter rolls back
    with the record that took it)."""
    return next_yearly_numbers(sequence_model, letters, now, 1)[0]


def next_yearly_numbers(sequence_model, letters: str, now: datetime, count: int) -> list[str]:
    """The next ``count`` numbers of the year under ``letters``, in order (a batch takes a block).

    One ``UPDATE … RETURNING`` (PostgreSQL, SQLite ≥ 3.35) both locks and advances the counter:
    intake is the hottest write path, and this replaces a read, a lock and a write.
    """
    prefix = f"{letters}{now.astimezone(CHINA).year}"
    table = connection.ops.quote_name(sequence_model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last = last + %s WHERE prefix = %s RETURNING last", [count, prefix]
        )
        row = cursor.fetchone()
    if row is None:  # the first number of the year
        sequence_model.objects.get_or_create(prefix=prefix)
        return next_yearly_numbers(sequence_model, letters, now, count)
    return [f"{prefix}-{n:06d}" for n in range(row[0] - count + 1, row[0] + 1)]


def new_query_code(length: int = 8) -> str:
    """A random code of ``length`` letters of ``_ALPHABET``, each equally likely.

    One call to the OS's random source (bulk imports make one a row, and eight calls cost more than
    the rest of the row); bytes past the last whole multiple of the alphabet are dropped so that no
    letter is favoured.
    """
    limit = 256 - 256 % len(_ALPHABET)
    code = ""
    while len(code) < length:
        code += "".join(_ALPHABET[b % len(_ALPHABET)] for b in secrets.token_bytes(length * 2) if b < limit)
    return code[:length]


def codes_match(expected: str, given: str) -> bool:
    """Compare a query code in constant time; case and surrounding spaces do not matter."""
    return hmac.compare_digest((given or "").strip().upper().encode(), expected.encode())
