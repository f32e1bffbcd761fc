"""Case numbers (XF2026-000123) and the petitioner's random query code."""

from datetime import datetime

from minsheng.core.numbers import codes_match, new_query_code, next_yearly_numbers
from minsheng.people import crypto
from minsheng.petitions.models import NumberSequence, Petition

__all__ = ["new_query_code", "next_numbers", "query_code_matches", "query_code_of"]


def next_numbers(now: datetime, count: int = 1) -> list[str]:
    return next_yearly_numbers(NumberSequence, "XF", now, count)


def query_code_of(petition: Petition) -> str:
    return crypto.decrypt(petition.query_code_enc)


def query_code_matches(petition: Petition, code: str) -> bool:
    return codes_match(query_code_of(petition), code)
