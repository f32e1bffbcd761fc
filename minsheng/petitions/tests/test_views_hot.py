"""The leaders' hot-issue page (/staff/hot/) and its weekly Excel digest."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import User
from minsheng.people.services import Identity
from minsheng.petitions import services
from minsheng.testing import ID_NUMBERS

pytestmark = pytest.mark.django_db
HOT = "/staff/hot/"
DIGEST = "/staff/hot/digest.xlsx"
PERIOD = {"since": "2026-03-01", "until": "2026-03-11"}

LIGHTS = [
    (
        "东湖街道幸福小区楼道照明长期损坏",
        "请求修复幸福小区楼道照明。",
        "幸福小区3号楼楼道灯损坏半年，物业不修。",
    ),
    (
        "幸福小区楼道灯坏了没人修",
        "请督促物业修复幸福小区楼道灯。",
        "幸福小区楼道照明损坏，夜里漆黑，老人摔倒。",
    ),
    (
        "反映幸福小区楼道照明损坏问题",
        "尽快修好幸福小区楼道照明。",
        "幸福小区多栋楼道灯不亮，多次报修物业无果。",
    ),
]
WAGES = [
    ("青川建筑公司拖欠农民工工资", "请求追讨拖欠的工资。", "青川建筑公司拖欠三十名农民工工资五个月。"),
    ("青川建筑公司欠薪五个月", "要求青川建筑公司支付拖欠工资。", "农民工工资被青川建筑公司拖欠，讨薪无门。"),
    (
        "追讨青川建筑公司拖欠的农民工工资",
        "请劳动监察部门介入追讨工资。",
        "青川建筑公司拖欠工资，农民工无法回家过年。",
    ),
]
PEOPLE = [
    Identity(name="王小明", id_number=ID_NUMBERS[0], phone="13812341234", address="东湖街道幸福小区3号楼"),
    Identity(name="李大红", id_number=ID_NUMBERS[1], phone="13900001111", address="东湖街道幸福小区5号楼"),
    Identity(name="赵小刚", id_number=ID_NUMBERS[2], phone="13700002222", address="东湖街道幸福小区7号楼"),
]


@pytest.fixture
def matter(world, clerk, file_petition, now):
    """``matter(texts, unit_key=None, at=now)``: one petition per (title, request, facts), each from
    another person, assigned to ``unit_key`` when given."""

    def make(texts, unit_key=None, at=None, people=PEOPLE):
        cases = []
        for k, (title, request, facts) in enumerate(texts):
            moment = (at or now) - timedelta(hours=k)
            p = file_petition(
                title=title, request=request, facts=facts, petitioner=people[k % len(people)], now=moment
            )
            if unit_key:
                p = services.petition_assign(petition=p, actor=clerk, now=moment, unit=world.units[unit_key])
            cases.append(p)
        return cases

    return make


def test_it_sends_visitors_to_the_login_page_and_citizens_to_their_petitions(client, citizen):
    response = client.get(HOT)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(citizen)
    response = client.get(HOT)
    assert response.status_code == 302 and response["Location"] == reverse("portal:mine")
    assert client.get(DIGEST).status_code == 302


def test_it_refuses_an_account_without_a_role_in_any_unit(client, world):
    client.force_login(User.objects.create_user(username="nobody", password="x-2026-long"))
    assert client.get(HOT).status_code == 403


def test_a_leader_sees_the_issue_its_cases_and_a_trend(client, leader, matter):
    lights = matter(LIGHTS)
    client.force_login(leader)
    response = client.get(HOT, PERIOD)
    body = response.content.decode()
    assert response.status_code == 200
    assert "楼道" in body and "幸福小区" in body
    for p in lights:
        assert reverse("petitions:case", args=[p.number]) in body
    assert "<details" in body and "<svg" in body and "<polyline" in body
    assert "<script" not in body.split("<main", 1)[1]
    assert 'aria-current="page"' in body and "热点问题" in body


def test_the_page_never_shows_who_petitioned(client, leader, matter):
    matter(LIGHTS)
    client.force_login(leader)
    body = client.get(HOT, PERIOD).content.decode()
    for person in PEOPLE:
        assert person.name not in body
        assert person.name[0] + "*" not in body  # not even masked
        assert person.phone not in body
        assert person.address not in body


def test_a_handler_sees_only_issues_from_cases_he_may_see(client, outsider, handler, matter):
    lights = matter(LIGHTS, unit_key="housing")
    wages = matter(WAGES, unit_key="labour")
    client.force_login(outsider)  # of the labour bureau
    body = client.get(HOT, PERIOD).content.decode()
    assert all(p.number in body for p in wages)
    assert not any(p.number in body for p in lights)
    assert "楼道" not in body
    client.force_login(handler)  # of the housing bureau
    body = client.get(HOT, PERIOD).content.decode()
    assert all(p.number in body for p in lights)
    assert not any(p.number in body for p in wages)


def test_the_period_region_and_top_filters(client, world, leader, matter, now):
    old = matter(WAGES, at=now - timedelta(days=60))
    lights = matter(LIGHTS)
    client.force_login(leader)
    body = client.get(HOT, PERIOD).content.decode()
    assert lights[0].number in body and old[0].number not in body
    early = {"since": "2026-01-01", "until": "2026-01-31"}
    body = client.get(HOT, early).content.decode()
    assert old[0].number in body and lights[0].number not in body
    body = client.get(HOT, {**PERIOD, "region": world.regions["other_county"].pk}).content.decode()
    assert lights[0].number not in body
    body = client.get(HOT, {**PERIOD, "region": world.regions["county"].pk}).content.decode()
    assert lights[0].number in body
    body = client.get(HOT, {"since": "2026-01-01", "until": "2026-03-11", "top": "1"}).content.decode()
    assert body.count('class="card hot-issue"') == 1


def test_the_default_period_is_the_last_thirty_days(client, leader, matter):
    fresh = matter(LIGHTS, at=timezone.now())
    stale = matter(WAGES, at=timezone.now() - timedelta(days=45))
    client.force_login(leader)
    body = client.get(HOT).content.decode()
    assert fresh[0].number in body and stale[0].number not in body


def test_nonsense_filters_are_ignored(client, leader):
    client.force_login(leader)
    response = client.get(HOT, {"since": "yesterday", "region": "x", "top": "-5"})
    assert response.status_code == 200


def test_the_page_reads_in_a_bounded_number_of_queries(client, leader, matter, django_assert_max_num_queries):
    matter(LIGHTS)
    client.force_login(leader)
    client.get(HOT, PERIOD)  # warm the session
    with django_assert_max_num_queries(10) as few:
        client.get(HOT, PERIOD)
    matter(WAGES + LIGHTS)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(HOT, PERIOD).content.decode()
    assert "工资" in body


def test_the_weekly_digest_is_an_excel_workbook_of_the_issues(client, leader, matter):
    from openpyxl import load_workbook

    lights = matter(LIGHTS, at=timezone.now())
    client.force_login(leader)
    response = client.get(DIGEST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith('attachment; filename="hot-issues-')
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames[0] == "热点问题"
    issues = [[c for c in row if c is not None] for row in book["热点问题"].iter_rows(values_only=True)]
    assert any("排名" in row for row in issues)
    ranked = [row for row in issues if row and row[0] == 1]
    assert ranked and "楼道" in ranked[0][1]
    cases = list(book.worksheets[1].iter_rows(values_only=True))
    numbers = {row[2] for row in cases[1:]}
    assert numbers == {p.number for p in lights}
    text = " ".join(str(c) for row in cases for c in row)
    assert not any(person.name in text for person in PEOPLE)


def test_the_digest_covers_only_the_last_seven_days_by_default(client, leader, matter):
    matter(LIGHTS, at=timezone.now() - timedelta(days=10))
    client.force_login(leader)
    from openpyxl import load_workbook

    book = load_workbook(BytesIO(client.get(DIGEST).content))
    assert list(book.worksheets[1].iter_rows(values_only=True))[1:] == []
    book = load_workbook(BytesIO(client.get(DIGEST, {"since": "2000-01-01"}).content))
    assert len(list(book.worksheets[1].iter_rows(values_only=True))[1:]) == len(LIGHTS)
