"""Synthetic case history: one petition row at a time, consistent with the workflow and its clocks.

A case is simulated from its receipt: routing, acceptance, answer, the review window, sometimes a
review and a re-review, each after a realistic delay. Where ``now`` cuts the story is the state it is
in; its ``due_at`` is the clock that state runs (computed by ``core.periods`` on the official calendar,
cached per start day). A small share of old cases stays stuck in a step: the backlog that the overdue
scan and the leaders' list must find among millions of closed ones.
"""

import random
from datetime import date, datetime, timedelta

from minsheng.core.periods import CHINA, Period, days
from minsheng.demo import invent, plan, texts
from minsheng.demo.world import DemoWorld
from minsheng.petitions.workflow import Channel, Clock, Kind, Outcome, Rating, S

ROUTE, NOTIFY, HANDLE, WINDOW, REVIEW = days(15), days(15), days(60), days(30), days(30)
STUCK_SHARE = 0.004  # of older cases: still open long past their deadline
OUTCOMES = ((Outcome.SUPPORT, 35), (Outcome.EXPLAIN, 35), (Outcome.NOT_SUPPORT, 20),
            (Outcome.MEDIATED, 6), (Outcome.SETTLED, 4))  # fmt: skip
RATINGS = ((Rating.SATISFIED, 55), (Rating.BASICALLY, 30), (Rating.DISSATISFIED, 15), ("", 25))


class Deadlines:
    """``Period.due`` on the official calendar, cached per (period, start day): 10 years of history
    reuse a few thousand distinct computations."""

    def __init__(self, calendar):
        self.calendar = calendar
        self.cache: dict[tuple[Period, date], tuple[datetime, bool]] = {}

    def due(self, period: Period, start: datetime) -> tuple[datetime, bool]:
        key = (period, start.astimezone(CHINA).date())
        found = self.cache.get(key)
        if found is None:
            d = period.due(start, self.calendar)
            found = self.cache[key] = (d.due_at, bool(d.warnings))
        return found


class TextPool:
    """Pre-rendered case texts: templates × the demo's invented vocabulary, drawn at random.

    Rendering is the slowest part of a row; a pool of a few thousand variants per template keeps
    the vocabulary's real frequencies at a fraction of the cost.
    """

    def __init__(self, rng: random.Random, world: DemoWorld, size: int):
        self.items = []
        for _ in range(size):
            kind, template = _template(rng)
            code, intake, unit = plan._place(rng, world, template)
            region = world.regions[code]
            street = world.regions[code[:9]].name
            place = region.name if len(code) > 9 else street
            accused = plan._street_office(world, code) if template.accused == "street" else template.accused
            words = invent.words(rng, street=street, place=place, unit_name=world.units[accused or unit].name)
            self.items.append(
                {
                    "kind": kind,
                    "legal": template.legal,
                    "category": template.category,
                    "region": code,
                    "intake": intake,
                    "unit": unit,
                    "accused": accused,
                    "accused_person": template.accused_person.format(**words),
                    "title": template.title.format(**words)[:120],
                    "request": template.request.format(**words),
                    "facts": template.facts.format(**words),
                    "reasons": template.reasons.format(**words),
                }
            )


def _template(rng: random.Random) -> tuple[str, texts.Template]:
    roll = rng.random()
    if roll < 0.04:
        return Kind.REQUEST, rng.choice(texts.LEGAL)
    if roll < 0.12:
        return Kind.REPORT, rng.choice(texts.REPORTS)
    if roll < 0.18:
        return Kind.SUGGESTION, rng.choice(texts.SUGGESTIONS)
    return Kind.REQUEST, rng.choice(texts.REQUESTS)


def _weighted(rng, pairs):
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _later(rng: random.Random, at: datetime, low: float, high: float) -> datetime:
    """A moment ``low``–``high`` days after ``at``."""
    return at + timedelta(seconds=rng.uniform(low * 86400, high * 86400))


