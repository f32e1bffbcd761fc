"""A citizen comments and suggests on a topic page; the office approves the comment; the citizen
reloads and sees it published."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from minsheng.core.periods import CHINA
from minsheng.suggestions import services
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.services import TopicInput
from minsheng.testing import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_publishes_a_citizens_comment_after_the_clerk_approves_it(page, browser, live_server):
    world = build_world()
    clerk = world.users["suggestion_clerk"]
    today = timezone.now().astimezone(CHINA).date()
    topic = services.topic_create(
        office=world.units["social_work"],
        actor=clerk,
        data=TopicInput(
            "青川区老旧小区加装电梯征集意见",
            "请就加装电梯的费用分摊提出建议。",
            today - timedelta(days=3),
            today + timedelta(days=30),
        ),
    )
    services.topic_publish(topic=topic, actor=clerk, now=timezone.now())
    base = live_server.url
    topic_url = f"{base}/portal/suggestions/topics/{topic.pk}/"

    # The citizen comments…
    page.goto(f"{base}/portal/suggestions/")
    page.click(f"text={topic.title}")
    expect(page).to_have_url(topic_url)
    page.fill("#comments [name=nickname]", "幸福里老住户")
    page.fill("#comments [name=body]", "支持加装电梯，家里老人三年没下过楼了。")
    page.click("#comments button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("审核通过后显示")
    expect(page.locator("#comments")).not_to_contain_text("三年没下过楼")

    # …and suggests.
    form = page.locator("#suggest form")
    form.locator("[name=title]").fill("加装电梯费用按楼层分摊")
    form.locator("[name=reason]").fill("住户对费用分摊比例争议很大。")
    form.locator("[name=proposal]").fill("建议出台按楼层递增的分摊指导比例。")
    form.locator("[name=name]").fill("李建华")
    form.locator("[name=phone]").fill("13912345678")
    form.locator("[name=consent]").check()
    form.locator("button[type=submit]").click()
    number = page.locator("#receipt-number").inner_text().strip()
    assert re.fullmatch(r"JY\d{4}-\d{6}", number)
    assert Suggestion.objects.get(number=number).topic_id == topic.pk

    # The office's clerk approves the comment in another browser.
    staff = browser.new_context(locale="zh-CN")
    clerk_page = staff.new_page()
    clerk_page.goto(f"{base}/accounts/login/")
    clerk_page.fill("#id_username", "suggestion_clerk")
    clerk_page.fill("#id_password", PASSWORD)
    clerk_page.click("main button[type=submit]")
    clerk_page.goto(f"{base}/suggestions/comments/")
    comment = clerk_page.locator("article.comment", has_text="三年没下过楼")
    comment.locator("button", has_text="通过并发布").click()
    expect(clerk_page.locator(".messages")).to_contain_text("已发布")
    staff.close()

    # The citizen reloads the topic page and sees the comment.
    page.goto(topic_url)
    expect(page.locator("#comments")).to_contain_text("支持加装电梯，家里老人三年没下过楼了。")
    expect(page.locator("#comments")).to_contain_text("幸福里老住户")
