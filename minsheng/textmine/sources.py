"""Where textmine finds the records it learns from and indexes.

``textmine`` depends only on ``core``: each domain app (petitions, later suggestions and hotline)
registers one ``Source`` in its ``AppConfig.ready``, and the commands that train the router or
rebuild the duplicate index walk the registered sources.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

CATEGORY = "category"
UNIT = "unit"
TARGETS = (CATEGORY, UNIT)


@dataclass(frozen=True)
class Source:
    domain: str
    # (record id, text) of every record, oldest first: what the duplicate index is rebuilt from.
    texts: Callable[[], Iterable[tuple[int, str]]]
    # (text, label) of every routing a person confirmed, for a target (CATEGORY or UNIT).
    routings: Callable[[str], Iterable[tuple[str, str]]]


_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    """Make ``source`` known (idempotent: ``ready()`` may run more than once in tests)."""
    _sources[source.domain] = source


def registered() -> list[Source]:
    """Every registered source, in registration order."""
    return list(_sources.values())
