"""Annual reports: filing, review, the overdue list and the idempotent reminder scan."""

from datetime import date, datetime

import pytest

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA
from minsheng.notices.models import Notice
from minsheng.registry.associations import selectors, services
from minsheng.registry.associations.deadlines import Deadline, due_date
from minsheng.registry.associations.models import AnnualReport, Association
from minsheng.registry.associations.selectors import Filters
from minsheng.registry.associations.services import Filing
from minsheng.registry.associations.tests.factories import make_association
from minsheng.registry.associations.workflow import S

pytestmark = pytest.mark.django_db

JUNE = datetime(2026, 6, 2, 9, 0, tzinfo=CHINA)


def test_the_due_dates_are_march_and_may_of_the_next_year():
    assert due_date(2025, Deadline.SUPERVISOR) == date(2026, 3, 31)
    assert due_date(2025, Deadline.REGISTRAR) == date(2026, 5, 31)


def _file(a, actor, *, year=2025, on=date(2026, 4, 20), supervisor=date(2026, 3, 20)):
    return services.annual_report_submit(
        association=a,
        actor=actor,
        year=year,
        filing=Filing(submitted_on=on, supervisor_submitted_on=supervisor),
        now=JUNE,
    )


def test_it_records_one_report_a_year_and_a_returned_one_may_be_filed_again(world, registrar, now):
    a = make_association(world, registrar, now)
    report = _file(a, registrar)
    with pytest.raises(DomainError):
        _file(a, registrar)
    services.annual_report_review(
        report=report, actor=registrar, accept=False, reason="财务报表缺页", now=JUNE
    )
    report = _file(a, registrar, on=date(2026, 5, 10))
    assert report.state == AnnualReport.State.SUBMITTED and not report.return_reason
    assert AnnualReport.objects.count() == 1
    services.annual_report_review(report=report, actor=registrar, accept=True, now=JUNE)
    actions = list(
        AuditEvent.objects.filter(action__startswith="associations.report").values_list("action", flat=True)
    )
    assert actions == [
        "associations.report.submitted",
        "associations.report.returned",
        "associations.report.resubmitted",
        "associations.report.accepted",
    ]


def test_a_return_needs_a_reason_and_a_report_is_reviewed_once(world, registrar, now):
    report = _file(make_association(world, registrar, now), registrar)
    with pytest.raises(InvalidInput):
        services.annual_report_review(report=report, actor=registrar, accept=False, reason=" ", now=JUNE)
    services.annual_report_review(report=report, actor=registrar, accept=True, now=JUNE)
    with pytest.raises(DomainError):
        services.annual_report_review(report=report, actor=registrar, accept=True, now=JUNE)


def test_it_refuses_reports_of_unfinished_years_or_bodies_not_registered(world, registrar, now):
    a = make_association(world, registrar, now)
    with pytest.raises(InvalidInput):
        _file(a, registrar, year=2026, on=date(2026, 5, 1))
    preparing = make_association(world, registrar, now, n=2, status=S.PREPARING, credit_code="")
    with pytest.raises(DomainError):
        _file(preparing, registrar)
    with pytest.raises(InvalidInput) as caught:
        _file(a, registrar, on=date(2026, 3, 1), supervisor=date(2026, 3, 20))
    assert "supervisor_submitted_on" in caught.value.errors


def test_the_overdue_list_shows_bodies_that_did_not_file_by_the_due_date(
    world, registrar, other_registrar, now
):
    filed = make_association(world, registrar, now, n=1)
    missing = make_association(world, registrar, now, n=2, name="未报协会")
    direct = make_association(world, registrar, now, n=3, name="直接登记商会", supervising_unit="")
    returned = make_association(world, registrar, now, n=4, name="被退回协会")
    make_association(world, registrar, now, n=5, name="筹备协会", status=S.PREPARING, credit_code="")
    make_association(world, registrar, now, n=6, name="新成立协会", registered_on=date(2026, 2, 1))
    _file(filed, registrar)
    services.annual_report_review(
        report=_file(returned, registrar), actor=registrar, accept=False, reason="缺页", now=JUNE
    )

    def names(deadline, today, user=registrar):
        qs = selectors.overdue(user, year=2025, deadline=deadline, today=today, filters=Filters())
        return {a.name for a in qs}

    assert names(Deadline.REGISTRAR, date(2026, 5, 31)) == set()  # not yet due
    assert names(Deadline.REGISTRAR, date(2026, 6, 1)) == {missing.name, direct.name, returned.name}
    # The preliminary review is not owed by a directly registered body; a returned report was reviewed.
    assert names(Deadline.SUPERVISOR, date(2026, 4, 1)) == {missing.name}
    assert names(Deadline.REGISTRAR, date(2026, 6, 1), user=other_registrar) == set()


def test_reminders_go_to_the_areas_registrars_once(world, registrar, other_registrar, now):
    a = make_association(world, registrar, now, n=1)
    make_association(world, registrar, now, n=2, name="已报协会")
    _file(Association.objects.get(name="已报协会"), registrar)
    early = datetime(2026, 2, 1, 9, 0, tzinfo=CHINA)
    assert services.remind_annual_reports(now=early) == 0  # more than 30 days before 03-31
    created = services.remind_annual_reports(now=JUNE)
    assert created == 2  # one body, two deadlines, one registrar
    assert services.remind_annual_reports(now=JUNE) == 0
    notices = Notice.objects.filter(user=registrar).order_by("key")
    assert [n.key for n in notices] == [
        f"associations:report:{a.pk}:2025:registrar",
        f"associations:report:{a.pk}:2025:supervisor",
    ]
    assert "已逾期" in notices[0].subject
    assert not Notice.objects.filter(user=other_registrar).exists()


def test_reminders_before_the_due_date_say_when_it_is_due(world, registrar, now):
    make_association(world, registrar, now, supervising_unit="")
    assert services.remind_annual_reports(now=datetime(2026, 5, 10, 9, 0, tzinfo=CHINA)) == 1
    assert "截止日期2026-05-31" in Notice.objects.get().subject
