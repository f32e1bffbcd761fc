"""Every step of the table × every persona: the office clerk, the assigned study unit's handler,
another unit's handler, the proposer (citizen) and an anonymous visitor."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from minsheng.core.errors import DomainError
from minsheng.suggestions import permissions, workflow
from minsheng.suggestions.workflow import STEPS, S

pytestmark = pytest.mark.django_db

# Who may take each step (state permitting).
EXPECTED = {
    "assign": {"suggestion_clerk"},
    "reassign": {"suggestion_clerk"},
    "convert": {"suggestion_clerk"},
    "redirect": {"suggestion_clerk"},
    "adopt": {"handler"},
    "adopt_partly": {"handler"},
    "not_adopt": {"handler"},
    "reply": {"suggestion_clerk"},
    "reward": {"suggestion_clerk"},
    "publish": {"suggestion_clerk"},
    "rate": {"citizen"},
}
PERSONAS = ("suggestion_clerk", "handler", "outsider", "registrar", "citizen", "anonymous")


def _user(world, name):
    return AnonymousUser() if name == "anonymous" else world.users[name]


def test_the_expectations_cover_every_step():
    assert set(EXPECTED) == {s.name for s in STEPS}


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.name)
@pytest.mark.parametrize("persona", PERSONAS)
def test_it_allows_each_step_only_to_its_roles(flow, world, step, persona):
    state = sorted(step.source)[0]
    suggestion = flow.at(state, account=world.users["citizen"])
    user = _user(world, persona)
    allowed = {s.name for s in workflow.allowed(suggestion, permissions.roles_by_unit(user, suggestion))}
    assert (step.name in allowed) == (persona in EXPECTED[step.name])
    if persona not in EXPECTED[step.name]:
        with pytest.raises(DomainError) as refused:
            workflow.step(step.name, suggestion, permissions.roles_by_unit(user, suggestion))
        assert refused.value.code == "forbidden"


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.name)
def test_it_refuses_each_step_from_a_state_outside_its_source(flow, step):
    outside = [s for s in S if s not in step.source]
    for state in (outside[0], outside[-1]):
        with pytest.raises(DomainError) as refused:
            workflow.check_state(step.name, flow.at(state))
        assert refused.value.code == "wrong_state"


def test_it_refuses_a_step_done_once_a_second_time(flow, world):
    suggestion = flow.at(S.ADOPTED)
    clerk = world.users["suggestion_clerk"]
    from minsheng.suggestions import services

    suggestion = services.suggestion_publish(suggestion=suggestion, actor=clerk, now=flow.now)
    with pytest.raises(DomainError) as refused:
        services.suggestion_publish(suggestion=suggestion, actor=clerk, now=flow.now)
    assert refused.value.code == "done"


PAGE_EXPECTED = {
    "suggestion_clerk": 200,
    "handler": 200,  # the assigned study unit
    "outsider": 404,  # another unit: the suggestion does not exist for it
    "registrar": 403,  # same social work unit, but no role of the office: not staff of suggestions
    "social_work_leader": 200,  # reads
}


@pytest.mark.parametrize("persona, status", PAGE_EXPECTED.items())
def test_it_shows_the_suggestion_page_only_to_office_and_study_unit(client, flow, world, persona, status):
    suggestion = flow.at(S.STUDYING)
    client.force_login(world.users[persona])
    assert client.get(reverse("suggestions:suggestion", args=[suggestion.number])).status_code == status


def test_it_sends_a_citizen_to_the_portal_and_an_anonymous_visitor_to_login(client, flow, world):
    suggestion = flow.at(S.STUDYING)
    url = reverse("suggestions:suggestion", args=[suggestion.number])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(world.users["citizen"])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("suggestions_public:mine")


def test_it_refuses_office_pages_to_a_study_unit_with_403(client, world, topic):
    client.force_login(world.users["handler"])
    assert client.get(reverse("suggestions:topics")).status_code == 403
    assert client.get(reverse("suggestions:report", args=[topic.pk])).status_code == 403
    assert client.get(reverse("suggestions:list")).status_code == 200


def test_it_hides_another_offices_topic(client, world, topic):
    client.force_login(world.users["registrar"])  # not a clerk or leader of the office
    assert client.get(reverse("suggestions:topic", args=[topic.pk])).status_code == 403


def test_it_lets_a_handler_take_a_step_on_the_page_and_refuses_another_unit_with_404(client, flow, world):
    suggestion = flow.at(S.STUDYING)
    url = reverse("suggestions:step", args=[suggestion.number, "adopt"])
    client.force_login(world.users["outsider"])
    assert client.post(url, {"explanation": ""}).status_code == 404
    client.force_login(world.users["handler"])
    assert client.post(url, {"explanation": ""}).status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == S.ADOPTED


def test_it_refuses_a_clerk_a_decision_with_409(client, flow, world):
    suggestion = flow.at(S.STUDYING)
    client.force_login(world.users["suggestion_clerk"])
    response = client.post(
        reverse("suggestions:step", args=[suggestion.number, "adopt"]), {"explanation": ""}
    )
    assert response.status_code == 409
    assert "您没有执行" in response.content.decode()
