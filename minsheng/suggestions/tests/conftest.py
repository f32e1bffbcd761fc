"""Fixtures of the suggestions tests: a topic of 青川区's office, proposals filed through the service,
and ``Flow`` to bring a suggestion to any state through the real services."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from minsheng.core.periods import CHINA
from minsheng.suggestions import services
from minsheng.suggestions.models import Topic
from minsheng.suggestions.services import SuggestionInput, TopicInput
from minsheng.suggestions.workflow import S

PHONE = "13912345678"


@pytest.fixture
def topic(world, suggestion_clerk, now):
    """A published topic open around ``now`` (2026-03-11)."""
    return make_topic(world, suggestion_clerk, now, starts_on=date(2026, 3, 1), ends_on=date(2026, 4, 30))


@pytest.fixture
def live_topic(world, suggestion_clerk):
    """A published topic open today (pages use the real clock)."""
    today = timezone.now().astimezone(CHINA).date()
    return make_topic(
        world,
        suggestion_clerk,
        timezone.now(),
        starts_on=today - timedelta(days=5),
        ends_on=today + timedelta(days=30),
    )


def make_topic(world, clerk, now, *, starts_on, ends_on, publish=True) -> Topic:
    topic = services.topic_create(
        office=world.units["social_work"],
        data=TopicInput(
            "老旧小区加装电梯征集意见", "请就加装电梯的费用分摊和施工提出建议。", starts_on, ends_on
        ),
        actor=clerk,
    )
    if publish:
        topic = services.topic_publish(topic=topic, actor=clerk, now=now)
    return topic


def suggestion_input(**overrides) -> SuggestionInput:
    values = dict(
        title="加装电梯费用按楼层分摊",
        reason="老旧小区没有电梯，老人上下楼困难，各楼层住户对分摊比例意见不一。",
        proposal="建议制定按楼层递增的费用分摊指导标准，并由街道组织协商。",
        name="李建华",
        phone=PHONE,
        address="东湖街道幸福里5号楼",
    )
    values.update(overrides)
    return SuggestionInput(**values)


class Flow:
    """Bring a suggestion to a state through the services, as the people who may do it."""

    def __init__(self, world, now, topic):
        self.world, self.now, self.topic = world, now, topic
        self.clerk = world.users["suggestion_clerk"]
        self.handler = world.users["handler"]

    def submit(self, *, key=None, account=None, **overrides):
        overrides.setdefault("topic", self.topic)
        return services.suggestion_submit(
            data=suggestion_input(**overrides), actor=None, now=self.now, account=account, idempotency_key=key
        ).suggestion

    def at(self, state: str, **overrides):
        s = self.submit(**overrides)
        if state == S.RECEIVED:
            return s
        if state == S.CONVERTED:
            return services.suggestion_convert(
                suggestion=s, actor=self.clerk, now=self.now, reason="个人诉求"
            )
        if state == S.REDIRECTED:
            return services.suggestion_redirect(suggestion=s, actor=self.clerk, now=self.now, reason="涉诉")
        s = services.suggestion_assign(
            suggestion=s, actor=self.clerk, now=self.now, unit=self.world.units["housing"]
        )
        if state == S.STUDYING:
            return s
        step = {
            S.ADOPTED: "adopt",
            S.PARTLY_ADOPTED: "adopt_partly",
            S.NOT_ADOPTED: "not_adopt",
            S.REWARDED: "adopt",
        }[state]
        s = services.suggestion_decide(
            suggestion=s, actor=self.handler, now=self.now, step=step, explanation="说明"
        )
        if state == S.REWARDED:
            s = services.suggestion_reward(suggestion=s, actor=self.clerk, now=self.now, amount="500")
        return s


@pytest.fixture
def flow(world, now, topic):
    return Flow(world, now, topic)
