"""The public pages: topics, moderated comments, suggestions with a receipt, tracking and rating."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from minsheng.suggestions import services
from minsheng.suggestions.models import Comment, Suggestion
from minsheng.suggestions.tests.conftest import PHONE
from minsheng.suggestions.workflow import CommentStatus, S

pytestmark = pytest.mark.django_db
TOKEN = "t" * 32


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def form(**overrides):
    data = {
        "idempotency_key": TOKEN,
        "title": "小区增设电动自行车充电桩",
        "reason": "楼道充电有火灾隐患。",
        "proposal": "建议在小区空地集中建设充电棚。",
        "name": "陈晓梅",
        "phone": PHONE,
        "address": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_it_lists_open_topics_and_hides_unpublished_ones(client, world, suggestion_clerk, live_topic):
    from minsheng.suggestions.tests.conftest import make_topic

    draft = make_topic(
        world,
        suggestion_clerk,
        timezone.now(),
        starts_on=live_topic.starts_on,
        ends_on=live_topic.ends_on,
        publish=False,
    )
    page = client.get(reverse("suggestions_public:index")).content.decode()
    assert live_topic.title in page
    assert client.get(reverse("suggestions_public:topic", args=[draft.pk])).status_code == 404


def test_it_shows_a_comment_only_after_the_office_approved_it(client, world, live_topic):
    url = reverse("suggestions_public:comment", args=[live_topic.pk])
    response = client.post(url, {"idempotency_key": TOKEN, "nickname": "老张", "body": "希望尽快加装电梯"})
    assert response.status_code == 302
    client.post(
        url, {"idempotency_key": TOKEN, "nickname": "老张", "body": "希望尽快加装电梯"}
    )  # double click
    comment = Comment.objects.get()
    topic_url = reverse("suggestions_public:topic", args=[live_topic.pk])
    assert "希望尽快加装电梯" not in client.get(topic_url).content.decode()
    staff = client.__class__()
    staff.force_login(world.users["suggestion_clerk"])
    assert staff.post(reverse("suggestions:moderate", args=[comment.pk, "approve"])).status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert "希望尽快加装电梯" in client.get(topic_url).content.decode()


def test_it_requires_a_reason_to_reject_a_comment_and_keeps_it_hidden(client, world, live_topic, now):
    comment = services.comment_submit(topic=live_topic, nickname="", body="广告内容", now=timezone.now())
    assert comment.nickname == "网友"
    client.force_login(world.users["suggestion_clerk"])
    response = client.post(reverse("suggestions:moderate", args=[comment.pk, "reject"]), {"reason": ""})
    assert response.status_code == 400 and "请填写不予发布的理由。" in response.content.decode()
    client.post(reverse("suggestions:moderate", args=[comment.pk, "reject"]), {"reason": "与主题无关"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    client.logout()
    assert (
        "广告内容"
        not in client.get(reverse("suggestions_public:topic", args=[live_topic.pk])).content.decode()
    )


def test_it_refuses_moderation_to_a_study_unit(client, world, live_topic):
    comment = services.comment_submit(topic=live_topic, nickname="甲", body="意见", now=timezone.now())
    client.force_login(world.users["handler"])
    assert client.post(reverse("suggestions:moderate", args=[comment.pk, "approve"])).status_code == 403


def test_it_receives_a_suggestion_on_a_topic_once_and_shows_number_and_code(client, live_topic):
    url = reverse("suggestions_public:topic_suggest", args=[live_topic.pk])
    response = client.post(url, form())
    assert response.status_code == 302 and response["Location"] == reverse("suggestions_public:done")
    page = client.get(response["Location"]).content.decode()
    s = Suggestion.objects.get()
    assert s.number in page and services.query_code_of(s) in page
    client.post(url, form())  # a resubmitted form
    assert Suggestion.objects.count() == 1 and s.topic == live_topic
    # Proven in this session: the status page opens without the code.
    assert client.get(reverse("suggestions_public:status", args=[s.number])).status_code == 200


def test_it_answers_bad_input_with_400_and_chinese_messages(client, live_topic):
    url = reverse("suggestions_public:topic_suggest", args=[live_topic.pk])
    response = client.post(url, form(phone="123", consent=""))
    text = response.content.decode()
    assert response.status_code == 400
    assert "请阅读并同意个人信息处理说明。" in text
    assert not Suggestion.objects.exists()
    response = client.post(reverse("suggestions_public:new"), form(region=""))
    assert response.status_code == 400 and "这个字段是必填项。" in response.content.decode()


def test_it_receives_a_free_suggestion_for_the_area(client, world):
    response = client.post(reverse("suggestions_public:new"), form(region=world.regions["street"].pk))
    assert response.status_code == 302
    assert Suggestion.objects.get().office == world.units["social_work"]


def test_it_tracks_with_number_and_code_and_lets_the_proposer_rate_after_the_decision(client, flow, world):
    s = flow.at(S.NOT_ADOPTED)
    code = services.query_code_of(s)
    track = reverse("suggestions_public:track")
    response = client.post(track, {"number": s.number, "code": "WRONG123"})
    assert response.status_code == 400 and "编号或查询码不正确。" in response.content.decode()
    response = client.post(track, {"number": s.number.lower(), "code": code})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "不予采纳" in page and "说明" in page and "提交评价" in page
    rate = reverse("suggestions_public:rate", args=[s.number])
    assert client.post(rate, {"rating": "9"}).status_code == 400
    assert client.post(rate, {"rating": "4", "comment": "解释清楚"}).status_code == 302
    s.refresh_from_db()
    assert s.rating == 4 and s.rated_at is not None
    assert (
        "提交评价" not in client.get(reverse("suggestions_public:status", args=[s.number])).content.decode()
    )


def test_it_tells_the_proposer_about_a_conversion_with_the_petition_number(client, flow, world):
    citizen = world.users["citizen"]
    s = flow.at(S.CONVERTED, account=citizen)
    client.force_login(citizen)
    page = client.get(reverse("suggestions_public:status", args=[s.number])).content.decode()
    assert s.petition.number in page and "个人诉求" in page
    assert s.number in client.get(reverse("suggestions_public:mine")).content.decode()


def test_it_shows_nothing_to_a_visitor_without_proof(client, flow, world):
    s = flow.at(S.RECEIVED)
    response = client.get(reverse("suggestions_public:status", args=[s.number]))
    assert response.status_code == 302 and "track" in response["Location"]
    client.force_login(world.users["citizen"])  # an account that did not file it
    assert client.get(reverse("suggestions_public:status", args=[s.number])).status_code == 302


def test_it_rate_limits_public_posts(client, settings, live_topic):
    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": 1}
    url = reverse("suggestions_public:comment", args=[live_topic.pk])
    client.post(url, {"idempotency_key": TOKEN, "body": "一"})
    assert client.post(url, {"idempotency_key": "u" * 32, "body": "二"}).status_code == 429
