"""The router's proposal for a case (分类与派单建议), and the record of what people chose instead.

At registration the newest routers (textmine) propose a category and a responsible unit. From
``MINSHENG["ROUTING_CONFIDENCE"]`` up a proposal pre-fills the clerk's forms; below it, or with no
router published yet, the case is marked for manual routing. Whenever a person sets the category or
the unit, a ``RoutingFeedback`` row keeps what was proposed beside what was chosen.
"""

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings

from minsheng.orgs.models import Unit
from minsheng.petitions.models import Category, Petition
from minsheng.petitions.textsource import DOMAIN
from minsheng.petitions.workflow import S
from minsheng.textmine.models import RoutingFeedback
from minsheng.textmine.router_store import RECHECK_SECONDS, load_newest
from minsheng.textmine.sources import CATEGORY, UNIT

TOP = 3


@dataclass(frozen=True)
class Choice:
    """One proposed category or unit, with the router's confidence and the words behind it."""

    value: Category | Unit
    confidence: float
    words: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Proposal:
    categories: list[Choice]
    units: list[Choice]

    @property
    def category(self) -> Choice | None:
        """The top category if the router is sure enough to pre-fill it."""
        return _confident(self.categories)

    @property
    def unit(self) -> Choice | None:
        """The top unit if the router is sure enough to pre-fill it."""
        return _confident(self.units)

    @property
    def manual(self) -> bool:
        """A person must route this case without a pre-filled proposal."""
        return self.category is None or self.unit is None


def threshold() -> float:
    return settings.MINSHENG["ROUTING_CONFIDENCE"]


def _confident(choices: list[Choice]) -> Choice | None:
    return choices[0] if choices and choices[0].confidence >= threshold() else None


def routing_proposal(text: str, *, k: int = TOP) -> Proposal:
    """What the published routers propose for ``text``: up to ``k`` categories and units, best first.

    Labels that no longer exist (a category removed, a unit deactivated) are skipped.
    """
    return Proposal(categories=_choices(CATEGORY, text, k), units=_choices(UNIT, text, k))


def routing_proposals(texts: list[str], *, k: int = TOP) -> list[Proposal]:
    """``routing_proposal`` for each of ``texts``, each router reading them all at once."""
    categories, units = (_many_choices(target, texts, k) for target in (CATEGORY, UNIT))
    return [Proposal(categories=c, units=u) for c, u in zip(categories, units, strict=True)]


def _choices(target: str, text: str, k: int) -> list[Choice]:
    router = load_newest(target)
    if router is None or not text.strip():
        return []
    return _known(target, router, router.suggest(text, k=k))


def _many_choices(target: str, texts: list[str], k: int) -> list[list[Choice]]:
    router = load_newest(target)
    routed = [i for i, text in enumerate(texts) if text.strip()]
    choices: list[list[Choice]] = [[] for _ in texts]
    if router is None or not routed:
        return choices
    for i, suggestions in zip(routed, router.suggest_many([texts[i] for i in routed], k=k), strict=True):
        choices[i] = _known(target, router, suggestions)
    return choices


def _known(target: str, router, suggestions) -> list[Choice]:
    objects = _label_objects(target, router)
    return [Choice(objects[s.label], s.confidence, s.top_words) for s in suggestions if s.label in objects]


# The categories and active units behind a router's labels, kept per process like the routers
# themselves (re-read after router_store.RECHECK_SECONDS, and at once when this process changes a
# category or unit): reading them for every registration cost a tenth of it. A unit deactivated in
# another process may be proposed for those seconds; forwarding to it is refused as ever.
_labels_lock = threading.Lock()
_labels: dict[str, tuple[str, float, dict[str, Category | Unit]]] = {}


def _label_objects(target: str, router) -> dict[str, Category | Unit]:
    with _labels_lock:
        now = time.monotonic()
        kept = _labels.get(target)
        if kept and kept[0] == router.version and now - kept[1] < RECHECK_SECONDS:
            return kept[2]
        if target == CATEGORY:
            objects = {c.name: c for c in Category.objects.filter(name__in=router.labels)}
        else:
            wanted = [int(label) for label in router.labels if label.isdigit()]
            objects = {str(u.pk): u for u in Unit.objects.filter(is_active=True, pk__in=wanted)}
        _labels[target] = (router.version, now, objects)
        return objects


def forget_label_objects(**_signal) -> None:
    """Read categories and units again at the next proposal (connected to their saves and deletes)."""
    with _labels_lock:
        _labels.clear()


def proposal_fields(proposal: Proposal) -> dict:
    """The petition fields that keep the proposal made at registration."""
    top_category = proposal.categories[0] if proposal.categories else None
    top_unit = proposal.units[0] if proposal.units else None
    return {
        "suggested_category": top_category.value if top_category else None,
        "category_confidence": top_category.confidence if top_category else None,
        "suggested_unit": top_unit.value if top_unit else None,
        "unit_confidence": top_unit.confidence if top_unit else None,
        "manual_routing": proposal.manual,
    }


def petition_repropose_waiting() -> int:
    """Give every case still waiting to be routed the proposal of the newest routers (after a router
    is published for the first time, or retrained); returns how many cases were updated. Safe to
    run twice. Not audited: it changes a proposal, not the case."""
    updated = 0
    waiting = Petition.objects.filter(status=S.REGISTERED).only("id", "title", "request", "facts", "reasons")
    for petition in waiting.iterator(chunk_size=500):
        fields = proposal_fields(routing_proposal(petition.text))
        updated += Petition.objects.filter(pk=petition.pk, status=S.REGISTERED).update(**fields)
    return updated


def route_prefill(petition: Petition) -> dict[str, int]:
    """Initial values of the routing form: the category already set, else the proposed one, and the
    proposed unit, each only if the router was sure enough."""
    sure = threshold()
    values = {}
    if petition.suggested_unit_id and (petition.unit_confidence or 0) >= sure:
        values["unit"] = petition.suggested_unit_id
    if petition.category_id:
        values["category"] = petition.category_id
    elif petition.suggested_category_id and (petition.category_confidence or 0) >= sure:
        values["category"] = petition.suggested_category_id
    return values


def record_choice(*, petition: Petition, target: str, chosen, now: datetime) -> None:
    """Keep what a person chose for ``target`` beside what the router proposed at registration.

    Nothing is recorded when there was no proposal: there is nothing to learn about the router then
    (the choice itself is training data through ``textsource.routings``).
    """
    record_choices([(petition, target, chosen)], now=now)


def record_choices(choices: list[tuple[Petition, str, object]], *, now: datetime) -> None:
    """``record_choice`` for each (petition, target, chosen), in one insert (a batch of registrations)."""
    RoutingFeedback.objects.bulk_create(
        feedback
        for petition, target, chosen in choices
        if (feedback := _feedback(petition, target, chosen, now))
    )


def _feedback(petition: Petition, target: str, chosen, now: datetime) -> RoutingFeedback | None:
    suggested, confidence = (
        (petition.suggested_category, petition.category_confidence)
        if target == CATEGORY
        else (petition.suggested_unit, petition.unit_confidence)
    )
    if suggested is None or chosen is None:
        return None
    label = (lambda v: v.name) if target == CATEGORY else (lambda v: str(v.pk))
    return RoutingFeedback(
        domain=DOMAIN,
        record_id=petition.pk,
        target=target,
        suggested=label(suggested),
        confidence=confidence,
        chosen=label(chosen),
        at=now,
    )
