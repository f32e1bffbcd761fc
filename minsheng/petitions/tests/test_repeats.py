"""Repeat petitions (信访工作条例 Arts. 19, 36).

A matter still being handled, or concluded by re-review, is not accepted again.
"""

import pytest

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.people.services import Identity
from minsheng.petitions import selectors, services
from minsheng.petitions.tests.cases import Cases
from minsheng.petitions.workflow import S
from minsheng.testing import ID_NUMBERS

OTHER_ID_NUMBER = "110101198507120014"

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(world, now):
    return Cases(world, now)


def link(cases: Cases, repeat, original):
    return services.petition_link_repeat(
        petition=repeat, actor=cases.world.users["clerk"], now=cases.tick(), original=original
    )


@pytest.mark.parametrize("state", [S.REGISTERED, S.ACCEPTED, S.EXTENDED, S.REVIEWING, S.HEARING])
def test_it_does_not_accept_again_a_matter_still_being_handled(cases, state):
    original = cases.at(state)
    repeat = link(cases, cases.file(), original)
    assert repeat.status == S.NOT_ACCEPTED and repeat.repeat_of == original
    assert "条例第19条" in repeat.decision_note and original.number in repeat.decision_note
    assert repeat.closed_at is not None and repeat.due_at is None


def test_it_does_not_accept_again_a_matter_concluded_by_re_review(cases):
    original = cases.at(S.FINAL)
    repeat = link(cases, cases.file(), original)
    assert repeat.status == S.NOT_ACCEPTED and repeat.repeat_of == original
    assert "条例第36条" in repeat.decision_note


@pytest.mark.parametrize("state", [S.CLOSED, S.REDIRECTED, S.NOT_ACCEPTED, S.ANSWERED])
def test_it_treats_a_matter_that_is_neither_open_nor_final_as_new(cases, state):
    original = cases.at(state)
    repeat = cases.file()
    with pytest.raises(DomainError) as refused:
        link(cases, repeat, original)
    assert refused.value.code == "not_a_repeat"
    repeat.refresh_from_db()
    assert repeat.status == S.REGISTERED and repeat.repeat_of is None


def test_it_refuses_to_call_a_case_a_repeat_of_itself(cases):
    petition = cases.file()
    with pytest.raises(InvalidInput):
        link(cases, petition, petition)


def test_it_finds_the_earlier_case_of_the_same_id_number(cases):
    earlier = cases.at(S.ACCEPTED)
    final = cases.at(S.FINAL)
    cases.at(S.CLOSED)  # not a ground for a repeat: not offered
    stranger = cases.file(
        petitioner=Identity(name="李四", id_number=OTHER_ID_NUMBER, phone="13900001111", address="白石区某路")
    )
    # The same person comes back with another phone and spells the address differently.
    again = cases.file(
        petitioner=Identity(
            name="王小明", id_number=ID_NUMBERS[0].lower(), phone="13700002222", address="东湖"
        )
    )
    found = list(selectors.open_cases_of_same_petitioner(again))
    assert found == [final, earlier]
    assert stranger not in found and again not in found
    assert list(selectors.open_cases_of_same_petitioner(stranger)) == []
