"""Deadlines on the official calendar: the study period and the reply due after the decision.

Expected dates checked by hand: 2026 Spring Festival holiday 02-15…02-23, 02-14 a make-up working
Saturday; 2026-03-11 + 15 working days is 04-01 (Qingming falls on 04-04…04-06, after it).
"""

from datetime import date, datetime

import pytest

from minsheng.core.periods import CHINA
from minsheng.suggestions import services
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.services import scan_overdue
from minsheng.suggestions.workflow import Clock, S

pytestmark = pytest.mark.django_db


def due_day(s) -> date:
    return s.due_at.astimezone(CHINA).date()


def test_it_gives_the_study_unit_15_working_days(flow):
    s = flow.at(S.STUDYING)
    assert s.due_clock == Clock.STUDY
    assert due_day(s) == date(2026, 4, 1)
    assert s.due_at.astimezone(CHINA).hour == 23


def test_it_reads_the_study_period_from_settings(flow, settings):
    settings.MINSHENG = {**settings.MINSHENG, "SUGGESTIONS": {"STUDY_WORKDAYS": 5, "REPLY_WORKDAYS": 1}}
    s = flow.at(S.STUDYING)
    assert due_day(s) == date(2026, 3, 18)
    s = services.suggestion_decide(suggestion=s, actor=flow.handler, now=flow.now, step="adopt")
    assert due_day(s) == date(2026, 3, 12)


def test_it_wants_the_reply_3_working_days_after_the_decision_across_the_spring_festival(flow, world):
    s = flow.at(S.STUDYING)
    decided_at = datetime(2026, 2, 13, 16, 0, tzinfo=CHINA)  # Friday before the holiday
    s = services.suggestion_decide(suggestion=s, actor=flow.handler, now=decided_at, step="adopt")
    assert s.due_clock == Clock.REPLY
    # 02-14 (make-up Saturday), then 02-24 and 02-25 after the holiday.
    assert due_day(s) == date(2026, 2, 25)


def test_it_stops_the_clock_when_the_proposer_is_answered(flow):
    s = flow.at(S.NOT_ADOPTED)
    s = services.suggestion_reply(suggestion=s, actor=flow.clerk, now=flow.now, reply="")
    assert s.due_at is None and s.replied_at == flow.now
    assert s.reply == "说明"  # the study unit's explanation when the clerk adds nothing


def test_it_keeps_the_reply_clock_when_a_reward_comes_first(flow):
    s = flow.at(S.ADOPTED)
    due = s.due_at
    s = services.suggestion_reward(suggestion=s, actor=flow.clerk, now=flow.now, amount="200")
    assert s.due_at == due and s.due_clock == Clock.REPLY


def test_it_lists_overdue_suggestions_for_the_office_and_reminds_once(client, flow, world):
    from minsheng.notices.models import Notice

    late = flow.at(S.STUDYING)
    on_time = flow.at(S.STUDYING, title="另一条建议")
    Suggestion.objects.filter(pk=late.pk).update(due_at=datetime(2026, 3, 1, tzinfo=CHINA))
    # The page reads the real clock: keep the other one due far ahead.
    Suggestion.objects.filter(pk=on_time.pk).update(due_at=datetime(2099, 1, 1, tzinfo=CHINA))
    client.force_login(world.users["suggestion_clerk"])
    page = client.get("/suggestions/?due=overdue").content.decode()
    assert late.number in page and on_time.number not in page
    assert scan_overdue(now=flow.now) == 1
    assert scan_overdue(now=flow.now) == 0  # idempotent
    assert Notice.objects.filter(user=world.users["handler"]).count() == 1
    assert not Notice.objects.filter(user=world.users["suggestion_clerk"]).exists()
