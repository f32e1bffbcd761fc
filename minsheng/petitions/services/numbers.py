"""Case numbers (XF2026-000123) and the petitioner's random query code."""

import hmac
import secrets
from datetime import datetime

from minsheng.core.periods import CHINA
from minsheng.people import crypto
from minsheng.petitions.models import NumberSequence, Petition

# No 0/O, 1/I/L: codes are read over the phone and copied from paper.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_number(now: datetime) -> str:
    """The next case number of the year; the row lock makes numbers unique and gap-free per year."""
    prefix = f"XF{now.astimezone(CHINA).year}"
    NumberSequence.objects.get_or_create(prefix=prefix)
    seq = NumberSequence.objects.select_for_update().get(prefix=prefix)
    seq.last += 1
    seq.save(update_fields=["last"])
    return f"{prefix}-{seq.last:06d}"


def new_query_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(8))


def query_code_of(petition: Petition) -> str:
    return crypto.decrypt(petition.query_code_enc)


def query_code_matches(petition: Petition, code: str) -> bool:
    given = (code or "").strip().upper().encode()
    return hmac.compare_digest(given, query_code_of(petition).encode())
