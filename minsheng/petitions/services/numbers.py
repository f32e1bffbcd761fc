"""Case numbers (XF2026-000123) and the petitioner's random query code."""

from datetime import datetime

from minsheng.core.numbers import codes_match, new_query_code, next_yearly_number
from minsheng.people import crypto
from minsheng.petitions.models import NumberSequence, Petition

__all__ = ["new_query_code", "next_number", "query_code_matches", "query_code_of"]


def next_number(now: datetime) -> str:
    return next_yearly_number(NumberSequence, "XF", now)


def query_code_of(petition: Petition) -> str:
    return crypto.decrypt(petition.query_code_enc)


def query_code_matches(petition: Petition, code: str) -> bool:
    return codes_match(query_code_of(petition), code)
