"""The rollup table stays equal to the records: after filing and moving cases, twice, and on rebuild."""

from datetime import timedelta

from django.core.management import call_command

from minsheng.insight import rollups
from minsheng.insight.models import MEASURES, Rollup
from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import Rating
from minsheng.testing import file_petition


def _table():
    return sorted(
        tuple(
            getattr(r, f)
            for f in (
                "source",
                "day",
                "region_id",
                "unit_id",
                "category",
                "channel",
                "state",
                "kind",
                "accused_id",
                "due_day",
                *MEASURES,
            )
        )
        for r in Rollup.objects.all()
    )


def _totals(source="petition"):
    rows = Rollup.objects.filter(source=source)
    return {
        "count": sum(r.count for r in rows),
        "accepted": sum(r.accepted for r in rows),
        "completed": sum(r.completed for r in rows),
        "satisfied": sum(r.satisfied for r in rows),
        "assigned": sum(r.assigned for r in rows),
    }


def _move_cases(world, now):
    clerk, handler = world.users["clerk"], world.users["handler"]
    housing = world.units["housing"]
    cases = [file_petition(world, actor=clerk, now=now - timedelta(days=k)) for k in range(4)]
    for p in cases[:3]:
        services.petition_assign(petition=p, actor=clerk, now=now, unit=housing)
    for p in cases[:2]:
        p.refresh_from_db()
        services.petition_accept(petition=p, actor=handler, now=now)
        p.refresh_from_db()
        services.petition_answer(
            petition=p,
            actor=handler,
            now=now,
            outcome="support",
            facts="查明",
            reasons="理由",
            decision="修复",
            basis="条例",
        )
    cases[0].refresh_from_db()
    services.petition_rate(petition=cases[0], actor=clerk, now=now, rating=Rating.SATISFIED)
    return cases


def test_it_counts_what_the_cases_say_after_filing_and_moving_them(world, now):
    rollups.refresh()
    _move_cases(world, now)
    rollups.refresh()
    assert _totals() == {
        "count": Petition.objects.count(),
        "accepted": Petition.objects.filter(accepted_at__isnull=False).count(),
        "completed": Petition.objects.filter(answered_at__isnull=False).count(),
        "satisfied": Petition.objects.filter(rating=Rating.SATISFIED).count(),
        "assigned": Petition.objects.filter(assignment_kind="assign").count(),
    }
    assert _totals() == {"count": 4, "accepted": 2, "completed": 2, "satisfied": 1, "assigned": 3}
    by_state = {}
    for r in Rollup.objects.filter(source="petition"):
        by_state[r.state] = by_state.get(r.state, 0) + r.count
    assert by_state == {"registered": 1, "assigned": 1, "answered": 1, "rated": 1}


def test_it_changes_nothing_when_run_twice(world, now):
    _move_cases(world, now)
    rollups.refresh()
    first = _table()
    again = rollups.refresh()
    assert _table() == first
    assert first  # there was something to compare
    assert (again.events, again.days, again.rows) == (0, 0, 0)


def test_it_sees_a_later_step_on_an_already_counted_case(world, now):
    cases = _move_cases(world, now)
    rollups.refresh()
    services.petition_assign(
        petition=cases[3], actor=world.users["clerk"], now=now, unit=world.units["housing"]
    )
    rollups.refresh()
    assert _totals()["assigned"] == 4


def test_it_rebuilds_the_same_table_the_refresh_keeps(world, now):
    rollups.refresh()
    _move_cases(world, now)
    rollups.refresh()
    incremental = _table()
    Rollup.objects.all().delete()
    call_command("insight_rebuild", stdout=open("/dev/null", "w"))
    assert _table() == incremental


def test_the_month_table_sums_the_days(world, now):
    from django.db.models import Sum

    from minsheng.insight.models import RollupMonth

    _move_cases(world, now)
    rollups.refresh()
    days = Rollup.objects.aggregate(*(Sum(m) for m in MEASURES))
    months = RollupMonth.objects.aggregate(*(Sum(m) for m in MEASURES))
    assert days == months and days["count__sum"] == 4


def test_a_community_counts_in_its_street(world, now):
    from minsheng.orgs.models import Region

    community = Region.objects.create(
        code="990102001001", name="湖畔社区", level=Region.Level.COMMUNITY, parent=world.regions["street"]
    )
    file_petition(world, actor=world.users["clerk"], now=now, region=community)
    rollups.refresh()
    assert list(Rollup.objects.values_list("region_id", "count")) == [(world.regions["street"].pk, 1)]


def test_a_rebuild_from_a_day_keeps_the_days_before_it(world, now):
    import io

    _move_cases(world, now)  # cases received on 8–11 March
    rollups.refresh()
    before = _table()
    Rollup.objects.filter(day__gte="2026-03-10").delete()
    out = io.StringIO()
    call_command("insight_rebuild", "--since", "2026-03-10", "--source", "petition", stdout=out)
    assert _table() == before
    assert "petition 2026-03-10" in out.getvalue()
