"""What suggestions give textmine: every suggestion's text, for the near-duplicate index.

Registered in ``SuggestionsConfig.ready``; ``manage.py neardup rebuild`` reads it. Suggestions are
not routed by the router (the office chooses the study unit), so there are no routings to learn.
"""

from collections.abc import Iterator

from minsheng.suggestions.models import Suggestion, compose_text
from minsheng.textmine.sources import Source

DOMAIN = "suggestions"
_TEXT = ("title", "reason", "proposal")


def texts() -> Iterator[tuple[int, str]]:
    rows = Suggestion.objects.order_by("id").values_list("id", *_TEXT).iterator(chunk_size=2000)
    for pk, *parts in rows:
        yield pk, compose_text(*parts)


def routings(target: str) -> Iterator[tuple[str, str]]:
    return iter(())


SOURCE = Source(domain=DOMAIN, texts=texts, routings=routings)
