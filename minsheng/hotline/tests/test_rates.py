"""The three rates on a hand-computed table, the rollups against a recomputation, 每月一题."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from minsheng.hotline import services, stats
from minsheng.hotline.models import DailyRollup
from minsheng.hotline.services import rollups
from minsheng.testing import PASSWORD, password_login


def test_it_computes_the_rates_by_the_default_formulas():
    # 10 valid visits: 8 contacted, 6 solved, 5 satisfied, 3 basically satisfied, 2 dissatisfied.
    r = stats.rates_of(stats.Tally(visits=12, valid=10, contacted=8, solved=6, satisfied=5, basically=3))
    assert r.response == pytest.approx(80.0)
    assert r.solution == pytest.approx(60.0)
    assert r.satisfaction == pytest.approx(77.0)  # (5 + 0.9 × 3) / 10
    assert r.composite == pytest.approx(0.1 * 80 + 0.5 * 60 + 0.4 * 77)  # 68.8


def test_it_takes_weights_from_the_configuration(settings):
    settings.MINSHENG = {
        **settings.MINSHENG,
        "HOTLINE": {"RATE_WEIGHTS": {"response": 1, "solution": 1, "satisfaction": 2},
                    "SATISFACTION_WEIGHTS": {"basically": 0.5}},
    }  # fmt: skip
    r = stats.rates_of(stats.Tally(valid=10, contacted=8, solved=6, satisfied=5, basically=3))
    assert r.satisfaction == pytest.approx(65.0)  # (5 + 0.5 × 3) / 10
    assert r.composite == pytest.approx((80 + 60 + 2 * 65) / 4)


def test_it_has_no_rates_without_valid_visits():
    r = stats.rates_of(stats.Tally(visits=3, valid=0))
    assert r.response is None and r.composite is None


@pytest.fixture
def visited(make_order, handler, street_handler, operator, world, now):
    """Four orders to housing (county), two to the street office, visited with known answers."""
    answers = [
        # (region, reached, contacted, solved, satisfaction)
        ("county", True, True, True, "satisfied"),
        ("county", True, True, False, "basically"),
        ("county", True, False, False, "dissatisfied"),
        ("county", False, None, None, ""),
        ("street", True, True, True, "satisfied"),
        ("street", True, True, True, "basically"),
    ]
    for region, reached, contacted, solved, satisfaction in answers:
        order = make_order(region=world.regions[region])
        actor = handler if region == "county" else street_handler
        services.order_accept(order=order, actor=actor, now=now)
        services.order_reply(order=order, actor=actor, now=now, result="已处理")
        services.order_visit(order=order, actor=operator, now=now + timedelta(days=1), reached=reached,
                             contacted=contacted, solved=solved, satisfaction=satisfaction)  # fmt: skip


def test_the_rollups_count_each_unit(visited, world, now):
    period = stats.Period(date(2026, 3, 1), date(2026, 3, 31))
    housing = stats.tally(period, unit=world.units["housing"])
    assert (housing.received, housing.visits, housing.valid) == (4, 4, 3)
    assert (housing.contacted, housing.solved, housing.satisfied, housing.basically) == (2, 1, 1, 1)
    ranking = stats.unit_ranking(period, [world.regions["county"].path])
    assert [r.key for r in ranking] == [world.units["street_office"], world.units["housing"]]
    assert ranking[0].rates.composite == pytest.approx(0.1 * 100 + 0.5 * 100 + 0.4 * 95)


def test_the_area_table_sums_each_subtree(visited, world):
    period = stats.Period(date(2026, 3, 1), date(2026, 3, 31))
    rows = {r.key.code: r for r in stats.area_table(period, world.regions["county"])}
    assert rows["990102001"].rates.tally.valid == 2
    whole = stats.tally(period, region=world.regions["county"])
    assert whole.valid == 5 and whole.received == 6


def test_the_rollups_equal_a_recomputation(visited, make_order, handler, dispatcher, world, now):
    # A reassignment moves the received count from one unit to another.
    order = make_order()
    services.order_object(order=order, actor=handler, now=now, reason="非本单位")
    services.order_reassign(order=order, actor=dispatcher, now=now + timedelta(days=2),
                            unit=world.units["labour"], decision="改派")  # fmt: skip
    assert rollups.stored() == {k: v for k, v in rollups.recompute().items() if any(v.values())}
    period = stats.Period(date(2026, 3, 1), date(2026, 3, 31))
    for unit in ("housing", "street_office", "labour"):
        assert stats.tally(period, unit=world.units[unit]) == stats.tally_from_orders(
            period, unit=world.units[unit]
        )
    DailyRollup.objects.update(solved=0)
    call_command("hotline_rollups", "rebuild")
    assert stats.tally(period, unit=world.units["housing"]).solved == 1
    call_command("hotline_rollups", "check")


def test_the_period_excludes_visits_outside_it(visited, world):
    before = stats.Period(date(2026, 3, 1), date(2026, 3, 11))  # visits were made on 12 March
    t = stats.tally(before, unit=world.units["housing"])
    assert t.received == 4 and t.valid == 0


def test_monthly_problems_rank_categories_with_growth(make_order, world, cats, now):
    for _ in range(3):
        make_order(category=cats["lights"])
    make_order(category=cats["water"])
    make_order(category=cats["lights"], at=now - timedelta(days=30))  # February
    problems = stats.monthly_problems(2026, 3, [world.regions["county"].path])
    assert [(p.category.code, p.count, p.previous) for p in problems] == [("0101", 3, 1), ("0201", 1, 0)]
    assert problems[0].growth == pytest.approx(200.0) and problems[1].growth is None


def test_the_rates_page_and_its_excel(client, visited, operator):
    assert password_login(client, "operator", PASSWORD)
    page = client.get(reverse("hotline:rates"), {"since": "2026-03-01", "until": "2026-03-31"})
    body = page.content.decode()
    assert page.status_code == 200 and "东湖街道办事处" in body and "unit-rates" in body
    xlsx = client.get(
        reverse("hotline:rates"), {"since": "2026-03-01", "until": "2026-03-31", "format": "xlsx"}
    )
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    bad = client.get(reverse("hotline:rates"), {"since": "2026-04-01", "until": "2026-03-01"})
    assert bad.status_code == 400 and "起始日期不能晚于截止日期" in bad.content.decode()


def test_the_monthly_page_and_its_excel(client, make_order, operator):
    make_order()
    assert password_login(client, "operator", PASSWORD)
    page = client.get(reverse("hotline:monthly"), {"month": "2026-03"})
    assert page.status_code == 200 and "路灯照明" in page.content.decode()
    xlsx = client.get(reverse("hotline:monthly"), {"month": "2026-03", "format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    bad = client.get(reverse("hotline:monthly"), {"month": "2026-13"})
    assert bad.status_code == 400 and "月份格式应为" in bad.content.decode()


def test_monthly_hotspots_group_similar_orders(make_order, world):
    from minsheng.people.services import Identity

    for i in range(3):
        make_order(
            title="幸福路路灯不亮",
            content=f"幸福路小区门口路灯不亮第{i}天，夜间出行不便。",
            requester=Identity(name=f"市民{i}", phone=f"1380000{i:04d}"),
        )
    issues = stats.monthly_hotspots(2026, 3, [world.regions["county"].path])
    assert issues and issues[0].size == 3
