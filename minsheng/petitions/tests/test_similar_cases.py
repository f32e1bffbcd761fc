"""Repeat and near-duplicate detection on the case page and beside the intake form."""

import pytest
from django.core.management import call_command

from minsheng.people.services import Identity
from minsheng.petitions import services
from minsheng.testing import ID_NUMBERS

pytestmark = pytest.mark.django_db

LETTER = dict(
    title="青石巷排水管道堵塞污水外溢",
    request="请求市政部门尽快疏通青石巷排水管道，清理外溢的污水。",
    facts="青石巷12号至30号门前的排水管道自上月起堵塞，每逢下雨污水漫到路面，臭味很大，老人孩子出行困难。",
    reasons="居民多次向社区反映没有结果，影响环境卫生和出行安全。",
)
# Another resident about the same matter: a greeting added, a few words changed.
COPY = dict(
    title="青石巷排水管道堵塞，污水外溢",
    request="尊敬的领导您好！请求市政部门尽快疏通青石巷排水管道，清理外溢的污水。谢谢！",
    facts="青石巷12号到30号门前的排水管道自上月起堵塞，每逢下雨污水漫到路面，臭味很大，老人孩子出行很困难。",
    reasons="居民多次向社区反映没有结果，影响环境卫生和出行安全。",
)
OTHER = dict(
    title="公司拖欠工资",
    request="请求劳动部门责令公司支付拖欠的三个月工资。",
    facts="本人在某电子厂工作，公司自今年一月起未发工资。",
    reasons="家庭生活困难。",
)


def neighbour(i: int = 1) -> Identity:
    return Identity(name="李四", id_number=ID_NUMBERS[i], phone="13900001111", address="青石巷20号")


def test_the_case_page_shows_cases_with_nearly_the_same_text_and_counts_the_people(
    client, clerk, file_petition
):
    first = file_petition(**LETTER)
    file_petition(**OTHER)
    second = file_petition(**COPY, petitioner=neighbour())
    client.force_login(clerk)
    body = client.get(f"/staff/cases/{second.number}/").content.decode()
    section = body[body.index("内容相近的信访件") :]
    assert first.number in section and "同一事项共 2 人反映" in section
    assert "公司拖欠工资" not in section


def test_the_same_petitioner_on_a_similar_matter_is_flagged_as_a_possible_repeat(
    client, clerk, file_petition
):
    first = file_petition(**LETTER)
    again = file_petition(**COPY)  # the same person (same ID number) writes again
    client.force_login(clerk)
    body = client.get(f"/staff/cases/{again.number}/").content.decode()
    section = body[body.index("同一信访人的其他信访件") : body.index("内容相近的信访件")]
    assert first.number in section and "可能重复" in section


def test_a_handler_sees_only_similar_cases_of_his_own_unit(client, world, clerk, handler, file_petition, now):
    first = file_petition(**LETTER)
    second = services.petition_assign(
        petition=file_petition(**COPY, petitioner=neighbour()),
        actor=clerk,
        now=now,
        unit=world.units["housing"],
    )
    client.force_login(handler)
    body = client.get(f"/staff/cases/{second.number}/").content.decode()
    assert first.number not in body  # still at the bureau: not the housing bureau's to see


def test_the_intake_assist_finds_similar_cases_and_earlier_cases_of_the_petitioner(
    client, clerk, file_petition
):
    first = file_petition(**LETTER)
    client.force_login(clerk)
    response = client.post(
        "/staff/new/assist/",
        {**COPY, "id_number": ID_NUMBERS[0], "category": ""},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    similar = body[body.index("内容相近的信访件") :]
    repeats = body[body.index("该信访人以前的信访件") : body.index("内容相近的信访件")]
    assert first.number in similar and first.number in repeats and "可能重复" in repeats
    other_person = client.post("/staff/new/assist/", {**COPY, "id_number": ID_NUMBERS[1]}).content.decode()
    assert first.number not in other_person[: other_person.index("内容相近的信访件")]


def test_the_intake_assist_copes_with_bad_input(client, clerk):
    client.force_login(clerk)
    for text in ("", "<script>alert(1)</script>醫院收費太貴", "😡" * 50, "拖欠工资" * 25_000):
        response = client.post("/staff/new/assist/", {"request": text, "id_number": "12345"})
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()


def test_only_clerks_of_a_petition_bureau_get_the_intake_assist(client, handler, citizen):
    client.force_login(handler)
    assert client.post("/staff/new/assist/", LETTER).status_code == 403
    client.force_login(citizen)
    assert client.post("/staff/new/assist/", LETTER).status_code == 302


def test_similar_cases_are_found_again_after_the_index_is_rebuilt(client, clerk, file_petition):
    first = file_petition(**LETTER)
    second = file_petition(**COPY, petitioner=neighbour())
    call_command("neardup", "rebuild", "--domain", "petitions")
    client.force_login(clerk)
    assert first.number in client.get(f"/staff/cases/{second.number}/").content.decode()


def test_the_api_answers_a_registration_with_the_similar_cases_the_clerk_may_see(
    client, clerk, file_petition
):
    from minsheng.api.tests.clients import bearer, intake_body, post_json

    first = file_petition(**LETTER)
    body = intake_body()
    body.update(COPY)
    response = post_json(client, "/api/v1/petitions", body, headers=bearer(clerk))
    assert response.status_code == 201
    assert [s["number"] for s in response.json()["similar"]] == [first.number]


def test_the_api_leaves_out_similar_cases_of_areas_the_clerk_does_not_oversee(client, world, file_petition):
    from minsheng.api.tests.clients import bearer, intake_body, post_json

    first = file_petition(**LETTER)  # 青川区
    body = {**intake_body(), **COPY, "region": world.regions["other_county"].code}
    other = post_json(client, "/api/v1/petitions", body, headers=bearer(world.users["other_clerk"]))
    assert other.status_code == 201 and other.json()["similar"] == []
    city = post_json(client, "/api/v1/petitions", body, headers=bearer(world.users["city_clerk"]))
    assert first.number in [s["number"] for s in city.json()["similar"]]


def test_the_likely_original_is_offered_in_the_link_repeat_form(client, clerk, file_petition):
    first = file_petition(**LETTER)
    again = file_petition(**COPY)
    client.force_login(clerk)
    body = client.get(f"/staff/cases/{again.number}/").content.decode()
    assert f'name="original" value="{first.number}"' in body
    response = client.post(f"/staff/cases/{again.number}/steps/link_repeat/", {"original": first.number})
    assert response.status_code == 302
    again.refresh_from_db()
    assert again.repeat_of == first
