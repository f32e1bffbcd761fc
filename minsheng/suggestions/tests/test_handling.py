"""The office's and the study unit's steps: decisions, conversion, redirection, grouping, rewards."""

from decimal import Decimal

import pytest

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.people import crypto
from minsheng.petitions.models import Petition
from minsheng.petitions.services import query_code_of
from minsheng.suggestions import services
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.workflow import Decision, S

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("step", ["not_adopt", "adopt_partly"])
def test_it_requires_an_explanation_for_a_partial_or_negative_decision(flow, step):
    s = flow.at(S.STUDYING)
    with pytest.raises(InvalidInput) as refused:
        services.suggestion_decide(
            suggestion=s, actor=flow.handler, now=flow.now, step=step, explanation="  "
        )
    assert "explanation" in refused.value.errors
    assert "必须说明理由" in str(refused.value.message)
    s.refresh_from_db()
    assert s.status == S.STUDYING and not s.decision


def test_it_records_an_adoption_without_explanation(flow):
    s = flow.at(S.STUDYING)
    s = services.suggestion_decide(suggestion=s, actor=flow.handler, now=flow.now, step="adopt")
    assert s.status == S.ADOPTED and s.decision == Decision.ADOPTED and s.decided_at == flow.now


def test_it_answers_400_with_a_chinese_message_when_the_page_omits_the_explanation(client, flow, world):
    s = flow.at(S.STUDYING)
    client.force_login(world.users["handler"])
    response = client.post(f"/suggestions/s/{s.number}/steps/not_adopt/", {"explanation": ""})
    assert response.status_code == 400
    assert "部分采纳或不予采纳的，必须说明理由。" in response.content.decode()


def test_it_converts_a_personal_demand_into_a_petition_and_tells_the_proposer(flow, world):
    citizen = world.users["citizen"]
    s = flow.at(S.RECEIVED, account=citizen)
    s = services.suggestion_convert(
        suggestion=s,
        actor=flow.clerk,
        now=flow.now,
        reason="您反映的是本人房屋漏水的具体诉求，已转为信访事项。",
    )
    assert s.status == S.CONVERTED
    petition = Petition.objects.get(pk=s.petition_id)
    assert petition.account == citizen and petition.request == s.proposal
    assert crypto.decrypt(s.petition_code_enc) == query_code_of(petition)
    assert AuditEvent.objects.filter(action="people.person.unmasked", data__context=s.number).exists()
    # A retried conversion does not register a second petition.
    with pytest.raises(DomainError):
        services.suggestion_convert(suggestion=s, actor=flow.clerk, now=flow.now, reason="再次")
    assert Petition.objects.count() == 1


def test_it_asks_for_an_address_to_convert_when_the_proposer_left_none(flow):
    s = flow.at(S.RECEIVED, address="")
    with pytest.raises(InvalidInput) as refused:
        services.suggestion_convert(suggestion=s, actor=flow.clerk, now=flow.now, reason="个人诉求")
    assert "address" in refused.value.errors
    assert Petition.objects.count() == 0
    s = services.suggestion_convert(
        suggestion=s, actor=flow.clerk, now=flow.now, reason="个人诉求", address="东湖街道1号"
    )
    assert s.petition is not None


def test_it_redirects_a_litigation_matter_with_the_reason(flow):
    s = flow.at(S.RECEIVED)
    with pytest.raises(InvalidInput):
        services.suggestion_redirect(suggestion=s, actor=flow.clerk, now=flow.now, reason="")
    s = services.suggestion_redirect(
        suggestion=s, actor=flow.clerk, now=flow.now, reason="所涉合同纠纷已起诉，请通过人民法院解决。"
    )
    assert s.status == S.REDIRECTED and "人民法院" in s.diversion_reason


def test_it_assigns_only_to_a_study_unit_of_the_offices_area(flow, world):
    s = flow.at(S.RECEIVED)
    for unit in (world.units["bureau"], world.units["other_social_work"]):
        with pytest.raises(InvalidInput):
            services.suggestion_assign(suggestion=s, actor=flow.clerk, now=flow.now, unit=unit)
    s = services.suggestion_assign(
        suggestion=s, actor=flow.clerk, now=flow.now, unit=world.units["street_office"]
    )
    assert s.study_unit == world.units["street_office"]


