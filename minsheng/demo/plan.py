"""What the demo's petitions will go through: a target state, a story and a timeline for each case.

Planning is pure (no database writes): ``plan_cases`` returns cases whose ``events`` are (time, step)
pairs; ``play.py`` then performs every event, all cases interleaved in time order, through the real
services. Timelines are chosen so that the deadline scan run at the end leaves each case in its
target state: windows still open for answered cases, some duties overdue (and supervised).
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from minsheng.people.services import Identity
from minsheng.petitions.workflow import CONCLUDED, IN_HANDLING, Channel, Kind, Outcome, Rating, S

from . import invent, texts
from .world import DemoWorld

# How many cases end in each state (plus the repeats, which end "not accepted").
STATE_MIX = {
    S.REGISTERED: 30, S.ASSIGNED: 22, S.REDIRECTED: 12, S.NOT_ACCEPTED: 10, S.ACCEPTED: 45, S.EXTENDED: 12,
    S.ANSWERED: 24, S.RATED: 26, S.REVIEWING: 12, S.REVIEWED: 10, S.RE_REVIEWING: 7, S.HEARING: 4,
    S.FINAL: 8, S.CLOSED: 55,
}  # fmt: skip
REPEATS = 14
JOINT_PEOPLE = 7  # residents writing about one blocked drain (texts.JOINT_MATTER)

_HANDLED = ("route", "accept", "answer")
_REVIEW = (*_HANDLED, "rate", "request_review", "decide_review")
PATHS = {
    S.REGISTERED: (),
    S.ASSIGNED: ("route",),
    S.REDIRECTED: ("route", "redirect"),  # the handling unit finds a legal channel (Art. 31)…
    S.NOT_ACCEPTED: ("decline",),
    S.ACCEPTED: ("route", "accept"),
    S.EXTENDED: ("route", "accept", "extend"),
    S.ANSWERED: _HANDLED,
    S.RATED: (*_HANDLED, "rate"),
    S.REVIEWING: _REVIEW[:-1],
    S.REVIEWED: _REVIEW,
    S.RE_REVIEWING: (*_REVIEW, "request_re_review"),
    S.HEARING: (*_REVIEW, "request_re_review", "start_hearing"),
    S.FINAL: (*_REVIEW, "request_re_review", "start_hearing", "end_hearing", "decide_re_review"),
    S.CLOSED: _HANDLED,  # the review window runs out; the scan closes the case
}
# Days between a step and the one before it.
GAPS = {
    "route": (0.05, 3), "misroute": (0.05, 2), "object": (0.2, 2), "redirect": (0.5, 5),
    "decline": (0.3, 5), "link_repeat": (0.1, 2), "accept": (0.5, 8), "extend": (40, 58),
    "answer": (5, 40), "rate": (0.5, 6), "request_review": (2, 12), "decide_review": (5, 20),
    "request_re_review": (2, 10), "start_hearing": (3, 8), "end_hearing": (1, 5), "decide_re_review": (3, 15),
}  # fmt: skip
# How long ago (days) the last step was taken, as bands picked at random. Past 15 (routing), 60
# (handling) or 30 (review) days a duty is overdue and the scan supervises it; the middle bands put
# cases a few days before their deadline; answers older than 30 days are closed by the scan.
AGES = {
    S.REGISTERED: ((0, 11), (12, 14.5), (16, 24)), S.ASSIGNED: ((0, 11), (12, 14.5), (16, 20)),
    S.REDIRECTED: ((0, 80),), S.NOT_ACCEPTED: ((0, 80),), S.ACCEPTED: ((0, 56), (57, 59.5), (61, 72)),
    S.EXTENDED: ((0, 15),), S.ANSWERED: ((0, 26),), S.RATED: ((0, 20),),
    S.REVIEWING: ((0, 26), (27, 29.5), (31, 36)), S.REVIEWED: ((0, 26),),
    S.RE_REVIEWING: ((0, 26), (27, 29.5), (31, 34)), S.HEARING: ((0, 8),), S.FINAL: ((0, 30),),
    S.CLOSED: ((34, 60),),
}  # fmt: skip
HORIZON_DAYS = 88
# An anonymous informant cannot be told the answer, so cannot rate or ask for a review.
ANONYMOUS_STATES = {S.REGISTERED, S.ASSIGNED, S.ACCEPTED, S.EXTENDED, S.ANSWERED, S.CLOSED}
SUGGESTION_STATES = {S.REGISTERED, S.ASSIGNED, S.ACCEPTED, S.ANSWERED, S.RATED, S.CLOSED, S.NOT_ACCEPTED}
CHANNELS = ((Channel.ONLINE, 40), (Channel.PHONE, 20), (Channel.LETTER, 15), (Channel.VISIT, 20),
            (Channel.FAX, 5))  # fmt: skip
_CITIZEN_ID17 = "99010219880612042"
CITIZEN = Identity(
    name="刘小梅",
    id_number=_CITIZEN_ID17 + invent.check_digit(_CITIZEN_ID17),
    phone="13900001234",
    address="江南省云州市青川区东湖街道湖滨社区锦绣花园6栋2单元501室",
)
_DEPARTMENTS = ("housing", "labour", "environment", "market", "education", "health", "transport", "urban")
# Units that only the first county has: its cases and every report stay there.
_SECOND_COUNTY = {"housing": "b_housing", "labour": "b_labour"}


@dataclass
class Case:
    target: S
    template: texts.Template
    kind: str
    channel: str
    region_code: str
    intake_key: str  # the petition bureau that registers it
    unit_key: str  # the unit that handles it
    words: dict[str, str]
    identity: Identity | None
    representatives: list[Identity] = field(default_factory=list)
    headcount: int = 1
    account: str = ""  # username of a portal account
    accused_key: str = ""  # the unit a report accuses
    wrong_unit: str = ""  # first routed here by mistake; that unit objects (Art. 23)
    outcome: str = ""
    rating: str = ""
    original: "Case | None" = None
    events: list[tuple[datetime, str]] = field(default_factory=list)
    petition: object = None  # set when played

    @property
    def anonymous(self) -> bool:
        return self.identity is None


def _weighted(rng, pairs):
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _place(rng: random.Random, world: DemoWorld, template: texts.Template) -> tuple[str, str, str]:
    """(region code, intake bureau key, handling unit key) for a case of ``template``."""
    second = template.unit in (*_SECOND_COUNTY, "street") and not template.accused and rng.random() < 0.25
    county = "990103" if second else "990102"
    places = [c for c in world.regions if c.startswith(county) and len(c) > 6]
    code = rng.choice(places)
    unit = template.unit
    if unit == "street":
        unit = _street_office(world, code)
    elif second:
        unit = _SECOND_COUNTY[unit]
    return code, ("b_bureau" if second else "bureau"), unit


def _street_office(world: DemoWorld, code: str) -> str:
    street = world.regions[code[:9]]
    return next(k for k, u in world.units.items() if u.region_id == street.pk)


def _template(rng: random.Random, target: S) -> tuple[str, texts.Template]:
    if target == S.REDIRECTED:
        return Kind.REQUEST, rng.choice(texts.LEGAL)
    roll = rng.random()
    if target in ANONYMOUS_STATES and roll < 0.15:
        return Kind.REPORT, rng.choice(texts.REPORTS)
    if target in SUGGESTION_STATES and roll > 0.92:
        return Kind.SUGGESTION, rng.choice(texts.SUGGESTIONS)
    return Kind.REQUEST, rng.choice(texts.REQUESTS)


def _people(rng, case: Case, street: str, place: str, area: str) -> None:
    """The petitioner, and for a collective visit its headcount and representatives (Art. 20)."""
    if case.kind == Kind.REPORT and rng.random() < 0.5:
        case.identity = None
        return
    if case.channel == Channel.VISIT and case.kind == Kind.REQUEST and rng.random() < 0.3:
        case.headcount = rng.randint(5, 40)
        case.representatives = [
            invent.identity(rng, street=street, place=place, area=area) for _ in range(rng.randint(1, 5))
        ]
        case.identity = case.representatives[0]
    elif case.template.unit == "housing" and rng.random() < 0.08:
        case.identity = invent.organization(rng, street=street, place=place)
        case.headcount = rng.randint(2, 12)


def _case(rng: random.Random, world: DemoWorld, target: S) -> Case:
    kind, template = _template(rng, target)
    code, intake, unit = _place(rng, world, template)
    region = world.regions[code]
    street = world.regions[code[:9]].name
    place = region.name if len(code) > 9 else street
    accused = _street_office(world, code) if template.accused == "street" else template.accused
    named = world.units[accused or unit].name
    case = Case(
        target=target,
        template=template,
        kind=kind,
        channel=_weighted(rng, CHANNELS),
        region_code=code,
        intake_key=intake,
        unit_key=unit,
        words=invent.words(rng, street=street, place=place, unit_name=named),
        identity=None,
        accused_key=accused,
    )
    case.identity = invent.identity(rng, street=street, place=place, area=code[:6])
    _people(rng, case, street, place, code[:6])
    case.outcome = _weighted(
        rng, ((Outcome.SUPPORT, 35), (Outcome.EXPLAIN, 35), (Outcome.NOT_SUPPORT, 20),
              (Outcome.MEDIATED, 6), (Outcome.SETTLED, 4)),
    )  # fmt: skip
    reviews = "request_review" in PATHS[target]
    case.rating = Rating.DISSATISFIED if reviews else _weighted(
        rng, ((Rating.SATISFIED, 55), (Rating.BASICALLY, 30), (Rating.DISSATISFIED, 15))
    )  # fmt: skip
    if reviews and case.outcome in (Outcome.MEDIATED, Outcome.SETTLED, Outcome.SUPPORT):
        case.outcome = Outcome.NOT_SUPPORT
    return case


def _path(rng: random.Random, case: Case) -> list[str]:
    path = list(PATHS[case.target])
    if "request_review" in path and rng.random() < 0.5:
        path.remove("rate")
    if case.target == S.FINAL and rng.random() < 0.5:
        path = [s for s in path if not s.endswith("_hearing")]
    if case.target == S.REDIRECTED and rng.random() < 0.5:
        path = ["redirect"]  # separated at the front desk, before routing (诉访分离)
    if case.target == S.CLOSED and rng.random() < 0.2:
        path = list(_REVIEW)  # closed because the re-review window ran out
    if "accept" in path and case.intake_key == "bureau" and case.kind != Kind.REPORT and rng.random() < 0.08:
        case.wrong_unit = rng.choice([k for k in _DEPARTMENTS if k != case.unit_key])
        path[0:0] = ["misroute", "object"]
    return path


def _timeline(rng: random.Random, case: Case, path: list[str], now: datetime) -> None:
    """Received date and step times: steps in order, the last one ``AGES[target]`` days ago."""
    gaps = [rng.uniform(*GAPS[step]) for step in path]
    age = rng.uniform(*rng.choice(AGES[case.target])) + 0.02
    if sum(gaps) + age > HORIZON_DAYS:
        scale = max(HORIZON_DAYS - age, 1) / sum(gaps)
        gaps = [g * scale for g in gaps]
    when = now - timedelta(days=age + sum(gaps))
    case.events = [(when, "submit")]
    for step, gap in zip(path, gaps, strict=True):
        when += timedelta(days=gap)
        case.events.append((when, step))


def _repeat(rng: random.Random, original: Case, now: datetime) -> Case:
    """The same petitioner with the same matter while it is still handled (or after it is final)."""
    words = dict(original.words)
    case = Case(
        target=S.NOT_ACCEPTED, template=original.template, kind=original.kind,
        channel=rng.choice((Channel.PHONE, Channel.VISIT, Channel.LETTER, Channel.ONLINE)),
        region_code=original.region_code, intake_key=original.intake_key, unit_key=original.unit_key,
        words=words, identity=original.identity, accused_key=original.accused_key, original=original,
    )  # fmt: skip
    last = original.events[-1][0]
    received = last + timedelta(days=rng.uniform(0.2, max((now - last).days - 1.5, 0.3)))
    case.events = [(received, "submit"), (received + timedelta(days=rng.uniform(0.05, 1)), "link_repeat")]
    return case


def plan_cases(world: DemoWorld, now: datetime, rng: random.Random) -> list[Case]:
    """Every demo case with its timeline; the first ANSWERED case belongs to the portal citizen."""
    cases = []
    for target, count in STATE_MIX.items():
        for _ in range(count):
            case = _case(rng, world, target)
            _timeline(rng, case, _path(rng, case), now)
            cases.append(case)
    _give_cases_to_citizen(rng, cases)
    candidates = [
        c for c in cases
        if (c.target in IN_HANDLING or c.target in CONCLUDED) and not c.anonymous
        and (now - c.events[-1][0]).days >= 3
    ]  # fmt: skip
    cases += [_repeat(rng, original, now) for original in rng.sample(candidates, REPEATS)]
    cases += _joint_matter(rng, world, now)
    return cases


def _joint_matter(rng: random.Random, world: DemoWorld, now: datetime) -> list[Case]:
    """Several residents of one estate raise the same matter in the last two weeks, in their own words."""
    code = next(c for c in world.regions if c.startswith("990102") and len(c) > 9)
    street = world.regions[code[:9]].name
    words = invent.words(rng, street=street, place=world.regions[code].name, unit_name="")
    cases = []
    for i in range(JOINT_PEOPLE):
        m = texts.JOINT_MATTER
        template = texts.Template(
            m.category, m.unit, m.title,
            rng.choice(texts.JOINT_GREETINGS) + m.request + rng.choice(texts.JOINT_CLOSINGS),
            m.facts + rng.choice(texts.JOINT_EXTRA), m.reasons,
        )  # fmt: skip
        target = S.ASSIGNED if i < 2 else S.REGISTERED
        case = Case(
            target=target, template=template, kind=Kind.REQUEST,
            channel=rng.choice((Channel.ONLINE, Channel.PHONE)),
            region_code=code, intake_key="bureau", unit_key=_street_office(world, code), words=words,
            identity=invent.identity(rng, street=street, place=world.regions[code].name, area=code[:6]),
        )  # fmt: skip
        received = now - timedelta(days=rng.uniform(0.5, 13))
        case.events = [(received, "submit")]
        if target == S.ASSIGNED:
            case.events.append((received + timedelta(hours=rng.uniform(2, 20)), "route"))
        cases.append(case)
    return cases


def _give_cases_to_citizen(rng: random.Random, cases: list[Case]) -> None:
    """A few online requests filed through the portal account, one of them answered recently."""
    eligible = [
        c for c in cases if c.kind == Kind.REQUEST and c.intake_key == "bureau" and not c.representatives
    ]
    answered = [c for c in eligible if c.target == S.ANSWERED]
    others = rng.sample([c for c in eligible if c.target != S.ANSWERED], 5)
    chosen = [max(answered, key=lambda c: c.events[-1][0]), *others]
    for case in chosen:
        case.account, case.identity, case.channel = "citizen", CITIZEN, Channel.ONLINE
        case.headcount = 1