def simulate(rng: random.Random, item: dict, received: datetime, now: datetime, dl: Deadlines) -> dict:
    """The petition row's lifecycle fields for a case received at ``received``, as seen at ``now``."""
    row = {"status": S.REGISTERED, "received_at": received}
    stuck = rng.random() < STUCK_SHARE and (now - received).days > 120
    limit = received + timedelta(days=rng.uniform(5, 90)) if stuck else now

    def clock(period, start, name):
        row["due_at"], row["due_warning"] = dl.due(period, start)
        row["due_clock"] = name

    clock(ROUTE, received, Clock.ROUTE)
    if item["legal"] or rng.random() < 0.04:  # 诉访分离, or not accepted (Art. 19)
        at = _later(rng, received, 0.2, 10)
        if at > limit:
            return _overdue(row, now)
        row.update(status=S.REDIRECTED if item["legal"] else S.NOT_ACCEPTED, closed_at=at)
        row["decision_note"] = texts.LEGAL_NOTES.get(item["legal"], rng.choice(texts.DECLINE_REASONS))
        row["legal_channel"] = item["legal"]
        return _terminal(row)
    assigned = _later(rng, received, 0.3, 16 if rng.random() < 0.05 else 9)
    if assigned > limit:
        return _overdue(row, now)
    row.update(status=S.ASSIGNED, assigned_at=assigned, assignment_kind=rng.choice(("forward", "assign")))
    clock(NOTIFY, assigned, Clock.NOTIFY)
    accepted = _later(rng, assigned, 0.5, 17 if rng.random() < 0.05 else 12)
    if accepted > limit:
        return _overdue(row, now)
    row.update(status=S.ACCEPTED, accepted_at=accepted)
    clock(HANDLE, accepted, Clock.HANDLE)
    if rng.random() < 0.06:  # Art. 34: extension ≤ 30 days by the head
        row["extension_days"] = rng.choice((10, 15, 20, 30))
        row["extension_reason"] = rng.choice(texts.EXTEND_REASONS)
        row["due_at"], row["due_warning"] = dl.due(days(row["extension_days"]), row["due_at"])
        row["status"] = S.EXTENDED if accepted + timedelta(days=40) < limit else S.ACCEPTED
    answered = _later(rng, accepted, 7, 75 if row.get("extension_days") else 62)
    if answered > limit:
        return _overdue(row, now)
    outcome = _weighted(rng, OUTCOMES)
    row.update(status=S.ANSWERED, answered_at=answered, outcome=outcome)
    row["answer_decision"] = texts.DECISIONS.get(outcome, texts.AGREEMENTS[0]).format(
        n=rng.randint(5, 20), unit=""
    )
    clock(WINDOW, answered, Clock.REVIEW_WINDOW)
    rating = _weighted(rng, RATINGS)
    reviews = rng.random() < (0.25 if rating == Rating.DISSATISFIED else 0.02)
    if rating and _later(rng, answered, 1, 20) < limit:
        row.update(status=S.RATED, rating=rating)
    if not reviews:
        closed = row["due_at"]
        if closed > now:
            return row
        row.update(status=S.CLOSED, closed_at=closed)
        return _terminal(row)
    requested = _later(rng, answered, 3, 28)
    if requested > limit:
        return row
    row.update(status=S.REVIEWING)
    row["review_unit"] = True  # the next level's bureau; resolved by the caller
    clock(REVIEW, requested, Clock.REVIEW)
    reviewed = _later(rng, requested, 10, 33)
    if reviewed > limit:
        return _overdue(row, now)
    row.update(status=S.REVIEWED, review_decision=rng.choice(texts.REVIEW_DECISIONS))
    clock(WINDOW, reviewed, Clock.RE_REVIEW_WINDOW)
    if rng.random() > 0.3:
        if row["due_at"] > now:
            return row
        row.update(status=S.CLOSED, closed_at=row["due_at"])
        return _terminal(row)
    re_requested = _later(rng, reviewed, 3, 28)
    if re_requested > limit:
        return row
    row.update(status=S.RE_REVIEWING)
    clock(REVIEW, re_requested, Clock.RE_REVIEW)
    decided = _later(rng, re_requested, 10, 33)
    if decided > limit:
        return _overdue(row, now)
    row.update(status=S.FINAL, closed_at=decided, re_review_decision=rng.choice(texts.RE_REVIEW_DECISIONS))
    return _terminal(row)


def _terminal(row: dict) -> dict:
    row.update(due_at=None, due_clock="", due_warning=False, overdue_since=None)
    return row


def _overdue(row: dict, now: datetime) -> dict:
    """An open duty whose deadline has passed is overdue (and was supervised once, 督办)."""
    if row["due_at"] < now:
        row["overdue_since"] = row["due_at"]
        row["supervision_count"] = 1
    return row


def channel(rng: random.Random) -> str:
    return _weighted(rng, plan.CHANNELS)


__all__ = ["Channel", "Deadlines", "TextPool", "channel", "simulate"]
