"""A worker finds a station, registers and withdraws; the registrar sees the dashboard's charts."""

import re
from datetime import time

import pytest
from playwright.sync_api import expect

from minsheng.registry.newemployment import services
from minsheng.registry.newemployment.models import WorkerRegistration
from minsheng.testing import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_takes_a_worker_from_the_station_finder_through_registration_and_withdrawal(page, live_server):
    world = build_world()
    registrar = world.users["registrar"]
    street = world.regions["street"]
    platform = services.platform_save(
        actor=registrar,
        values={"name": "云州速达外卖", "kind": "delivery", "region": world.regions["county"]},
    )
    services.station_save(
        actor=registrar,
        values={"name": "东湖暖新驿站", "region": street, "address": "东湖路1号", "always_open": True,
                "has_water": True, "has_charging": True, "is_public": True},
    )  # fmt: skip
    services.station_save(
        actor=registrar,
        values={"name": "内部休息室", "region": street, "address": "某路", "opens_at": time(8),
                "closes_at": time(20), "is_public": False},
    )  # fmt: skip
    base = live_server.url

    page.goto(f"{base}/portal/newemployment/")
    expect(page.locator("main")).to_contain_text("东湖暖新驿站")
    expect(page.locator("main")).not_to_contain_text("内部休息室")
    page.check("[name=open_now]")
    page.click("main form.filters button[type=submit]")
    expect(page.locator("main .station")).to_have_count(1)
    page.click("text=东湖暖新驿站")
    expect(page.locator("main")).to_contain_text("充电")

    page.goto(f"{base}/portal/newemployment/register/")
    page.select_option("[name=platform]", str(platform.pk))
    page.check("[name=work_kind][value=rider]")
    page.select_option("[name=region]", str(street.pk))
    page.fill("[name=phone]", "13912345678")
    page.click("main form.portal-form button[type=submit]")
    expect(page.locator("main .alert")).to_contain_text("请阅读并同意")  # consent is required
    page.check("[name=consent]")
    page.click("main form.portal-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/register/done/"))
    code = page.locator("#withdraw-code").inner_text().strip()
    assert WorkerRegistration.objects.get().phone_masked == "139****5678"

    page.goto(f"{base}/portal/newemployment/withdraw/")
    page.fill("[name=code]", code)
    page.click("main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("已撤回")
    assert WorkerRegistration.objects.get().phone_enc == ""

    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "registrar")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{base}/registry/newemployment/")
    expect(page.locator("[data-chart=stations-area] svg")).to_have_count(1)
