"""The reminder lists and the statistics, as a registrar sees them on 2026-03-11."""

from datetime import date

import pytest

from minsheng.talent import selectors
from minsheng.talent.models import Level, SocialWorker

pytestmark = pytest.mark.django_db


def names(qs):
    return sorted(r.worker.person.name_masked for r in qs)


def test_it_lists_who_is_short_of_hours_with_done_required_and_shortfall(make_worker, registrar, today):
    short = make_worker(level=Level.ASSISTANT, registered_on=date(2024, 1, 1), hours=[("training", 70, None)])
    make_worker(level=Level.ASSISTANT, registered_on=date(2024, 1, 1), hours=[("training", 72, None)])
    make_worker(level=Level.INTERMEDIATE, registered_on=date(2024, 1, 1), hours=[("degree", 1, None)])
    senior = make_worker(level=Level.SENIOR, registered_on=date(2024, 1, 1), hours=[("training", 89.5, None)])
    rows = list(selectors.short_of_hours(registrar, today=today))
    assert {r.worker_id for r in rows} == {short.pk, senior.pk}
    row = next(r for r in rows if r.worker_id == short.pk)
    assert (row.done, row.required, row.shortfall) == (70, 72, 2)


def test_it_counts_a_degree_once_in_the_list(make_worker, registrar, today):
    w = make_worker(
        level=Level.SENIOR,
        registered_on=date(2024, 1, 1),
        hours=[("degree", 0, date(2024, 9, 1)), ("degree", 200, date(2025, 9, 1))],
    )
    row = selectors.worker_periods(w)[0]
    assert (row.done, row.shortfall) == (90, 0)
    assert not selectors.short_of_hours(registrar, today=today).exists()


def test_it_counts_only_the_current_period(make_worker, registrar, today):
    # Hours of an ended period do not count for the current one.
    w = make_worker(registered_on=date(2023, 3, 10), hours=[("training", 90, None)])
    from minsheng.talent import services

    services.registration_register(
        certificate=w.certificates.get(), registered_on=date(2026, 3, 11), actor=registrar, today=today
    )
    rows = list(selectors.short_of_hours(registrar, today=today))
    assert [(r.worker_id, r.done) for r in rows] == [(w.pk, 0)]


@pytest.mark.parametrize(
    ("registered_on", "listed"),
    [
        (date(2023, 3, 11), True),  # ends today
        (date(2023, 6, 9), True),  # ends 2026-06-09, day 90
        (date(2023, 6, 10), False),  # ends 2026-06-10, day 91
        (date(2023, 3, 10), False),  # ended yesterday: lapsed, not due
    ],
)
def test_it_lists_registrations_ending_within_90_days(make_worker, registrar, today, registered_on, listed):
    make_worker(registered_on=registered_on, passed_on=date(2022, 9, 1))
    assert selectors.due_soon(registrar, today=today).exists() is listed


def test_it_drops_a_renewed_registration_from_due_soon_and_lapsed(make_worker, registrar, today):
    from minsheng.talent import services

    w = make_worker(registered_on=date(2023, 4, 1), hours=[("training", 90, None)])
    assert selectors.due_soon(registrar, today=today).count() == 1
    services.registration_renew(registration=w.registrations.get(), actor=registrar, today=today)
    assert not selectors.due_soon(registrar, today=today).exists()
    assert not selectors.lapsed(registrar, today=date(2026, 4, 5)).exists()


def test_it_lists_lapsed_and_unregistered(make_worker, registrar, today):
    lapsed = make_worker(registered_on=date(2023, 3, 10))
    make_worker(registered_on=None, passed_on=date(2025, 3, 11))  # deadline today: not yet overdue
    late = make_worker(registered_on=None, passed_on=date(2025, 3, 10))
    assert [r.worker_id for r in selectors.lapsed(registrar, today=today)] == [lapsed.pk]
    assert [c.worker_id for c in selectors.unregistered(registrar, today=today)] == [late.pk]


def test_it_leaves_workers_who_left_off_the_lists(make_worker, registrar, today):
    w = make_worker(registered_on=date(2023, 3, 10))
    SocialWorker.objects.filter(pk=w.pk).update(status=SocialWorker.Status.INACTIVE)
    assert not selectors.lapsed(registrar, today=today).exists()


def test_it_shows_another_countys_registrar_nothing(make_worker, other_registrar, today):
    make_worker(registered_on=date(2023, 3, 11), hours=[("training", 1, None)])
    make_worker(registered_on=None, passed_on=date(2020, 1, 1))
    assert not selectors.due_soon(other_registrar, today=today).exists()
    assert not selectors.short_of_hours(other_registrar, today=today).exists()
    assert not selectors.unregistered(other_registrar, today=today).exists()
    assert not selectors.statistics(other_registrar, area=other_registrar.memberships.get().unit.region)[
        "total"
    ]


def test_it_computes_workers_per_10000_residents_by_child_area(world, make_worker, registrar):
    county, street = world.regions["county"], world.regions["street"]
    from minsheng.orgs.models import Region

    west = Region.objects.create(code="990102002", name="西山街道", level=Region.Level.STREET, parent=county)
    county.population, street.population = 420_000, 30_000
    county.save()
    street.save()
    for _i in range(7):
        make_worker(region=street)
    make_worker(region=west, level=Level.SENIOR)
    make_worker(region=county, level=Level.ASSISTANT, field="elderly")
    stats = selectors.statistics(registrar, area=county)
    assert stats["total"] == 9
    assert str(stats["per_10k"]) == "0.21"  # 9 / 42
    rows = {r["region"].code: r for r in stats["rows"]}
    assert (rows["990102001"]["count"], str(rows["990102001"]["per_10k"])) == (7, "2.33")
    assert (rows["990102002"]["count"], rows["990102002"]["per_10k"]) == (1, None)  # no population: "—"
    levels = {lv.value: n for lv, n in stats["levels"]}
    assert levels == {"assistant": 1, "intermediate": 7, "senior": 1}
    assert dict((f.value, n) for f, n in stats["fields"]) == {"community": 8, "elderly": 1}


def test_it_leaves_workers_who_left_out_of_the_statistics(world, make_worker, registrar):
    w = make_worker()
    SocialWorker.objects.filter(pk=w.pk).update(status=SocialWorker.Status.INACTIVE)
    assert selectors.statistics(registrar, area=world.regions["county"])["total"] == 0
