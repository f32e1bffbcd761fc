"""Statutory deadlines of a case, on the official calendar (DESIGN §1.1–1.2), and the periodic scan.

Expected dates were checked by hand against the ``chinese-calendar`` data: 2026 Golden Week is
10-01…10-07 (10-08 a working day); the Spring Festival holiday is 02-15…02-23 with 02-14 and 02-28
make-up working Saturdays; 2027 has no official calendar yet.
"""

from datetime import date, timedelta

import pytest

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA
from minsheng.petitions import services
from minsheng.petitions.models import Petition, Supervision
from minsheng.petitions.tests.cases import Cases, china
from minsheng.petitions.workflow import Clock, S

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(world, now):
    return Cases(world, now)


def due_day(petition: Petition) -> date:
    return petition.due_at.astimezone(CHINA).date()


def test_it_gives_the_bureau_15_days_to_route_and_rolls_past_golden_week(cases):
    cases.now = china(2026, 9, 20) - timedelta(hours=1)  # a make-up working Sunday
    petition = cases.file()
    assert petition.due_clock == Clock.ROUTE
    assert due_day(petition) == date(2026, 10, 8)  # 10-05 is a holiday
    assert petition.due_at.astimezone(CHINA).time().hour == 23  # the day ends at 24:00
    assert not petition.due_warning


def test_it_gives_the_unit_60_days_from_acceptance(cases, world):
    petition = cases.at(S.ASSIGNED)
    petition = cases.take("accept", petition, world.users["handler"], now=china(2026, 8, 3))
    assert petition.due_clock == Clock.HANDLE
    assert due_day(petition) == date(2026, 10, 8)  # 60 days is 10-02, in Golden Week


def test_it_extends_by_at_most_30_days_with_a_reason_from_the_original_end(cases, world):
    head = world.users["head"]
    petition = cases.at(S.ASSIGNED)
    petition = cases.take("accept", petition, world.users["handler"], now=china(2026, 8, 3))
    for extra_days, reason, field in (
        (31, "需现场勘查", "days"),
        (0, "需现场勘查", "days"),
        (10, " ", "reason"),
    ):
        with pytest.raises(InvalidInput) as refused:
            cases.take("extend", petition, head, extra_days=extra_days, reason=reason)
        assert field in refused.value.errors
    petition = cases.take(
        "extend", petition, head, now=china(2026, 9, 30), extra_days=10, reason="需现场勘查"
    )
    assert petition.status == S.EXTENDED and petition.extension_reason == "需现场勘查"
    assert petition.due_clock == Clock.HANDLE
    assert due_day(petition) == date(2026, 10, 19)  # 10-08 + 10 = Sunday 10-18 → Monday


def test_it_allows_one_extension_only(cases, world):
    petition = cases.at(S.EXTENDED)
    with pytest.raises(DomainError) as refused:
        cases.take("extend", petition, world.users["head"])
    assert refused.value.code == "wrong_state"


def test_it_opens_a_30_day_review_window_with_the_answer(cases, world):
    petition = cases.at(S.ACCEPTED)
    petition = cases.take("answer", petition, world.users["handler"], now=china(2026, 3, 20))
    assert petition.due_clock == Clock.REVIEW_WINDOW
    assert due_day(petition) == date(2026, 4, 20)  # 04-19 is a Sunday


def test_it_refuses_a_review_request_after_the_window_even_before_the_scan_closed_it(cases, world):
    petition = cases.at(S.ACCEPTED)
    petition = cases.take("answer", petition, world.users["handler"], now=china(2026, 3, 20))
    with pytest.raises(DomainError) as refused:
        cases.take("request_review", petition, world.users["citizen"], now=china(2026, 4, 21, 9))
    assert refused.value.code == "window_closed"
    petition = cases.take("request_review", petition, world.users["citizen"], now=china(2026, 4, 20, 23))
    assert petition.status == S.REVIEWING and petition.review_unit == world.units["city_bureau"]


def assigned_before_spring_festival(cases: Cases, world) -> Petition:
    cases.now = china(2026, 2, 10)
    petition = cases.file()
    return cases.take("assign", petition, world.users["clerk"], now=china(2026, 2, 12))


def test_it_accepts_an_objection_within_5_working_days_across_spring_festival(cases, world):
    petition = assigned_before_spring_festival(cases, world)
    # 02-13 (1), make-up Saturday 02-14 (2), holiday to 02-23, then 02-24 (3), 02-25 (4), 02-26 (5).
    petition = cases.take("object", petition, world.users["handler"], now=china(2026, 2, 26, 18))
    assert petition.status == S.REGISTERED and petition.unit is None
    assert petition.due_clock == Clock.ROUTE and due_day(petition) == date(2026, 3, 13)


