import pytest
from django.db import transaction

from minsheng.notices.models import Notice
from minsheng.notices.services import notify, unread_count


@pytest.fixture
def remind(registrar):
    def make(key="talent.renewal:1", **extra):
        values = dict(user=registrar, key=key, subject="注册即将到期", body="张三的注册将于2026-06-30到期。")
        return notify(**(values | extra))

    return make


def test_it_reminds_once_however_often_a_scan_runs(remind, registrar):
    assert remind() is not None
    assert remind() is None
    assert Notice.objects.filter(user=registrar).count() == 1
    assert unread_count(registrar) == 1


def test_it_keeps_the_callers_transaction_intact_on_a_repeat(remind, registrar):
    remind()
    with transaction.atomic():
        assert remind() is None
        Notice.objects.create(user=registrar, key="other", subject="x")  # the caller goes on writing
    assert Notice.objects.filter(user=registrar).count() == 2


def test_it_emails_only_after_the_write_commits(
    remind, registrar, mailoutbox, django_capture_on_commit_callbacks
):
    registrar.email = "huang@example.org"
    registrar.save()
    with django_capture_on_commit_callbacks(execute=True):
        remind(url="/talent/")
    assert [m.to for m in mailoutbox] == [["huang@example.org"]]
    assert "/talent/" in mailoutbox[0].body


def test_it_does_not_remind_a_disabled_account(remind, registrar):
    registrar.is_active = False
    registrar.save()
    assert remind() is None


def test_it_shows_a_user_only_their_own_reminders(client, remind, registrar, other_registrar):
    remind()
    notify(user=other_registrar, key="k", subject="白石区的提醒")
    client.force_login(registrar)
    page = client.get("/notices/").content.decode()
    assert "注册即将到期" in page and "白石区的提醒" not in page
    client.post("/notices/read/")
    assert unread_count(registrar) == 0
    assert unread_count(other_registrar) == 1


def test_it_sends_an_anonymous_visitor_to_the_login(client):
    response = client.get("/notices/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
