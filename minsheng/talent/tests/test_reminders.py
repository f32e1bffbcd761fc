"""The daily reminder scan: registrars (and workers with accounts) hear of each event once."""

from datetime import date

import pytest

from minsheng.notices.models import Notice
from minsheng.talent.models import SocialWorker
from minsheng.talent.services.reminders import reminders_send

pytestmark = pytest.mark.django_db


def test_it_reminds_registrars_once_of_due_lapsed_and_unregistered(make_worker, registrar, today):
    make_worker(
        level="assistant", registered_on=date(2023, 4, 1), hours=[("training", 30, None)]
    )  # due, short
    make_worker(registered_on=date(2023, 3, 1))  # lapsed
    make_worker(registered_on=None, passed_on=date(2024, 1, 1))  # never registered
    make_worker(registered_on=date(2025, 1, 1))  # fine
    assert reminders_send(today=today) == 3
    assert reminders_send(today=today) == 0  # idempotent
    notices = Notice.objects.filter(user=registrar)
    assert notices.count() == 3
    due = notices.get(key__startswith="talent:due:")
    assert "42" in due.body and "2026-04-01" in due.subject  # the shortfall, the end date


def test_it_reminds_the_worker_with_an_account_and_no_other_county(
    make_worker, world, other_registrar, today
):
    w = make_worker(registered_on=date(2023, 4, 1))
    SocialWorker.objects.filter(pk=w.pk).update(account=world.users["citizen"])
    reminders_send(today=today)
    assert Notice.objects.filter(user=world.users["citizen"], key__startswith="talent:due:").count() == 1
    assert not Notice.objects.filter(user=other_registrar).exists()
    assert not Notice.objects.filter(user=world.users["social_work_leader"]).exists()


def test_the_task_runs_the_scan(make_worker, registrar):
    from minsheng.talent.tasks import send_reminders

    assert send_reminders() >= 0
