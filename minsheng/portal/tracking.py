"""What a petitioner proved in this browser session, and what the status page shows them.

The proof is the case number and query code, checked once by ``petition_for_citizen``; afterwards the
session remembers the number for a short idle time, so rating or requesting a review needs no
re-entry. It expires quickly because portal pages are often used on shared computers. A citizen
logged in to a portal account needs no code for the cases filed from that account.
"""

import time
from dataclasses import dataclass
from datetime import datetime

from minsheng.petitions.models import Petition
from minsheng.petitions.permissions import citizen_roles
from minsheng.petitions.workflow import WINDOWS, S, allowed

SESSION_KEY = "tracked"
UNTIL_KEY = "tracked_until"
IDLE_SECONDS = 30 * 60
MAX_TRACKED = 10

# The steps a petitioner takes on the portal (the workflow table says when each is allowed).
CITIZEN_STEPS = ("rate", "request_review", "request_re_review")
_REVIEW_STATES = frozenset({S.REVIEWING, S.REVIEWED, S.RE_REVIEWING, S.HEARING, S.FINAL})
_DATES = ("received_at", "assigned_at", "accepted_at", "answered_at", "closed_at")


def remember(session, number: str) -> None:
    """Record a proven case number; a new session key guards against a planted (fixated) session."""
    tracked = [n for n in session.get(SESSION_KEY, []) if n != number][-(MAX_TRACKED - 1) :]
    session.cycle_key()
    session[SESSION_KEY] = [*tracked, number]
    session[UNTIL_KEY] = time.time() + IDLE_SECONDS


def forget(session) -> None:
    session.pop(SESSION_KEY, None)
    session.pop(UNTIL_KEY, None)


def is_proven(session, number: str) -> bool:
    """True if this session proved ``number`` and has not been idle too long; use extends the time."""
    if session.get(UNTIL_KEY, 0) < time.time():
        forget(session)
        return False
    if number not in session.get(SESSION_KEY, []):
        return False
    session[UNTIL_KEY] = time.time() + IDLE_SECONDS
    return True


def _cases():
    return Petition.objects.select_related("unit", "intake_unit", "review_unit", "category")


def petition_for_visitor(request, number: str) -> Petition | None:
    """The case if this visitor may see and act on it, else None (the caller asks for number and code).

    The one rule of the portal: the session proved number and query code, or the case was filed
    from the logged-in account. Anyone else meets exactly what a wrong code meets, so that the
    page never tells another account holder that a number exists.
    """
    if is_proven(request.session, number):
        return _cases().filter(number=number).first()
    if request.user.is_authenticated:
        return _cases().filter(number=number, account=request.user).first()
    return None


def acting_account(request, petition: Petition):
    """The account that acts on its own case (named in the audit log), else None: a proven visitor."""
    user = request.user
    return user if user.is_authenticated and petition.account_id == user.pk else None


@dataclass(frozen=True)
class Row:
    """One line of "my petitions": what the petitioner needs to find the case again."""

    petition: Petition
    unit_name: str
    deadline: datetime | None


def petitions_of(user) -> list[Row]:
    """The account's own cases, newest first (a petitioner has a handful, never thousands)."""
    cases = _cases().filter(account=user).order_by("-received_at", "-id")
    return [Row(petition=p, unit_name=_unit_name(p), deadline=_deadline(p)) for p in cases]


def _unit_name(petition: Petition) -> str:
    unit = handling_unit(petition)
    return unit.name if unit else ""


def _deadline(petition: Petition) -> datetime | None:
    # A hearing stops the clock (Art. 36): no date is promised while it lasts.
    if petition.is_open and petition.due_at is not None and petition.status != S.HEARING:
        return petition.due_at
    return None


@dataclass(frozen=True)
class Status:
    """The status page of one case as the petitioner sees it: no personal data at all."""

    petition: Petition
    unit_name: str
    dates: list[tuple[str, datetime]]
    deadline: datetime | None
    deadline_label: str
    deadline_is_window: bool
    answered: bool
    steps: frozenset[str]


def handling_unit(petition: Petition):
    """Who has the case now: the review body during review, else the responsible unit, else intake."""
    if petition.status in _REVIEW_STATES and petition.review_unit_id:
        return petition.review_unit
    return petition.unit or petition.intake_unit


def status_of(petition: Petition, *, now: datetime) -> Status:
    """What the petitioner sees; a request form is offered only while its 30-day window is open."""
    dates = [
        (str(Petition._meta.get_field(name).verbose_name), getattr(petition, name))
        for name in _DATES
        if getattr(petition, name)
    ]
    deadline = _deadline(petition)
    steps = {s.name for s in allowed(petition.status, citizen_roles())} & set(CITIZEN_STEPS)
    window_over = petition.due_clock in WINDOWS and petition.due_at is not None and petition.due_at < now
    if window_over:  # the service refuses it too (Arts. 35, 36); this only spares a useless form
        steps -= {"request_review", "request_re_review"}
    unit = handling_unit(petition)
    return Status(
        petition=petition,
        unit_name=unit.name if unit else "",
        dates=dates,
        deadline=deadline,
        deadline_label=petition.get_due_clock_display() if deadline else "",
        deadline_is_window=petition.due_clock in WINDOWS,
        answered=bool(petition.outcome or petition.answered_at),
        steps=frozenset(steps),
    )
