"""A worker's rights request becomes a petition: the bureau sees it, the registry tracks it by platform."""

import pytest

from minsheng.petitions.models import Petition
from minsheng.petitions.selectors import petitions_visible_to
from minsheng.petitions.services import query_code_of
from minsheng.petitions.workflow import Channel, S
from minsheng.registry.newemployment.models import RightsChannel, RightsRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(world, platform):
    def make(**overrides):
        data = {
            "idempotency_key": "tok-" + "b" * 28,
            "platform": platform.pk,
            "work_kind": "rider",
            "title": "站点拖欠两个月配送费",
            "request": "请求督促站点支付拖欠的配送费。",
            "facts": "东湖站自1月起拖欠我两个月配送费共6000元。",
            "reasons": "按约定应每月结算。",
            "region": world.regions["street"].pk,
            "name": "赵小军",
            "phone": "13800002222",
            "address": "东湖街道幸福小区",
            "consent": "on",
        }
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return make


def test_it_registers_a_petition_and_returns_number_and_query_code(client, form, platform, clerk):
    response = client.post("/portal/newemployment/rights/", form(), follow=True)
    petition = Petition.objects.get()
    request = RightsRequest.objects.get()
    assert request.petition == petition and request.platform == platform
    assert request.channel == RightsChannel.PETITION
    assert petition.channel == Channel.ONLINE and petition.status == S.REGISTERED and petition.due_at
    assert "云州速达外卖" in petition.facts
    page = response.content.decode()
    assert petition.number in page and query_code_of(petition) in page
    # The petition bureau of the area sees it in its workflow.
    assert petitions_visible_to(clerk).filter(pk=petition.pk).exists()
    # The portal's own tracking page works for it.
    assert client.get(f"/portal/track/{petition.number}/").status_code == 200


def test_it_creates_one_request_when_the_form_is_posted_twice(client, form):
    client.post("/portal/newemployment/rights/", form())
    client.post("/portal/newemployment/rights/", form())
    assert Petition.objects.count() == 1 and RightsRequest.objects.count() == 1


def test_it_refuses_a_request_without_consent_or_facts_and_writes_nothing(client, form):
    for data in (form(consent=None), form(facts="")):
        response = client.post("/portal/newemployment/rights/", data)
        assert response.status_code == 400
    assert (
        "请阅读并同意个人信息处理说明。"
        in client.post("/portal/newemployment/rights/", form(consent=None)).content.decode()
    )
    assert not Petition.objects.exists() and not RightsRequest.objects.exists()


def test_it_tracks_requests_by_platform_with_petition_status_and_due_date(client, form, registrar, platform):
    client.post("/portal/newemployment/rights/", form())
    petition = Petition.objects.get()
    client.force_login(registrar)
    response = client.get(f"/registry/newemployment/rights/?platform={platform.pk}")
    page = response.content.decode()
    assert response.status_code == 200
    assert petition.number in page and "已登记" in page and petition.due_at.strftime("%Y-%m-%d") in page
    summary = response.context["summary"]
    assert summary == [
        {
            "platform_id": platform.pk,
            "name": "云州速达外卖",
            "total": 1,
            "by_status": {"registered": 1},
            "cells": [1],
        }
    ]
    # The petitioner's identity is not shown on the registry's pages.
    assert "赵小军" not in page and "13800002222" not in page


def test_it_rate_limits_rights_requests(client, form, settings):
    from django.core.cache import cache

    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": 1}
    cache.clear()
    assert client.post("/portal/newemployment/rights/", form()).status_code == 302
    assert (
        client.post("/portal/newemployment/rights/", form(idempotency_key="tok-" + "c" * 28)).status_code
        == 429
    )
    cache.clear()
