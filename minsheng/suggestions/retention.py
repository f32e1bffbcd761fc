"""Retention of people's suggestions (``people.retention``; the period is in ``retention_conf``)."""

from datetime import datetime

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan

from minsheng.people.retention import Link, Rule, register
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.workflow import DECIDED, S


def _suggestion_ended(cutoff: datetime, p: str = "") -> Q:
    ended = Coalesce(f"{p}replied_at", f"{p}decided_at", f"{p}received_at")
    return Q(**{f"{p}status__in": DECIDED | {S.CONVERTED, S.REDIRECTED}}) & Q(LessThan(ended, cutoff))


def _suggestions_scrub(ids: list[int]) -> None:
    # The proposal itself is about public matters (and published when adopted): it stays; the
    # proposer's name and the personal answer go. Query codes stay: they are random, not personal,
    # and an empty one would match an empty guess.
    Suggestion.objects.filter(pk__in=ids).update(public_name="", reply="", rating_comment="", account=None)


SUGGESTIONS = register(
    Rule(
        "suggestions",
        "suggestions.suggestion",
        Suggestion,
        _suggestion_ended,
        _suggestions_scrub,
        links=(Link(Suggestion, "proposer"),),
    )
)
