"""Every figure opens the list of cases behind it, read through the owning app's selector."""

from django.urls import reverse


def _numbers(page) -> set[str]:
    return {line.number for line in page.context["lines"]}


def test_a_unit_bar_lists_the_cases_behind_it(client, county_cases, leader, world):
    cases, _other = county_cases
    client.force_login(leader)
    page = client.get(
        reverse("insight:cases"),
        {
            "source": "petition",
            "since": "2026-03-01",
            "until": "2026-03-31",
            "unit": world.units["housing"].pk,
        },
    )
    assert page.status_code == 200
    assert _numbers(page) == {p.number for p in cases[:3]}


def test_a_department_sees_none_of_another_units_cases_through_the_list(
    client, county_cases, outsider, world
):
    client.force_login(outsider)
    page = client.get(reverse("insight:cases"), {"source": "petition", "unit": world.units["housing"].pk})
    assert page.status_code == 200
    assert _numbers(page) == set()


def test_the_complained_about_unit_lists_its_case(client, county_cases, leader, world):
    cases, _other = county_cases
    client.force_login(leader)
    page = client.get(reverse("insight:cases"), {"source": "petition", "accused": world.units["labour"].pk})
    assert _numbers(page) == {cases[4].number}


def test_the_overdue_figure_lists_the_overdue_cases(client, county_cases, leader):
    from datetime import date

    from minsheng.insight import selectors

    d = selectors.dashboard(leader, since=date(2026, 3, 1), until=date(2026, 3, 31), today=date(2026, 6, 1))
    client.force_login(leader)
    page = client.get(reverse("insight:cases"), {"source": "petition", "measure": "overdue"})
    # Today is later than every deadline of the test cases (March 2026): the figure and the list agree.
    assert d.overdue == len(_numbers(page)) > 0


def test_the_hot_issues_panel_loads(client, county_cases, leader):
    client.force_login(leader)
    page = client.get(reverse("insight:hot"), {"since": "2026-03-01", "until": "2026-03-31"})
    assert page.status_code == 200
    assert "热点问题" in page.content.decode()
