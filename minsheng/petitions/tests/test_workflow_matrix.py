"""Role × step matrix (信访工作条例 Arts. 22–36 as encoded in workflow.STEPS).

Each row states, independently of the workflow table, who may take a step; the tests bring real
cases to each source state through the services and try every persona.
"""

import pytest

from minsheng.accounts.models import User
from minsheng.audit.chain import verify
from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError
from minsheng.petitions import workflow
from minsheng.petitions.tests.cases import BY, Cases
from minsheng.petitions.workflow import S

pytestmark = pytest.mark.django_db

# Staff of the county bureau, the housing bureau (handling), labour (outsider), the other county,
# the city and province bureaus (review, re-review), the petitioner and a citizen who is not.
PERSONAS = (
    "clerk",
    "leader",
    "handler",
    "head",
    "outsider",
    "other_clerk",
    "discipline_handler",
    "city_clerk",
    "province_clerk",
    "citizen",
    "stranger",
)

# Who may take each step: the rule of the statute, written out by hand (not read from STEPS).
ALLOWED = {
    ("forward", S.REGISTERED): {"clerk"},
    ("assign", S.REGISTERED): {"clerk"},
    ("redirect", S.REGISTERED): {"clerk"},
    ("redirect", S.ASSIGNED): {"handler", "head"},
    ("decline", S.REGISTERED): {"clerk"},
    ("link_repeat", S.REGISTERED): {"clerk"},
    ("object", S.ASSIGNED): {"handler", "head"},
    ("accept", S.ASSIGNED): {"handler", "head"},
    ("extend", S.ACCEPTED): {"head"},
    ("answer", S.ACCEPTED): {"handler", "head"},
    ("answer", S.EXTENDED): {"handler", "head"},
    ("settle", S.ACCEPTED): {"handler", "head"},
    ("settle", S.EXTENDED): {"handler", "head"},
    ("rate", S.ANSWERED): {"citizen", "clerk"},
    ("request_review", S.ANSWERED): {"citizen", "city_clerk"},
    ("request_review", S.RATED): {"citizen", "city_clerk"},
    ("decide_review", S.REVIEWING): {"city_clerk"},
    ("request_re_review", S.REVIEWED): {"citizen", "province_clerk"},
    ("start_hearing", S.RE_REVIEWING): {"province_clerk"},
    ("end_hearing", S.HEARING): {"province_clerk"},
    ("decide_re_review", S.RE_REVIEWING): {"province_clerk"},
}

STAFF_STEPS = [s for s in workflow.STEPS if s.name != "close"]


@pytest.fixture
def cases(world, now):
    world.users["stranger"] = User.objects.create_user(username="stranger", is_citizen=True)
    return Cases(world, now)


def attempt(cases: Cases, name: str, petition, persona: str) -> str:
    """ "ok" or the DomainError code; a refused attempt must leave no trace in the audit log."""
    arguments = cases.arguments(name)  # may file a case of its own (the original of a repeat)
    before = AuditEvent.objects.count()
    try:
        cases.take(name, petition, cases.world.users[persona], args=arguments)
    except DomainError as e:
        assert AuditEvent.objects.count() == before, f"{persona} refused but audited"
        return e.code
    return "ok"


def test_it_covers_every_step_and_source_state_of_the_table():
    assert set(ALLOWED) == {(s.name, state) for s in STAFF_STEPS for state in s.source}


@pytest.mark.parametrize(("name", "state"), sorted(ALLOWED), ids=lambda v: str(v))
def test_it_lets_only_the_entitled_personas_take_the_step(cases, name, state):
    allowed = ALLOWED[name, state]
    refused_case = cases.at(state)
    outcomes = {}
    for persona in PERSONAS:
        if persona in allowed:
            outcomes[persona] = attempt(cases, name, cases.at(state), persona)
        else:
            outcomes[persona] = attempt(cases, name, refused_case, persona)
    assert outcomes == {p: "ok" if p in allowed else "forbidden" for p in PERSONAS}
    refused_case.refresh_from_db()
    assert refused_case.status == state


@pytest.mark.parametrize("state", list(S), ids=str)
def test_it_refuses_every_step_from_a_state_it_does_not_start_from(cases, state):
    petition = cases.at(state)
    outcomes = {
        s.name: attempt(cases, s.name, petition, BY[s.name]) for s in STAFF_STEPS if state not in s.source
    }
    assert outcomes == dict.fromkeys(outcomes, "wrong_state")
    petition.refresh_from_db()
    assert petition.status == state


@pytest.mark.parametrize(("name", "state"), sorted(ALLOWED), ids=lambda v: str(v))
def test_it_records_exactly_one_audit_event_per_step(cases, name, state):
    petition = cases.at(state)
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    actor = sorted(ALLOWED[name, state])[0]
    petition = cases.take(name, petition, cases.world.users[actor])
    new = list(AuditEvent.objects.filter(id__gt=last).values_list("action", "target_id"))
    assert [(a, t) for a, t in new if t == str(petition.pk)] == [
        (f"petitions.petition.{name}", str(petition.pk))
    ]
    assert verify().ok


def test_it_records_one_event_when_the_scan_closes_a_case(cases):
    petition = cases.at(S.ANSWERED)
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    petition = cases.take("close", petition, None)
    assert petition.status == S.CLOSED
    assert list(AuditEvent.objects.filter(id__gt=last).values_list("action", flat=True)) == [
        "petitions.petition.close"
    ]
    assert verify().ok


def test_it_records_one_event_when_a_petition_is_registered(cases):
    before = AuditEvent.objects.count()
    petition = cases.file()
    events = AuditEvent.objects.order_by("id")[before:]
    assert [(e.action, e.target_id) for e in events] == [("petitions.petition.registered", str(petition.pk))]
    assert verify().ok


def test_it_offers_a_persona_exactly_the_steps_it_may_take(cases):
    from minsheng.petitions.permissions import roles_by_unit

    petition = cases.at(S.REGISTERED)
    offered = {
        p: {s.name for s in workflow.allowed(petition.status, roles_by_unit(cases.world.users[p], petition))}
        for p in ("clerk", "handler", "outsider", "leader")
    }
    assert offered == {
        "clerk": {"forward", "assign", "redirect", "decline", "link_repeat"},
        "handler": set(),
        "outsider": set(),
        "leader": set(),
    }
