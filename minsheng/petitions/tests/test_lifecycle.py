from datetime import timedelta

import pytest

from minsheng.audit.chain import verify
from minsheng.petitions import services
from minsheng.petitions.workflow import Clock, Outcome, Rating, S

pytestmark = pytest.mark.django_db


def test_it_takes_a_petition_from_intake_to_final(
    world, clerk, handler, head, city_clerk, province_clerk, now, file_petition
):
    p = file_petition()
    assert p.number.startswith("XF2026-")
    assert p.status == S.REGISTERED and p.due_clock == Clock.ROUTE
    p = services.petition_assign(petition=p, actor=clerk, now=now, unit=world.units["housing"])
    assert p.status == S.ASSIGNED
    p = services.petition_accept(petition=p, actor=handler, now=now + timedelta(days=1))
    assert p.status == S.ACCEPTED and p.due_clock == Clock.HANDLE
    p = services.petition_extend(
        petition=p, actor=head, now=now + timedelta(days=50), extra_days=20, reason="需现场勘查"
    )
    assert p.status == S.EXTENDED
    p = services.petition_answer(
        petition=p,
        actor=handler,
        now=now + timedelta(days=60),
        outcome=Outcome.SUPPORT,
        facts="查明属实",
        reasons="符合规定",
        decision="三日内修复",
        basis="物业管理条例",
    )
    p = services.petition_rate(
        petition=p, actor=None, now=now + timedelta(days=61), rating=Rating.DISSATISFIED, as_citizen=True
    )
    p = services.petition_request_review(
        petition=p, actor=None, now=now + timedelta(days=62), reason="未修复", as_citizen=True
    )
    assert p.status == S.REVIEWING and p.review_unit == world.units["city_bureau"]
    p = services.petition_decide_review(
        petition=p, actor=city_clerk, now=now + timedelta(days=70), decision="维持"
    )
    p = services.petition_request_re_review(
        petition=p, actor=None, now=now + timedelta(days=72), reason="不服", as_citizen=True
    )
    assert p.review_unit == world.units["province_bureau"]
    p = services.petition_start_hearing(petition=p, actor=province_clerk, now=now + timedelta(days=80))
    due_before = p.due_at
    p = services.petition_end_hearing(petition=p, actor=province_clerk, now=now + timedelta(days=84))
    assert p.due_at > due_before
    p = services.petition_decide_re_review(
        petition=p, actor=province_clerk, now=now + timedelta(days=90), decision="维持"
    )
    assert p.status == S.FINAL
    assert verify().ok
