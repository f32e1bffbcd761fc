"""Receiving suggestions: numbers, idempotency, checks with Chinese messages, the duplicate index."""

from datetime import date

import pytest

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.people.models import Person
from minsheng.suggestions import services
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.tests.conftest import make_topic, suggestion_input
from minsheng.textmine.models import NearDupRecord

pytestmark = pytest.mark.django_db


def test_it_numbers_a_suggestion_and_indexes_its_text(flow):
    s = flow.submit()
    assert s.number == "JY2026-000001" and s.office.name == "中共青川区委社会工作部"
    assert NearDupRecord.objects.filter(domain="suggestions", record_id=s.pk).exists()


def test_it_makes_one_suggestion_for_one_idempotency_key(flow, now):
    first = services.suggestion_submit(
        data=suggestion_input(topic=flow.topic), actor=None, now=now, idempotency_key="portal-sugg-abc"
    )
    again = services.suggestion_submit(
        data=suggestion_input(topic=flow.topic), actor=None, now=now, idempotency_key="portal-sugg-abc"
    )
    assert first.created and not again.created
    assert again.suggestion.pk == first.suggestion.pk and again.query_code == first.query_code
    assert Suggestion.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"title": " "}, "title", "请填写建议主题。"),
        ({"proposal": ""}, "proposal", "请填写具体建议。"),
        ({"name": ""}, "name", "请填写建议人姓名。"),
        ({"phone": ""}, "phone", "请填写联系电话，以便告知办理结果。"),
        ({"phone": "12345"}, "phone", "电话号码格式不正确"),
        ({"topic": None, "region": None}, "region", "请选择建议涉及的区域。"),
    ],
)
def test_it_refuses_incomplete_input_and_writes_nothing(flow, now, overrides, field, message):
    overrides.setdefault("topic", flow.topic)
    with pytest.raises(InvalidInput) as refused:
        services.suggestion_submit(data=suggestion_input(**overrides), actor=None, now=now)
    assert message in refused.value.errors[field]
    assert not Suggestion.objects.exists() and not Person.objects.exists()


def test_it_refuses_a_suggestion_on_a_topic_outside_its_period(world, suggestion_clerk, now):
    closed = make_topic(world, suggestion_clerk, now, starts_on=date(2026, 1, 1), ends_on=date(2026, 2, 1))
    with pytest.raises(DomainError) as refused:
        services.suggestion_submit(data=suggestion_input(topic=closed), actor=None, now=now)
    assert refused.value.code == "closed"


def test_it_sends_a_free_suggestion_to_the_office_of_its_area(world, now):
    s = services.suggestion_submit(
        data=suggestion_input(region=world.regions["street"]), actor=None, now=now
    ).suggestion
    assert s.office == world.units["social_work"] and s.topic is None
    other = services.suggestion_submit(
        data=suggestion_input(region=world.regions["other_county"]), actor=None, now=now
    ).suggestion
    assert other.office == world.units["other_social_work"]


def test_it_refuses_a_topic_to_anyone_but_an_office_clerk(world, registrar, now):
    with pytest.raises(DomainError):
        make_topic(world, registrar, now, starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 31))


def test_it_refuses_a_topic_ending_before_it_starts(world, suggestion_clerk, now):
    with pytest.raises(InvalidInput) as refused:
        make_topic(world, suggestion_clerk, now, starts_on=date(2026, 3, 31), ends_on=date(2026, 3, 1))
    assert "ends_on" in refused.value.errors
