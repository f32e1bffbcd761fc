"""Full-text search of case texts in Chinese, two-character words included.

Chinese has no spaces, and the words people search for are mostly two characters (电梯, 噪音, 工资).
PostgreSQL indexes every character bigram of title, request and facts (``minsheng_bigrams``, a GIN
index, migration 0004): the index finds the texts holding all bigrams of the search text (an AND
query answered from the index alone), and a LIKE on those few rows keeps the ones that contain it as
typed. One character is a prefix match on the bigrams. SQLite scans with LIKE.
"""

import re

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

_T = "petitions_petition."  # qualified: the queue joins tables of its own
# The same expression as the index of migration 0004, or the planner will not use the index.
DOCUMENT = f"minsheng_bigrams({_T}title || ' ' || {_T}request || ' ' || {_T}facts)"


def text_rule(text: str) -> Q:
    """Cases whose title, request or facts contain ``text`` (as typed, case-sensitive for letters)."""
    text = " ".join(text.split())
    contains = Q(title__contains=text) | Q(request__contains=text) | Q(facts__contains=text)
    if connection.vendor != "postgresql" or not text:
        return contains
    match = RawSQL(f"{DOCUMENT} @@ %s::tsquery", [tsquery(text)], output_field=BooleanField())
    return Q(match) & contains


def bigrams(text: str) -> list[str]:
    """The bigrams the index holds for ``text`` (whitespace written as "_", as the SQL function does)."""
    text = re.sub(r"\s", "_", text)
    return sorted({text[i : i + 2] for i in range(len(text) - 1)}) if len(text) > 1 else []


def tsquery(text: str) -> str:
    """A tsquery literal (lexemes taken as written, no parser): all bigrams, or a one-character prefix."""
    if len(text) == 1:
        return f"{_quote(text)}:*"
    return " & ".join(_quote(b) for b in bigrams(text))


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