def test_it_applies_a_groups_decision_to_every_member_and_answers_each(flow, world):
    a, b, c = (flow.at(S.RECEIVED, title=f"电梯建议{i}") for i in range(3))
    group = services.suggestions_group(
        suggestions=[a, b], actor=flow.clerk, now=flow.now, title="电梯费用分摊"
    )
    services.suggestion_assign(suggestion=a, actor=flow.clerk, now=flow.now, unit=world.units["housing"])
    b.refresh_from_db()
    assert b.status == S.STUDYING and b.study_unit == world.units["housing"]
    # A member added later joins the unit already studying the group.
    services.suggestions_group(suggestions=[c], actor=flow.clerk, now=flow.now, group=group)
    c.refresh_from_db()
    assert c.status == S.STUDYING and c.study_unit == world.units["housing"]
    services.suggestion_decide(
        suggestion=b, actor=flow.handler, now=flow.now, step="not_adopt", explanation="已有统一政策"
    )
    members = Suggestion.objects.filter(group=group)
    assert {m.status for m in members} == {S.NOT_ADOPTED}
    assert {m.explanation for m in members} == {"已有统一政策"}
    assert all(m.due_at is not None for m in members)  # each proposer is to be answered
    group.refresh_from_db()
    assert group.decision == Decision.NOT_ADOPTED
    for m in members:
        services.suggestion_reply(suggestion=m, actor=flow.clerk, now=flow.now)
    assert Suggestion.objects.filter(group=group, replied_at__isnull=False).count() == 3


def test_it_refuses_to_group_suggestions_studied_by_different_units(flow, world):
    a = flow.at(S.STUDYING)
    b = flow.at(S.RECEIVED)
    services.suggestion_assign(suggestion=b, actor=flow.clerk, now=flow.now, unit=world.units["labour"])
    with pytest.raises(DomainError):
        services.suggestions_group(suggestions=[a, b], actor=flow.clerk, now=flow.now)
    with pytest.raises(DomainError):  # a study unit does not group
        services.suggestions_group(suggestions=[a, flow.at(S.STUDYING)], actor=flow.handler, now=flow.now)


def test_it_records_the_reward_amount(flow):
    s = flow.at(S.ADOPTED)
    for bad in ("0", "-5", "abc", "2000000"):
        with pytest.raises(InvalidInput):
            services.suggestion_reward(suggestion=s, actor=flow.clerk, now=flow.now, amount=bad)
    s = services.suggestion_reward(suggestion=s, actor=flow.clerk, now=flow.now, amount="800")
    assert s.status == S.REWARDED and s.reward_amount == Decimal("800.00")


def test_it_publishes_only_adopted_suggestions(flow):
    with pytest.raises(DomainError):
        services.suggestion_publish(suggestion=flow.at(S.NOT_ADOPTED), actor=flow.clerk, now=flow.now)
    s = services.suggestion_publish(suggestion=flow.at(S.PARTLY_ADOPTED), actor=flow.clerk, now=flow.now)
    assert s.published_at == flow.now


def test_it_lists_similar_suggestions_and_groups_them_from_the_page(client, flow, world):
    a = flow.at(S.RECEIVED)
    b = flow.at(S.RECEIVED, proposal=flow.at(S.RECEIVED).proposal + "谢谢。")
    unrelated = flow.at(
        S.RECEIVED,
        title="公园增设健身器材",
        reason="附近缺少健身场地，居民锻炼不便。",
        proposal="建议在湖滨公园东侧增设一批健身器材和夜间照明。",
    )
    client.force_login(world.users["suggestion_clerk"])
    page = client.get(f"/suggestions/s/{a.number}/").content.decode()
    assert b.number in page and unrelated.number not in page
    response = client.post(f"/suggestions/s/{a.number}/group/", {"numbers": [b.number], "title": "电梯分摊"})
    assert response.status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.group_id and a.group_id == b.group_id and a.group.title == "电梯分摊"
    # A study unit sees neither similar suggestions nor the grouping form.
    services.suggestion_assign(suggestion=a, actor=flow.clerk, now=flow.now, unit=world.units["housing"])
    client.force_login(world.users["handler"])
    page = client.get(f"/suggestions/s/{a.number}/").content.decode()
    assert "合并为一个议题" not in page and "适用于议题内全部 2 条建议" in page


def test_it_lists_the_received_work_first_then_studies_by_deadline(flow, world):
    from datetime import timedelta

    from minsheng.suggestions import selectors

    later, sooner = flow.at(S.STUDYING), flow.at(S.STUDYING)
    Suggestion.objects.filter(pk=later.pk).update(due_at=sooner.due_at + timedelta(days=3))
    received = flow.at(S.RECEIVED)
    flow.at(S.NOT_ADOPTED)  # decided: not open work
    rows = selectors.work_list(world.users["suggestion_clerk"], now=flow.now, due="open")
    assert [s.pk for s in rows] == [received.pk, sooner.pk, later.pk]
    assert [s.pk for s in selectors.work_list(world.users["handler"], now=flow.now, due="open", limit=1)] == [
        sooner.pk
    ]
