"""Order numbers (RX2026-000123) and the public token (for the citizen's look-up and Open311)."""

import secrets
from datetime import datetime

from django.db import connection

from minsheng.core.periods import CHINA
from minsheng.hotline.models import OrderSequence


def next_number(now: datetime) -> str:
    """The next order number of the year; one ``UPDATE … RETURNING`` locks and increments."""
    prefix = f"RX{now.astimezone(CHINA).year}"
    table = connection.ops.quote_name(OrderSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last = last + 1 WHERE prefix = %s RETURNING last", [prefix])
        row = cursor.fetchone()
    if row is None:
        OrderSequence.objects.get_or_create(prefix=prefix)
        return next_number(now)
    return f"{prefix}-{row[0]:06d}"


def new_token() -> str:
    return secrets.token_urlsafe(12)
