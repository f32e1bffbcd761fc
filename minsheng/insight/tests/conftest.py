"""Insight fixtures: the hotline's own order fixtures, and a county with cases in several states."""

from datetime import timedelta

import pytest

from minsheng.hotline.tests.conftest import cats, make_order, rules  # noqa: F401 (fixtures)
from minsheng.insight import rollups
from minsheng.petitions import services
from minsheng.petitions.workflow import Rating
from minsheng.testing import file_petition


@pytest.fixture
def county_cases(world, now):
    """Five petitions of 青川区 received on 9–11 March 2026 and one of 白石区; then the rollups.

    housing: two answered (one rated satisfied), one accepted; labour: one assigned; one not routed.
    One case complains about the labour bureau. 白石区: one case registered by its own bureau.
    """
    w = world
    clerk, handler = w.users["clerk"], w.users["handler"]
    cases = [file_petition(w, actor=clerk, now=now - timedelta(days=k % 3)) for k in range(5)]
    for p in cases[:3]:
        services.petition_assign(petition=p, actor=clerk, now=now, unit=w.units["housing"])
        p.refresh_from_db()
        services.petition_accept(petition=p, actor=handler, now=now)
    for p in cases[:2]:
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
    services.petition_forward(
        petition=cases[3], actor=clerk, now=now, unit=w.units["labour"], category=w.categories["labour"]
    )
    from minsheng.petitions.models import Petition

    Petition.objects.filter(pk=cases[4].pk).update(accused_unit=w.units["labour"])
    other = file_petition(w, actor=w.users["other_clerk"], now=now, region=w.regions["other_county"])
    rollups.refresh()
    return cases, other
