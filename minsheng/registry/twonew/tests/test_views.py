"""The pages: who may open them (the permission matrix), and what a registrar sees and does there."""

from datetime import date

import pytest
from django.urls import reverse

from minsheng.registry.twonew import services
from minsheng.registry.twonew.models import Industry, Organization, PartyOrganization
from minsheng.registry.twonew.synthetic import credit_code

LIST_PAGES = ["units", "party_list", "coverage", "gaps", "instructors"]


@pytest.fixture
def unit(area, make_unit):
    return make_unit(area["street"], name="东湖精密制造有限公司", full_members=4)


@pytest.fixture
def party(area, registrar, make_unit):
    return services.party_org_create(
        actor=registrar, name="东湖党支部", kind=PartyOrganization.Kind.BRANCH, joint=False,
        units=[make_unit(area["street"])], members=8, has_committee=False, founded_on=date(2025, 7, 1),
    )  # fmt: skip


@pytest.mark.parametrize("page", LIST_PAGES)
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("registrar", 200),
        ("social_work_leader", 200),
        ("other_registrar", 200),
        ("handler", 403),
        ("clerk", 403),
    ],
)
def test_it_opens_the_staff_pages_to_social_work_staff_only(client, world, area, page, persona, status):
    client.force_login(world.users[persona])
    assert client.get(reverse(f"registry:twonew:{page}")).status_code == status


@pytest.mark.parametrize("page", LIST_PAGES)
def test_it_sends_anonymous_visitors_to_log_in(client, page):
    assert client.get(reverse(f"registry:twonew:{page}")).status_code == 302


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("registrar", 200),
        ("social_work_leader", 200),
        ("other_registrar", 404),
        ("handler", 403),
        ("clerk", 403),
    ],
)
def test_it_shows_a_unit_and_a_party_organization_only_within_the_area(
    client, world, unit, party, persona, status
):
    client.force_login(world.users[persona])
    assert client.get(reverse("registry:twonew:unit", args=[unit.pk])).status_code == status
    assert client.get(reverse("registry:twonew:party", args=[party.pk])).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("registrar", 200), ("social_work_leader", 403), ("other_registrar", 404), ("handler", 403)],
)
def test_it_lets_only_the_registrar_edit(client, world, unit, persona, status):
    client.force_login(world.users[persona])
    assert client.get(reverse("registry:twonew:unit_edit", args=[unit.pk])).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"), [("social_work_leader", 403), ("handler", 403), ("clerk", 403)]
)
def test_it_refuses_writes_to_readers_and_others(client, world, area, persona, status):
    client.force_login(world.users[persona])
    for name in ("unit_create", "party_create", "import"):
        assert client.get(reverse(f"registry:twonew:{name}")).status_code == status
    response = client.post(
        reverse("registry:twonew:instructors"), {"name": "王", "region": area["county"].pk}
    )
    assert response.status_code == status


def test_it_hides_another_areas_units_from_the_list_and_the_dashboard(client, other_registrar, area, unit):
    client.force_login(other_registrar)
    response = client.get(reverse("registry:twonew:units"))
    assert unit.name not in response.content.decode()
    assert client.get(reverse("registry:twonew:coverage") + "?region=990102").status_code == 404


def test_it_registers_a_unit_from_the_form(client, registrar, area):
    client.force_login(registrar)
    data = dict(name="西山云仓物流有限公司", credit_code=credit_code(5), kind="non_public",
                region=area["west"].pk, industry="G", employees=40, full_members=3, probationary_members=1,
                operating="on")  # fmt: skip
    response = client.post(reverse("registry:twonew:unit_create"), data)
    unit = Organization.objects.get()
    assert response.status_code == 302 and response.url == reverse("registry:twonew:unit", args=[unit.pk])


def test_it_shows_a_wrong_credit_code_in_chinese_and_saves_nothing(client, registrar, area):
    client.force_login(registrar)
    data = dict(name="某公司", credit_code="91990102ABC", kind="non_public", region=area["west"].pk,
                industry="G", employees=4)  # fmt: skip
    response = client.post(reverse("registry:twonew:unit_create"), data)
    assert response.status_code == 400
    assert "统一社会信用代码应为18位" in response.content.decode()
    assert not Organization.objects.exists()


def test_it_shows_the_joint_limit_in_chinese_when_six_units_are_chosen(client, registrar, area, make_unit):
    client.force_login(registrar)
    units = [make_unit(area["street"]) for _ in range(6)]
    data = dict(name="联合党支部", kind="joint_branch", joint="on", units=[u.pk for u in units], members=12,
                founded_on="2025-07-01")  # fmt: skip
    response = client.post(reverse("registry:twonew:party_create"), data)
    assert response.status_code == 400
    assert "联合党组织覆盖的单位不得超过5个" in response.content.decode()
    assert not PartyOrganization.objects.exists()


def test_it_sets_up_a_joint_branch_from_the_form(client, registrar, area, make_unit):
    client.force_login(registrar)
    units = [make_unit(area["street"]) for _ in range(3)]
    data = dict(name="东湖联合党支部", kind="joint_branch", joint="on", units=[u.pk for u in units],
                members=9, founded_on="2025-07-01")  # fmt: skip
    response = client.post(reverse("registry:twonew:party_create"), data)
    assert response.status_code == 302
    detail = client.get(response.url).content.decode()
    assert "应设立支部委员会" in detail  # 9 members, no committee: a to-do


