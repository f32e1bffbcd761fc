"""Suggestion numbers (JY2026-000123) and the proposer's random query code."""

from datetime import datetime

from minsheng.core.numbers import codes_match, new_query_code, next_yearly_number
from minsheng.people import crypto
from minsheng.suggestions.models import NumberSequence, Suggestion

__all__ = ["new_query_code", "next_number", "petition_code_of", "query_code_matches", "query_code_of"]


def next_number(now: datetime) -> str:
    return next_yearly_number(NumberSequence, "JY", now)


def query_code_of(suggestion: Suggestion) -> str:
    return crypto.decrypt(suggestion.query_code_enc)


def petition_code_of(suggestion: Suggestion) -> str:
    """The query code of the petition the suggestion was turned into ("" when it was not)."""
    return crypto.decrypt(suggestion.petition_code_enc) if suggestion.petition_code_enc else ""


def query_code_matches(suggestion: Suggestion, code: str) -> bool:
    return codes_match(query_code_of(suggestion), code)
