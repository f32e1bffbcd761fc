"""Order numbers (RX2026-000123) and the public token (for the citizen's look-up and Open311)."""

import secrets
from datetime import datetime

from minsheng.core.numbers import next_yearly_number
from minsheng.hotline.models import OrderSequence


def next_number(now: datetime) -> str:
    return next_yearly_number(OrderSequence, "RX", now)


def new_token() -> str:
    return secrets.token_urlsafe(12)