def test_it_shows_the_dashboard_with_numbers_that_link_to_their_lists(
    client, registrar, area, make_unit, party
):
    make_unit(area["street"], full_members=3, industry=Industry.F)  # a gap
    client.force_login(registrar)
    response = client.get(reverse("registry:twonew:coverage"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-chart="by-area"' in html and 'data-chart="by-industry"' in html
    gaps_link = response.context["area_total"].links["gaps"]
    listed = client.get(gaps_link)
    assert listed.context["page"].paginator.count == response.context["area_total"].counts["gaps"] == 1
    street = client.get(reverse("registry:twonew:coverage") + "?region=990102001")
    assert street.status_code == 200


def test_it_assigns_an_instructor_to_ticked_gaps(client, registrar, area, make_unit):
    gaps = [make_unit(area["street"], full_members=3) for _ in range(2)]
    instructor = services.instructor_create(actor=registrar, name="李指导", region=area["county"])
    client.force_login(registrar)
    page = client.get(reverse("registry:twonew:gaps"))
    assert page.context["page"].paginator.count == 2
    response = client.post(
        reverse("registry:twonew:assign"),
        {"instructor": instructor.pk, "units": [u.pk for u in gaps], "next": reverse("registry:twonew:gaps")},
    )
    assert response.status_code == 302
    assert Organization.objects.filter(instructor=instructor).count() == 2


def test_it_exports_the_gap_list_and_the_registry(client, registrar, area, make_unit):
    make_unit(area["street"], full_members=3, name="应建单位")
    make_unit(area["street"], full_members=0, name="普通单位")
    client.force_login(registrar)
    from minsheng.core import sheets

    gaps = client.get(reverse("registry:twonew:gaps") + "?format=xlsx")
    rows = sheets.read_table(gaps.content, "gaps.xlsx")
    assert [r[0] for r in rows[1:]] == ["应建单位"]
    everything = sheets.read_table(client.get(reverse("registry:twonew:unit_export")).content, "all.xlsx")
    assert {r[0] for r in everything[1:]} == {"应建单位", "普通单位"}


def test_it_does_not_let_the_leader_register_an_instructor_page_form(client, social_work_leader):
    client.force_login(social_work_leader)
    assert client.get(reverse("registry:twonew:instructors")).context["form"] is None


def test_it_links_every_number_of_the_dashboard_to_a_list_of_as_many_units(
    client, registrar, area, make_unit
):
    make_unit(area["street"], full_members=3)  # on the street itself: the "本级" row
    make_unit(area["community"], full_members=4)
    make_unit(area["community"], full_members=0, operating=False)
    services.party_org_create(
        actor=registrar, name="东湖社区党支部", kind=PartyOrganization.Kind.BRANCH, joint=False,
        units=[make_unit(area["community"], full_members=5)], members=5, has_committee=False,
        founded_on=date(2025, 7, 1),
    )  # fmt: skip
    client.force_login(registrar)
    page = client.get(reverse("registry:twonew:coverage") + "?region=990102001").context
    rows = [*page["areas"], page["area_total"], *page["industries"], page["industry_total"]]
    assert {r.label for r in page["areas"]} == {"东湖社区", "东湖街道本级"}
    for row in rows:
        for status, url in row.links.items():
            listed = client.get(url).context["page"].paginator.count
            assert listed == row.counts[status], (row.label, status)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("social_work_leader", 403), ("other_registrar", 404), ("handler", 403), ("clerk", 403)],
)
def test_it_refuses_changes_to_a_party_organization_and_leaves_it_as_it_was(
    client, world, party, persona, status
):
    client.force_login(world.users[persona])
    edit = client.post(reverse("registry:twonew:party_edit", args=[party.pk]), {"name": "改名", "members": 9})
    dissolve = client.post(
        reverse("registry:twonew:party_dissolve", args=[party.pk]), {"on": "2026-03-01", "reason": "测试"}
    )
    assert (edit.status_code, dissolve.status_code) == (status, status)
    party.refresh_from_db()
    assert party.name == "东湖党支部" and party.dissolved_on is None


def test_it_dissolves_from_the_page_and_the_unit_becomes_a_gap_again(client, registrar, area, make_unit):
    unit = make_unit(area["street"], full_members=4)
    party = services.party_org_create(
        actor=registrar, name="东湖党支部", kind=PartyOrganization.Kind.BRANCH, joint=False, units=[unit],
        members=4, has_committee=False, founded_on=date(2025, 7, 1),
    )  # fmt: skip
    client.force_login(registrar)
    response = client.post(
        reverse("registry:twonew:party_dissolve", args=[party.pk]), {"on": "2026-03-01", "reason": "企业迁出"}
    )
    assert response.status_code == 302
    assert client.get(reverse("registry:twonew:gaps")).context["page"].paginator.count == 1
    early = client.post(
        reverse("registry:twonew:party_dissolve", args=[party.pk]), {"on": "2026-03-02", "reason": "再次"}
    )
    assert early.status_code == 409 and "已撤销" in early.content.decode()