def test_it_refuses_an_objection_after_5_working_days(cases, world):
    petition = assigned_before_spring_festival(cases, world)
    with pytest.raises(DomainError) as refused:
        cases.take("object", petition, world.users["handler"], now=china(2026, 2, 27, 9))
    assert refused.value.code == "objection_late"
    assert "2026-02-26" in str(refused.value.message)
    petition.refresh_from_db()
    assert petition.status == S.ASSIGNED


def re_reviewing_from_june(cases: Cases, world) -> Petition:
    cases.now = china(2026, 5, 25)  # reviewed within the day: the window runs to late June
    petition = cases.at(S.REVIEWED)
    return cases.take("request_re_review", petition, world.users["citizen"], now=china(2026, 6, 1))


def test_it_does_not_count_hearing_days_in_the_re_review_period(cases, world):
    province = world.users["province_clerk"]
    petition = re_reviewing_from_june(cases, world)
    assert petition.due_clock == Clock.RE_REVIEW and due_day(petition) == date(2026, 7, 1)
    petition = cases.take("start_hearing", petition, province, now=china(2026, 6, 10))
    assert due_day(petition) == date(2026, 7, 1)
    petition = cases.take("end_hearing", petition, province, now=china(2026, 6, 13, 16))
    # Four hearing days (06-10…06-13): 07-01 + 4 = Sunday 07-05 → Monday 07-06.
    assert petition.status == S.RE_REVIEWING and due_day(petition) == date(2026, 7, 6)
    assert petition.hearing_started_at is None


def test_it_never_reports_a_case_in_a_hearing_as_overdue(cases, world):
    petition = re_reviewing_from_june(cases, world)
    petition = cases.take("start_hearing", petition, world.users["province_clerk"], now=china(2026, 6, 10))
    result = services.scan_deadlines(now=china(2026, 7, 20))
    assert result.supervised == 0
    assert not Supervision.objects.filter(petition=petition).exists()


def test_it_warns_when_a_period_reaches_a_year_without_an_official_calendar(cases, world):
    petition = cases.at(S.ASSIGNED)
    early = cases.take("accept", petition, world.users["handler"], now=china(2026, 3, 12))
    assert not early.due_warning
    late = cases.at(S.ASSIGNED)
    late = cases.take("accept", late, world.users["handler"], now=china(2026, 11, 20))
    assert due_day(late).year == 2027 and late.due_warning
    cases.now = china(2026, 12, 20)
    assert cases.file().due_warning


# The scan -------------------------------------------------------------------------------------


def test_it_supervises_an_overdue_duty_once_however_often_the_scan_runs(cases, world):
    petition = cases.file()  # registered 2026-03-11: routing due 03-26
    assert due_day(petition) == date(2026, 3, 26)
    first = services.scan_deadlines(now=china(2026, 3, 27, 0))
    assert first.supervised == 1 and first.closed == 0
    petition.refresh_from_db()
    assert petition.overdue_since == china(2026, 3, 27, 0)
    assert petition.supervision_count == 1 and petition.status == S.REGISTERED
    supervision = Supervision.objects.get(petition=petition)
    assert supervision.clock == Clock.ROUTE and supervision.by_unit == world.units["city_bureau"]
    again = services.scan_deadlines(now=china(2026, 3, 28))
    assert again.supervised == 0
    assert Supervision.objects.filter(petition=petition).count() == 1


def test_it_supervises_again_when_a_moved_deadline_is_missed(cases, world):
    petition = cases.at(S.ASSIGNED)
    petition = cases.take("accept", petition, world.users["handler"], now=china(2026, 3, 12))
    services.scan_deadlines(now=china(2026, 5, 20))  # 60 days ran out on 05-11
    petition = cases.take("extend", petition, world.users["head"], now=china(2026, 5, 21), extra_days=20)
    assert petition.overdue_since is None
    services.scan_deadlines(now=china(2026, 6, 5))
    petition.refresh_from_db()
    assert petition.supervision_count == 2
    assert Supervision.objects.filter(petition=petition).count() == 2


def test_it_closes_a_case_when_the_review_window_runs_out(cases, world):
    petition = cases.at(S.ACCEPTED)
    petition = cases.take("answer", petition, world.users["handler"], now=china(2026, 3, 20))
    assert services.scan_deadlines(now=china(2026, 4, 20, 23)).closed == 0
    result = services.scan_deadlines(now=china(2026, 4, 21, 0))
    assert result.closed == 1 and result.supervised == 0
    petition.refresh_from_db()
    assert petition.status == S.CLOSED and petition.closed_at == china(2026, 4, 21, 0)
    assert petition.due_at is None and not Supervision.objects.exists()


def test_it_leaves_a_case_that_is_not_yet_due_untouched(cases):
    petition = cases.file()
    before = Petition.objects.values().get(pk=petition.pk)
    result = services.scan_deadlines(now=china(2026, 3, 26, 23))
    assert (result.closed, result.supervised) == (0, 0)
    assert Petition.objects.values().get(pk=petition.pk) == before
    assert not Supervision.objects.exists()
