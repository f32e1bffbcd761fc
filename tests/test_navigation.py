"""After logging in, staff land in their own area, and the navigation offers only their areas."""

import pytest

from minsheng.testing import PASSWORD


@pytest.mark.parametrize(
    "username, home",
    [
        ("clerk", "/staff/"),
        ("street_handler", "/staff/"),
        ("operator", "/hotline/"),
        ("registrar", "/registry/"),
        ("suggestion_clerk", "/suggestions/"),
    ],
)
def test_it_sends_each_staff_member_to_their_own_area(client, world, username, home):
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == home


def test_it_shows_a_registrar_the_registries_and_not_the_petition_queue(client, registrar):
    client.force_login(registrar)
    nav = client.get("/registry/").content.decode().split("<main")[0]
    assert "登记管理" in nav and "志愿服务" in nav and "社工人才" in nav
    assert "我的待办" not in nav and "接诉即办" not in nav


def test_it_shows_a_department_handler_its_working_areas(client, handler):
    client.force_login(handler)
    nav = client.get("/staff/").content.decode().split("<main")[0]
    assert "我的待办" in nav and "接诉即办" in nav and "吹哨报到" in nav
    assert "登记管理" not in nav


def test_it_keeps_the_registries_from_other_staff(client, handler):
    client.force_login(handler)
    assert client.get("/registry/").status_code == 403
