"""The volunteer's side: the QR link checks in and out; the profile shows hours, stars, certificates."""

from datetime import timedelta

import pytest
from django.urls import reverse

from minsheng.volunteers.service import services, tokens
from minsheng.volunteers.service.models import ServiceRecord
from minsheng.volunteers.service.tests.conftest import at
from minsheng.volunteers.service.tests.helpers import history


@pytest.fixture
def frozen(monkeypatch):
    """Set the clock the views read."""

    def to(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return to


def test_it_checks_in_then_out_from_the_same_link(client, frozen, shift, volunteer, vol_user):
    url = reverse("volunteer_service_public:checkin", args=[tokens.checkin_token(shift.pk)])
    client.force_login(vol_user)
    frozen(at(11, 8, 55))
    assert "签到" in client.get(url).content.decode()
    assert client.post(url, {"action": "in"}).status_code == 302
    assert client.post(url, {"action": "in"}).status_code == 302  # a double tap changes nothing
    frozen(at(11, 11, 30))
    assert client.post(url, {"action": "out"}).status_code == 302
    record = ServiceRecord.objects.get()
    assert record.minutes == 150
    assert "2.5" in client.get(url).content.decode()


def test_it_explains_a_check_out_without_check_in(client, frozen, shift, volunteer, vol_user):
    url = reverse("volunteer_service_public:checkin", args=[tokens.checkin_token(shift.pk)])
    client.force_login(vol_user)
    frozen(at(11, 11))
    response = client.post(url, {"action": "out"})
    assert response.status_code == 409 and "还没有签到" in response.content.decode()


def test_it_sends_a_stranger_to_log_in_and_refuses_a_made_up_link(client, shift, vol_user):
    url = reverse("volunteer_service_public:checkin", args=[tokens.checkin_token(shift.pk)])
    response = client.get(url)
    assert response.status_code == 302 and "/portal/login/" in response["Location"]
    client.force_login(vol_user)
    assert (
        client.get(reverse("volunteer_service_public:checkin", args=[f"{shift.pk}:forged"])).status_code
        == 404
    )


def test_it_tells_a_citizen_who_is_not_a_volunteer(client, frozen, citizen, shift):
    client.force_login(citizen)
    frozen(at(11, 9))
    url = reverse("volunteer_service_public:checkin", args=[tokens.checkin_token(shift.pk)])
    assert "还没有注册为志愿者" in client.post(url, {"action": "in"}).content.decode()
    assert not ServiceRecord.objects.exists()
    assert "还没有注册为志愿者" in client.get(reverse("volunteer_service_public:me")).content.decode()


def test_it_shows_hours_stars_and_records_on_the_profile(client, volunteer, vol_user, team, organizer):
    history(volunteer, team, minutes=320 * 60, start=at(1, 9, month=1))
    services.recompute_one(volunteer.pk)
    client.force_login(vol_user)
    body = client.get(reverse("volunteer_service_public:me")).content.decode()
    assert (
        "320.0" in body and "★★☆☆☆" in body and "2星级志愿者" in body and "再服务 280 小时可达3星级" in body
    )


def test_it_shows_the_qr_code_on_the_organizers_kiosk(client, organizer, shift, volunteer, frozen):
    client.force_login(organizer)
    page = client.get(reverse("volunteer_service:shift", args=[shift.pk])).content.decode()
    assert "<svg" in page and tokens.checkin_token(shift.pk) in page and volunteer.name_masked in page
    frozen(at(11, 9, 5))
    kiosk = reverse("volunteer_service:kiosk", args=[shift.pk, volunteer.pk])
    assert client.post(kiosk, {"action": "in"}).status_code == 302
    assert ServiceRecord.objects.get().source == "kiosk"


def test_it_hides_another_teams_kiosk(client, other_organizer, other_team, shift):
    client.force_login(other_organizer)
    assert client.get(reverse("volunteer_service:shift", args=[shift.pk])).status_code == 404


def test_it_lets_the_organizer_enter_times_on_the_kiosk_page(client, organizer, shift, volunteer, frozen):
    client.force_login(organizer)
    frozen(at(11, 13))
    url = reverse("volunteer_service:enter", args=[shift.pk, volunteer.pk])
    bad = client.post(url, {"check_in_at": "2026-03-11T11:00", "check_out_at": "2026-03-11T10:00"})
    assert bad.status_code == 400
    ok = client.post(url, {"check_in_at": "2026-03-11T09:00", "check_out_at": "2026-03-11T10:30"})
    assert ok.status_code == 302
    assert ServiceRecord.objects.get().minutes == 90
    assert shift.starts_at + timedelta(hours=3) == shift.ends_at
