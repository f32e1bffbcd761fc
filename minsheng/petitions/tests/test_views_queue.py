"""The work queue (/staff/) and the overdue list (/staff/overdue/)."""

import importlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.people.services import Identity
from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import Clock, Kind, S

pytestmark = pytest.mark.django_db
QUEUE = "/staff/"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def assigned(world, clerk, file_petition):
    """``assigned(unit_key, **overrides)``: a filed case assigned to a unit of the world."""

    def make(unit_key="housing", **overrides):
        p = file_petition(**overrides)
        return services.petition_assign(
            petition=p, actor=clerk, now=p.received_at, unit=world.units[unit_key]
        )

    return make


def test_it_sends_visitors_to_the_login_page(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_shows_only_the_cases_the_user_may_see(client, handler, outsider, assigned):
    ours = assigned("housing", title="楼道照明损坏")
    theirs = assigned("labour", title="拖欠工资三个月")
    client.force_login(handler)
    body = client.get(QUEUE).content.decode()
    assert ours.number in body
    assert theirs.number not in body
    client.force_login(outsider)
    body = client.get(QUEUE).content.decode()
    assert theirs.number in body
    assert ours.number not in body


def test_it_lists_petitioners_masked_and_anonymous_reports_as_anonymous(client, clerk, file_petition):
    p = file_petition()
    file_petition(kind=Kind.REPORT, anonymous=True, petitioner=None, title="举报违规收费")
    client.force_login(clerk)
    body = client.get(QUEUE).content.decode()
    assert p.petitioner.name_masked in body
    assert "王小明" not in body
    assert "13812341234" not in body
    assert "匿名" in body


def test_it_finds_a_case_by_phone_and_answers_htmx_with_the_table_only(client, clerk, file_petition):
    found = file_petition()
    other = file_petition(
        petitioner=Identity(name="李四", phone="13900001111", address="白石路1号"), title="噪音扰民"
    )
    client.force_login(clerk)
    response = client.get(QUEUE, {"q": "138 1234 1234"}, headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and 'id="queue-table"' in body
    assert found.number in body
    assert other.number not in body


def test_it_finds_a_case_by_the_petitioners_full_name_without_storing_it_in_clear(
    client, clerk, file_petition
):
    found = file_petition()  # 王小明
    other = file_petition(
        petitioner=Identity(name="李四", phone="13900001111", address="白石路1号"), title="噪音扰民"
    )
    client.force_login(clerk)
    body = client.get(QUEUE, {"q": "王 小明"}).content.decode()
    assert found.number in body
    assert other.number not in body
    assert not Petition.objects.filter(petitioner__name_bi__contains="王").exists()


def test_it_colours_overdue_duties_and_filters_them(client, clerk, file_petition):
    late = file_petition(now=timezone.now() - timedelta(days=40), title="早已超期的件")
    fresh = file_petition(now=timezone.now(), title="刚登记的件")
    client.force_login(clerk)
    body = client.get(QUEUE).content.decode()
    assert '<tr class="overdue">' in body
    assert "已超期" in body
    body = client.get(QUEUE, {"due": "overdue"}).content.decode()
    assert late.number in body
    assert fresh.number not in body


def test_it_does_not_call_a_petitioners_window_overdue(client, world, clerk, handler, file_petition):
    p = file_petition(now=timezone.now() - timedelta(days=50))
    p = services.petition_assign(petition=p, actor=clerk, now=p.received_at, unit=world.units["housing"])
    p = services.petition_accept(petition=p, actor=handler, now=p.received_at)
    services.petition_answer(
        petition=p, actor=handler, now=p.received_at, outcome="support",
        facts="属实", reasons="符合规定", decision="修复", basis="物业管理条例",
    )  # fmt: skip
    client.force_login(clerk)
    body = client.get(QUEUE).content.decode()
    # The review window of the petitioner has run out: not a duty of staff, so no red row.
    assert p.number in body
    assert 'class="overdue"' not in body


def test_it_pages_the_queue_by_fifty(client, clerk, file_petition):
    for i in range(51):
        file_petition(title=f"第{i}件")
    client.force_login(clerk)
    first = client.get(QUEUE).content.decode()
    assert first.count('href="/staff/cases/') == 50
    assert "page=2" in first
    second = client.get(QUEUE, {"page": "2"}).content.decode()
    assert second.count('href="/staff/cases/') == 1
    assert client.get(QUEUE, {"page": "abc"}).status_code == 200


def test_it_reads_the_queue_in_a_bounded_number_of_queries(
    client, clerk, assigned, django_assert_max_num_queries
):
    for i in range(20):
        assigned("housing" if i % 2 else "labour", title=f"第{i}件")
    client.force_login(clerk)
    client.get(QUEUE)  # warm the session and the calendar cache
    # The page's 10 (its rows' keys, then those rows, then their petitioners), plus the navigation's 2
    # (the areas the user works in, unread reminders): the same for 20 cases as for 1.
    with django_assert_max_num_queries(12):
        response = client.get(QUEUE)
    assert response.content.decode().count('href="/staff/cases/') == 20


def test_it_ignores_nonsense_filters(client, clerk, file_petition):
    p = file_petition()
    client.force_login(clerk)
    response = client.get(QUEUE, {"state": "nonsense", "due": "yesterday"})
    assert response.status_code == 200
    assert p.number in response.content.decode()


def test_it_lists_overdue_cases_with_their_supervisions_for_leaders(client, leader, outsider, file_petition):
    late = file_petition(now=timezone.now() - timedelta(days=40), title="早已超期的件")
    services.scan_deadlines(now=timezone.now())
    late.refresh_from_db()
    assert late.supervision_count == 1
    client.force_login(leader)
    response = client.get("/staff/overdue/")
    body = response.content.decode()
    assert response.status_code == 200
    assert late.number in body
    assert "督办次数" in body
    client.force_login(outsider)
    assert late.number not in client.get("/staff/overdue/").content.decode()


def test_it_does_not_call_a_case_in_a_hearing_overdue(client, clerk, file_petition):
    p = file_petition(now=timezone.now() - timedelta(days=40))
    # Set up the state directly: reaching a re-review hearing through the services takes a whole case.
    Petition.objects.filter(pk=p.pk).update(status=S.HEARING, due_clock=Clock.RE_REVIEW)
    client.force_login(clerk)
    body = client.get(QUEUE).content.decode()
    assert p.number in body
    assert 'class="overdue"' not in body


def test_it_stops_counting_a_long_queue_at_the_limit_and_still_pages_it(
    client, clerk, file_petition, monkeypatch
):
    views = importlib.import_module("minsheng.petitions.views.queue")  # the package exports a view "queue"

    monkeypatch.setattr(views, "COUNT_LIMIT", 3)
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for i in range(5):
        file_petition(title=f"第{i}件")
    client.force_login(clerk)
    body = client.get(QUEUE).content.decode()
    assert "超过 3 件" in body and "共 5 件" not in body
    assert "page=2" in body
    monkeypatch.setattr(views, "SEARCH_COUNT_LIMIT", 2)  # a search is counted less far
    assert "超过 2 件" in client.get(QUEUE, {"q": "件"}).content.decode()


def test_the_overdue_page_shows_the_worst_and_links_to_all_of_them(
    client, leader, file_petition, monkeypatch
):
    views = importlib.import_module("minsheng.petitions.views.queue")  # the package exports a view "queue"

    monkeypatch.setattr(views, "OVERDUE_SHOWN", 2)
    late = [file_petition(now=timezone.now() - timedelta(days=60 - i), title=f"超期{i}") for i in range(3)]
    client.force_login(leader)
    body = client.get("/staff/overdue/").content.decode()
    assert late[0].number in body and late[1].number in body  # the longest overdue first
    assert late[2].number not in body
    assert '<span class="badge overdue">3</span>' in body
    assert 'href="/staff/?due=overdue"' in body
    assert late[2].number in client.get(QUEUE, {"due": "overdue"}).content.decode()
