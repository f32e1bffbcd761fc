"""Case numbers (XF2026-000123) and the petitioner's random query code."""

import hmac
import secrets
from datetime import datetime

from django.db import connection

from minsheng.core.periods import CHINA
from minsheng.people import crypto
from minsheng.petitions.models import NumberSequence, Petition

# No 0/O, 1/I/L: codes are read over the phone and copied from paper.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_number(now: datetime) -> str:
    """The next case number of the year, unique and gap-free (the counter rolls back with the case).

    One ``UPDATE … RETURNING`` (PostgreSQL, SQLite ≥ 3.35) both locks and increments the counter:
    intake is the hottest write path, and this replaces a read, a lock and a write.
    """
    prefix = f"XF{now.astimezone(CHINA).year}"
    table = connection.ops.quote_name(NumberSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last = last + 1 WHERE prefix = %s RETURNING last", [prefix])
        row = cursor.fetchone()
    if row is None:  # the first case of the year
        NumberSequence.objects.get_or_create(prefix=prefix)
        return next_number(now)
    return f"{prefix}-{row[0]:06d}"


def new_query_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(8))


def query_code_of(petition: Petition) -> str:
    return crypto.decrypt(petition.query_code_enc)


def query_code_matches(petition: Petition, code: str) -> bool:
    given = (code or "").strip().upper().encode()
    return hmac.compare_digest(given, query_code_of(petition).encode())
