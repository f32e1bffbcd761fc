"""The leader dashboard: figures from the rollups, limited to what the viewer may see."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from minsheng.accounts.models import User
from minsheng.accounts.roles import Role
from minsheng.insight import rollups, selectors
from minsheng.orgs.models import Membership
from minsheng.testing import file_petition

MARCH = {"since": date(2026, 3, 1), "until": date(2026, 3, 31), "today": date(2026, 3, 11)}


def _rates(d):
    return {r.key: (r.numerator, r.denominator, r.value) for r in d.rates}


def test_it_shows_a_leader_the_countys_figures(county_cases, leader):
    d = selectors.dashboard(leader, **MARCH)
    assert d.totals["count"] == 5
    assert _rates(d) == {"accept": (3, 3, 100.0), "complete": (2, 2, 100.0), "satisfaction": (1, 1, 100.0)}
    assert [(b.label, b.value) for b in d.by_channel] == [("网上信访", 5)]
    assert [(b.label, b.value) for b in d.complained] == [("青川区人力资源和社会保障局", 1)]
    assert {b.label: b.value for b in d.by_unit} == {
        "青川区住房和城乡建设局": 3,
        "青川区人力资源和社会保障局": 1,
    }
    assert sum(b.value for b in d.trend) == 5 and len(d.trend) == 31
    assert {b.label: b.value for b in d.by_category} == {"城乡建设": 4, "劳动和社会保障": 1}


def test_a_category_narrows_the_figures_but_not_the_volume_of_each_source(county_cases, leader, world):
    labour = str(world.categories["labour"].pk)
    d = selectors.dashboard(leader, category=labour, **MARCH)
    assert d.totals["count"] == 1 and d.totals["accepted"] == 0
    assert [(b.label, b.value) for b in d.by_category] == [("劳动和社会保障", 1)]
    assert {b.key: b.value for b in d.sources}["petition"] == 5  # every category


def test_it_shows_a_leader_of_another_county_none_of_this_countys_numbers(county_cases, world):
    other_leader = User.objects.create_user(username="other_leader", password="x")
    Membership.objects.create(user=other_leader, unit=world.units["other_bureau"], role=Role.LEADER)
    d = selectors.dashboard(other_leader, **MARCH)
    assert d.totals["count"] == 1
    assert [b.label for b in d.by_area] == ["白石区"]
    assert all(b.label != "青川区" for b in d.by_area)


def test_it_shows_a_department_only_what_was_assigned_to_it(county_cases, handler, outsider):
    assert selectors.dashboard(handler, **MARCH).totals["count"] == 3
    labour = selectors.dashboard(outsider, **MARCH)
    assert labour.totals["count"] == 1
    assert labour.complained == []  # the case complaining about labour was never routed to it


def test_it_counts_only_the_period_and_the_area_asked_for(county_cases, leader, world):
    d = selectors.dashboard(leader, since=date(2026, 3, 11), until=date(2026, 3, 11), today=date(2026, 3, 11))
    assert d.totals["count"] == 2  # cases 0 and 3 came in on the 11th
    street = selectors.dashboard(leader, region=world.regions["street"], **MARCH)
    assert street.totals["count"] == 5  # every test case is about 东湖街道
    county = selectors.dashboard(leader, region=world.regions["other_county"], **MARCH)
    assert county.totals["count"] == 0


def test_it_runs_the_same_number_of_queries_whatever_the_data(county_cases, leader, world, now):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            selectors.dashboard(leader, **MARCH)
        return len(ctx.captured_queries)

    before = queries()
    for k in range(6):
        file_petition(world, actor=world.users["clerk"], now=now - timedelta(days=k), channel="letter")
    rollups.refresh()
    assert queries() == before


def test_the_page_draws_the_figures_with_drill_down_links(
    client, county_cases, leader, django_assert_max_num_queries
):
    client.force_login(leader)
    with django_assert_max_num_queries(30):
        page = client.get(reverse("insight:dashboard"), {"since": "2026-03-01", "until": "2026-03-31"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "及时受理率" in text and "按期办结率" in text and "群众满意率" in text
    assert 'data-chart="trend"' in text and 'id="trend"' in text
    assert "/insight/cases/?source=petition" in text


def test_the_page_is_refused_to_an_account_without_a_unit(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("insight:dashboard")).status_code == 403


def test_the_hotline_figures_are_the_hotlines_own(make_order, handler, operator, dispatcher, world, now):
    from minsheng.hotline import services
    from minsheng.hotline.models import Order

    orders = [make_order() for _ in range(3)]
    for order in orders[:2]:
        services.order_accept(order=order, actor=handler, now=now)
        services.order_reply(order=order, actor=handler, now=now, result="已处理")
    services.order_visit(
        order=orders[0],
        actor=operator,
        now=now + timedelta(days=1),
        reached=True,
        contacted=True,
        solved=True,
        satisfaction="satisfied",
    )
    rollups.refresh()
    d = selectors.dashboard(dispatcher, source="hotline", **MARCH)
    assert d.totals["count"] == Order.objects.count() == 3
    assert _rates(d)["response"] == (1, 1, 100.0)
    assert _rates(d)["complete"][:2] == (2, 2)
    assert [(b.label, b.value) for b in d.complained] == [("青川区住房和城乡建设局", 3)]
    # The petition bureau's leader does not see hotline orders: the hotline's own rule does not show them.
    assert selectors.dashboard(world.users["leader"], source="hotline", **MARCH).totals["count"] == 0


def test_a_long_period_reads_months_and_says_the_same(county_cases, leader):
    march = selectors.dashboard(leader, **MARCH)
    year = selectors.dashboard(leader, since=date(2026, 1, 1), until=date(2026, 12, 31), today=MARCH["today"])
    edges = selectors.dashboard(
        leader, since=date(2026, 1, 20), until=date(2026, 4, 10), today=MARCH["today"]
    )
    for d in (year, edges):
        assert d.totals == march.totals
        assert [(b.label, b.value) for b in d.by_unit] == [(b.label, b.value) for b in march.by_unit]
        assert [(b.label, b.value) for b in d.by_area] == [(b.label, b.value) for b in march.by_area]
    assert [(b.label, b.value) for b in year.trend if b.value] == [("2026-03", 5)]
