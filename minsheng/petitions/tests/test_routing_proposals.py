"""The router's proposal at registration, the clerk's pre-filled forms, manual routing and corrections."""

import json
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from minsheng.api.tests.clients import bearer, post_json
from minsheng.petitions import services
from minsheng.petitions.services import proposals
from minsheng.petitions.tests.conftest import LIGHTS, WAGES
from minsheng.textmine.models import RoutingFeedback
from minsheng.textmine.router_store import train_and_publish
from minsheng.textmine.sources import CATEGORY, UNIT

pytestmark = pytest.mark.django_db


def selected(body: str, step: str, field: str) -> str | None:
    """The value of the selected option of a step form's select, as a browser would submit it."""
    select = re.search(rf'<select name="{field}"[^>]*id="id_{step}_{field}".*?</select>', body, re.S)
    option = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(0)) if select else None
    return option.group(1) if option else None


def test_a_confident_proposal_is_kept_and_pre_fills_the_routing_form(
    client, world, clerk, file_petition, routers
):
    petition = file_petition(category=None)  # a lighting problem, no category chosen by the clerk
    assert petition.suggested_category == world.categories["housing"]
    assert petition.suggested_unit == world.units["housing"]
    assert petition.category_confidence > 0.5 and not petition.manual_routing
    client.force_login(clerk)
    body = client.get(f"/staff/cases/{petition.number}/").content.decode()
    assert "分类与派单建议" in body and "需人工分派" not in body
    assert selected(body, "forward", "unit") == str(world.units["housing"].pk)
    assert selected(body, "forward", "category") == str(world.categories["housing"].pk)


def test_an_unsure_proposal_marks_the_case_for_manual_routing(
    client, clerk, file_petition, routers, settings
):
    settings.MINSHENG = {**settings.MINSHENG, "ROUTING_CONFIDENCE": 1.01}  # never sure enough
    petition = file_petition(category=None)
    assert petition.manual_routing
    client.force_login(clerk)
    body = client.get(f"/staff/cases/{petition.number}/").content.decode()
    assert "需人工分派" in body
    assert selected(body, "forward", "unit") in (None, "")
    queue = client.get("/staff/?manual=on").content.decode()
    assert petition.number in queue and "需人工分派" in queue


def test_without_a_published_router_every_case_needs_manual_routing(clerk, file_petition, client):
    petition = file_petition(category=None)
    assert petition.manual_routing and petition.suggested_unit is None
    client.force_login(clerk)
    assert petition.number in client.get("/staff/?manual=on").content.decode()


def test_a_correction_is_recorded_and_becomes_training_data(client, world, clerk, file_petition, routers):
    petition = file_petition(category=None)
    client.force_login(clerk)
    response = client.post(
        f"/staff/cases/{petition.number}/steps/forward/",
        {"unit": world.units["labour"].pk, "category": world.categories["labour"].pk, "note": ""},
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.unit == world.units["labour"] and petition.category == world.categories["labour"]
    feedback = {f.target: f for f in RoutingFeedback.objects.filter(record_id=petition.pk)}
    assert feedback[UNIT].suggested == str(world.units["housing"].pk)
    assert feedback[UNIT].chosen == str(world.units["labour"].pk) and feedback[UNIT].corrected
    assert feedback[CATEGORY].corrected
    # The next training learns the corrected unit for this text.
    from minsheng.textmine.management.commands.router import confirmed_routings

    assert (petition.text, str(world.units["labour"].pk)) in confirmed_routings(UNIT)


def test_an_accepted_proposal_is_recorded_as_not_corrected(world, clerk, file_petition, routers, now):
    petition = file_petition(category=None)
    services.petition_forward(petition=petition, actor=clerk, now=now, unit=world.units["housing"])
    feedback = RoutingFeedback.objects.get(record_id=petition.pk, target=UNIT)
    assert not feedback.corrected


def test_router_train_learns_units_from_routed_cases(
    world, clerk, file_petition, now, tmp_path, settings, capsys
):
    settings.DATA_DIR = tmp_path
    for key, text in (("housing", LIGHTS), ("labour", WAGES)):
        for i in range(4):
            p = file_petition(title=f"问题{i}", request=text, facts=text, category=None)
            services.petition_assign(petition=p, actor=clerk, now=now, unit=world.units[key])
    call_command("router", "train", "--target", "unit")
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["target"] == "unit" and out["trained_on"] == 8
    petition = file_petition(
        category=None,
        title="工资被拖欠",
        request="单位拖欠工资，不交社保",
        facts="农民工工资被拖欠",
        reasons="生活困难",
    )
    assert petition.suggested_unit == world.units["labour"]


def test_the_api_shows_the_proposal_and_routes_with_a_corrected_category(
    client, world, clerk, file_petition, routers
):
    petition = file_petition(category=None)
    headers = bearer(clerk)
    detail = client.get(f"/api/v1/petitions/{petition.number}", headers=headers).json()
    assert detail["routing"]["unit"]["name"] == world.units["housing"].name
    assert detail["routing"]["manual"] is False
    response = post_json(
        client,
        f"/api/v1/petitions/{petition.number}/steps/forward",
        {"unit": world.units["housing"].pk, "category": world.categories["labour"].code},
        headers=headers,
    )
    assert response.status_code == 200, response.content
    petition.refresh_from_db()
    assert petition.category == world.categories["labour"]


def test_the_intake_form_pre_fills_an_empty_category_while_the_clerk_types(client, world, clerk, routers):
    client.force_login(clerk)
    typed = {"title": "楼道照明坏了", "request": "小区楼道照明损坏，物业不维修", "category": ""}
    body = client.post("/staff/new/assist/", typed).content.decode()
    assert 'id="category-field" hx-swap-oob="true"' in body and "已按建议预填分类" in body
    assert selected(body.replace("id_category", "id_intake_category"), "intake", "category") == str(
        world.categories["housing"].pk
    )
    chosen = {**typed, "category": world.categories["labour"].pk}  # the clerk's own choice stays
    assert "hx-swap-oob" not in client.post("/staff/new/assist/", chosen).content.decode()


def test_cases_waiting_for_routing_get_the_proposal_of_a_newly_published_router(
    world, file_petition, tmp_path, settings
):
    waiting = file_petition(category=None)  # registered before any router existed
    assert waiting.manual_routing and waiting.suggested_unit is None
    settings.DATA_DIR = tmp_path
    housing = str(world.units["housing"].pk)
    labour = str(world.units["labour"].pk)
    train_and_publish([(LIGHTS, housing)] * 3 + [(WAGES, labour)] * 3, now=timezone.now(), data_dir=tmp_path,
                      target=UNIT)  # fmt: skip
    assert proposals.petition_repropose_waiting() == 1
    waiting.refresh_from_db()
    assert waiting.suggested_unit == world.units["housing"]


def test_the_api_queue_lists_the_cases_needing_manual_routing(client, clerk, file_petition):
    petition = file_petition(category=None)
    rows = client.get("/api/v1/petitions", {"manual": "true"}, headers=bearer(clerk)).json()["items"]
    assert [r["number"] for r in rows] == [petition.number] and rows[0]["manual_routing"] is True
