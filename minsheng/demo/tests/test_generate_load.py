import io
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count

from minsheng.accounts.models import User
from minsheng.people.models import Person
from minsheng.petitions.models import NumberSequence, Petition
from minsheng.petitions.workflow import TERMINAL, WINDOWS, S

pytestmark = pytest.mark.django_db(transaction=False)

N = 2_000


@pytest.fixture
def loaded(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    out = io.StringIO()
    call_command("generate_load", cases=N, stdout=out)
    return out.getvalue()


def test_it_generates_the_asked_number_of_cases_with_a_pool_of_repeat_petitioners(loaded):
    assert f"{N:,} cases" in loaded and "rows/s" in loaded
    assert Petition.objects.count() == N
    persons = Person.objects.count()
    assert 0 < persons < N  # one person writes several times
    busiest = Petition.objects.values("petitioner").annotate(n=Count("id")).order_by("-n").first()
    assert busiest["n"] >= 5  # a repeat petitioner
    assert all(
        p.name_enc.startswith("gAAAA") and len(p.id_number_bi) == 64 for p in Person.objects.all()[:20]
    )


def test_it_spreads_cases_over_ten_years_with_consistent_states_and_dates(loaded):
    years = Counter(p.received_at.year for p in Petition.objects.only("received_at"))
    assert len(years) >= 10
    states = Counter(Petition.objects.values_list("status", flat=True))
    assert states[S.CLOSED] > N // 2  # most history is closed
    assert {S.REDIRECTED, S.NOT_ACCEPTED, S.ACCEPTED, S.ASSIGNED} <= set(states)
    for p in Petition.objects.all():
        if p.status in TERMINAL:
            assert p.closed_at is not None and p.closed_at >= p.received_at and p.due_at is None
        else:
            assert p.due_at is not None and p.closed_at is None
        if p.answered_at:
            assert p.accepted_at <= p.answered_at and p.outcome
        if p.overdue_since:
            assert p.due_clock not in WINDOWS and p.supervision_count == 1
    assert Petition.objects.filter(overdue_since__isnull=False).exists()  # the backlog the scan finds


def test_it_numbers_cases_in_the_yearly_format_and_moves_the_counters(loaded):
    numbers = list(Petition.objects.values_list("number", flat=True))
    assert len(set(numbers)) == N
    assert all(re.fullmatch(r"XF20\d\d-\d{6,}", n) for n in numbers)
    latest = Petition.objects.order_by("-received_at").first()
    seq = NumberSequence.objects.get(prefix=latest.number.split("-")[0])
    assert seq.last == int(latest.number.split("-")[1])


def test_it_generates_again_without_clashing(loaded, settings):
    call_command("generate_load", cases=300, stdout=io.StringIO())
    assert Petition.objects.count() == N + 300
    assert Petition.objects.values("number").distinct().count() == N + 300


def test_it_shows_a_handler_the_generated_queue_and_overdue_list(loaded, client):
    handler = User.objects.get(username="handler")
    client.force_login(handler)
    open_cases = Petition.objects.filter(unit__memberships__user=handler).exclude(status__in=TERMINAL)
    first = open_cases.order_by("due_at", "id").first()
    page = client.get("/staff/")
    assert page.status_code == 200 and first.number in page.content.decode()
    assert client.get("/staff/overdue/").status_code == 200
    assert first.number in client.get(f"/staff/?q={first.number}").content.decode()
