"""The list behind a figure: the records counted in it, read through the owning app's selector.

A figure counts rollup rows within the viewer's scope; this list applies the same filters to the
records the app's own selector lets the viewer see, so every access rule of that app holds here.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from minsheng.core.periods import CHINA
from minsheng.insight import labels
from minsheng.insight.models import Source
from minsheng.insight.sources import day_bounds


@dataclass
class Query:
    source: str
    since: date | None = None
    until: date | None = None
    region_path: str = ""
    category: str = ""  # "none": without a category
    channel: str = ""
    state: str = ""
    unit: int | None = None
    accused: int | None = None
    kind: str = ""
    measure: str = ""  # accepted_late, completed_late, dissatisfied, visited, adopted, overdue, due_soon


BACKLOG = {"overdue", "due_soon"}


def records(user, q: Query, *, today: date | None = None) -> QuerySet:
    """The records of figure ``q`` the viewer may see, newest first."""
    today = today or timezone.localdate()
    build = {
        Source.PETITION: _petitions,
        Source.HOTLINE: _orders,
        Source.SUGGESTION: _suggestions,
        Source.VOLUNTEER: _service_records,
    }[Source(q.source)]
    qs, received, region = build(user, q, today)
    if q.since and q.until and q.measure not in BACKLOG:
        start, end = day_bounds(q.since, q.until)
        qs = qs.filter(**{f"{received}__gte": start, f"{received}__lt": end})
    if q.region_path:
        qs = qs.filter(**{f"{region}__path__startswith": q.region_path})
    return qs.order_by(f"-{received}", "-pk")


def _common(q: Query, *, category: str, channel: str, state: str, unit: str | None) -> Q:
    rule = Q()
    if q.category == "none":
        rule &= Q(**{f"{category}__isnull": True}) if category.endswith("_id") else Q(**{category: ""})
    elif q.category:
        is_id = q.category.isascii() and q.category.isdigit() and len(q.category) < 19
        # Not an id (a hand-edited link): nothing matches, rather than a database error.
        rule &= Q(**{category: q.category}) if is_id or not category.endswith("_id") else Q(pk__in=[])
    if q.channel:
        rule &= Q(**{channel: q.channel})
    if q.state:
        rule &= Q(**{state: q.state})
    if q.unit and unit:
        rule &= Q(**{unit: q.unit})
    return rule


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=CHINA)


def _petitions(user, q: Query, today: date):
    from minsheng.petitions.selectors import petitions_visible_to, running_duty, supervised_for
    from minsheng.petitions.workflow import Clock, Rating

    qs = petitions_visible_to(user).filter(
        _common(q, category="category_id", channel="channel", state="status", unit="unit_id")
    )
    if q.accused:
        qs = qs.filter(accused_unit_id=q.accused)
    if q.kind:
        qs = qs.filter(kind=q.kind)

    soon = today + timedelta(days=settings.MINSHENG["DUE_SOON_DAYS"])
    rules = {
        "accepted_late": lambda qs: qs.filter(accepted_at__isnull=False).filter(supervised_for(Clock.NOTIFY)),
        "completed_late": lambda qs: qs.filter(answered_at__isnull=False).filter(
            supervised_for(Clock.HANDLE)
        ),
        "dissatisfied": lambda qs: qs.filter(rating=Rating.DISSATISFIED),
        "repeat": lambda qs: qs.filter(repeat_of__isnull=False),
        "supervised": lambda qs: qs.filter(supervision_count__gt=0),
        "forwarded": lambda qs: qs.filter(assignment_kind="forward"),
        "assigned": lambda qs: qs.filter(assignment_kind="assign"),
        **_backlog_rules(running_duty(), today, soon),
    }
    if q.measure in rules:
        qs = rules[q.measure](qs)
    return qs.select_related("region", "unit", "category"), "received_at", "region"


def _backlog_rules(open_rule: Q, today: date, soon: date) -> dict:
    # Whole local days, as the rollup's due day counts them.
    return {
        "overdue": lambda qs: qs.filter(open_rule, due_at__lt=_start_of(today)),
        "due_soon": lambda qs: qs.filter(open_rule, due_at__gte=_start_of(today), due_at__lt=_start_of(soon)),
    }


def _orders(user, q: Query, today: date):
    from minsheng.hotline.models import Satisfaction
    from minsheng.hotline.selectors import orders_visible_to
    from minsheng.hotline.workflow import RUNNING

    qs = orders_visible_to(user).filter(
        _common(q, category="category_id", channel="channel", state="status", unit="unit_id")
    )
    if q.kind:
        qs = qs.filter(kind=q.kind)
    soon = today + timedelta(days=settings.MINSHENG["DUE_SOON_DAYS"])
    rules = {
        "completed_late": lambda qs: qs.filter(replied_at__isnull=False, replied_at__gt=F("due_at")),
        "visited": lambda qs: qs.filter(visited_at__isnull=False, reached=True),
        "dissatisfied": lambda qs: qs.filter(satisfaction=Satisfaction.DISSATISFIED),
        **_backlog_rules(Q(status__in=RUNNING, due_at__isnull=False), today, soon),
    }
    if q.measure in rules:
        qs = rules[q.measure](qs)
    return qs.select_related("region", "unit", "category"), "received_at", "region"


def _suggestions(user, q: Query, today: date):
    from minsheng.suggestions.selectors import suggestions_visible_to
    from minsheng.suggestions.workflow import ADOPTED_STATES, OPEN

    qs = suggestions_visible_to(user).filter(
        _common(q, category="topic_id", channel="channel", state="status", unit="study_unit_id")
    )
    soon = today + timedelta(days=settings.MINSHENG["DUE_SOON_DAYS"])
    rules = {
        "adopted": lambda qs: qs.filter(status__in=ADOPTED_STATES),
        "completed_late": lambda qs: qs.filter(decided_at__isnull=False, decided_at__gt=F("due_at")),
        **_backlog_rules(Q(status__in=OPEN, due_at__isnull=False), today, soon),
    }
    if q.measure in rules:
        qs = rules[q.measure](qs)
    return qs.select_related("region", "study_unit", "topic"), "received_at", "region"


def _service_records(user, q: Query, today: date):
    from minsheng.volunteers.permissions import scope_of
    from minsheng.volunteers.service.selectors import records_for

    qs = records_for(scope_of(user)).filter(
        _common(q, category="area", channel="source", state="status", unit=None)
    )
    return qs, "check_in_at", "region"


@dataclass
class Line:
    number: str
    title: str
    at: datetime
    region: str
    unit: str
    state: str
    url: str


def lines(source: str, page) -> list[Line]:
    """What the list shows of each record (never a person's identity)."""
    states = labels.states(source)
    out = []
    for r in page:
        if source == Source.VOLUNTEER:
            out.append(
                Line(
                    str(r.pk),
                    r.title,
                    timezone.localtime(r.check_in_at),
                    r.region.name,
                    str(r.team),
                    states.get(r.status, r.status),
                    reverse("volunteer_service:record", args=[r.pk]),
                )
            )
            continue
        unit = r.study_unit if source == Source.SUGGESTION else r.unit
        url = {
            Source.PETITION: ("petitions:case", r.number),
            Source.HOTLINE: ("hotline:order", r.number),
            Source.SUGGESTION: ("suggestions:suggestion", r.number),
        }[Source(source)]
        out.append(
            Line(
                r.number,
                r.title,
                timezone.localtime(r.received_at),
                r.region.name,
                str(unit or "—"),
                states.get(r.status, r.status),
                reverse(url[0], args=[url[1]]),
            )
        )
    return out
