"""Certificates: whoever recorded certifies; the PDF; the public verification page shows only what it may."""

import subprocess

import pytest
from django.urls import reverse

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError
from minsheng.volunteers.service import services
from minsheng.volunteers.service.models import Certificate
from minsheng.volunteers.service.services.certificates import Issuer
from minsheng.volunteers.service.tests.conftest import at
from minsheng.volunteers.service.tests.helpers import history


@pytest.fixture
def certified(volunteer, team, organizer):
    history(volunteer, team, minutes=150 * 60, start=at(1, 9, month=1))
    services.recompute_one(volunteer.pk)
    volunteer.refresh_from_db()
    return services.certificate_issue(
        volunteer=volunteer, issuer=Issuer(team=team), actor=organizer, now=at(11, 10)
    )


def pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_it_freezes_the_team_hours_and_makes_a_code(certified, volunteer_name):
    assert certified.minutes == 150 * 60 and certified.hours == "150.0"
    assert len(certified.code) == 12 and certified.issuer_name == "东湖志愿服务队"
    assert certified.period_start.isoformat() == "2026-01-01"
    assert AuditEvent.objects.filter(action="volunteer_service.certificate.issued").count() == 1


def test_it_certifies_only_the_hours_the_team_recorded(volunteer, team, other_team, other_organizer):
    history(volunteer, team, minutes=600, start=at(1, 9, month=1))
    with pytest.raises(DomainError, match="没有由白石志愿服务队认定"):
        services.certificate_issue(volunteer=volunteer, issuer=Issuer(team=other_team), actor=other_organizer,
                                   now=at(11, 10))  # fmt: skip
    assert not Certificate.objects.exists()


def test_it_lets_the_social_work_department_certify_its_area(world, volunteer, team, registrar):
    history(volunteer, team, minutes=600, start=at(1, 9, month=1))
    cert = services.certificate_issue(
        volunteer=volunteer, issuer=Issuer(unit=world.units["social_work"]), actor=registrar, now=at(11, 10)
    )
    assert cert.issuer_name == "中共青川区委社会工作部" and cert.minutes == 600


def test_it_prints_the_name_and_code_in_the_pdf(client, certified, organizer, volunteer_name):
    client.force_login(organizer)
    response = client.get(reverse("volunteer_service:certificate_pdf", args=[certified.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert volunteer_name in text and "150.0" in text and "东湖志愿服务队" in text
    assert "-".join(certified.code[i : i + 4] for i in (0, 4, 8)) in text
    assert f"/portal/service/verify/{certified.code}/" in text


def test_it_lets_the_volunteer_download_their_own_certificate_only(client, certified, vol_user, citizen):
    url = reverse("volunteer_service_public:certificate_pdf", args=[certified.pk])
    client.force_login(vol_user)
    assert client.get(url).status_code == 200
    client.force_login(citizen)
    assert client.get(url).status_code == 404


def test_it_verifies_showing_only_name_hours_issuer_date_and_validity(
    client, certified, volunteer, volunteer_name
):
    page = client.get(reverse("volunteer_service_public:verify", args=[certified.code.lower()]))
    body = page.content.decode()
    assert page.status_code == 200
    assert volunteer_name in body and "150.0" in body and "东湖志愿服务队" in body and "证明有效" in body
    assert "2026-03-11" in body and 'content="noindex' in body  # a name is shown: not for search engines
    for secret in (volunteer.phone_masked, volunteer.region.name, "敬老院", "出生"):
        assert secret not in body


def test_it_shows_a_revoked_certificate_as_revoked(client, certified, organizer):
    client.force_login(organizer)
    assert (
        client.post(reverse("volunteer_service:revoke", args=[certified.pk]), {"reason": ""}).status_code
        == 302
    )
    certified.refresh_from_db()
    assert not certified.revoked  # a reason is required
    client.post(reverse("volunteer_service:revoke", args=[certified.pk]), {"reason": "时长录入有误"})
    client.logout()
    body = client.get(reverse("volunteer_service_public:verify", args=[certified.code])).content.decode()
    assert "已撤销" in body and "证明有效" not in body


def test_it_lets_only_the_issuer_revoke(client, certified, registrar):
    client.force_login(registrar)  # sees the certificate (its area) but did not issue it
    assert (
        client.post(reverse("volunteer_service:revoke", args=[certified.pk]), {"reason": "x"}).status_code
        == 403
    )


def test_it_answers_an_unknown_code_with_404_and_limits_guessing(db, client, settings):
    settings.MINSHENG = {**settings.MINSHENG, "VOLUNTEER_SERVICE": {"VERIFY_PER_HOUR": 3}}
    from django.core.cache import cache

    cache.clear()
    url = reverse("volunteer_service_public:verify", args=["ABCDEFGHJKMN"])
    assert [client.get(url).status_code for _ in range(4)] == [404, 404, 404, 429]
    cache.clear()


def test_it_finds_a_typed_code_through_the_form(client, certified):
    response = client.post(reverse("volunteer_service_public:verify_form"), {"code": certified.code})
    assert response.status_code == 302 and certified.code in response["Location"]


def test_it_issues_from_the_staff_page(client, organizer, volunteer, team):
    history(volunteer, team, minutes=600, start=at(1, 9, month=1))
    client.force_login(organizer)
    url = reverse("volunteer_service:issue", args=[volunteer.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"issuer": f"team:{team.pk}", "start": "2026-03-01", "end": "2026-02-01"})
    assert response.status_code == 400 and "不能晚于" in response.content.decode()
    assert client.post(url, {"issuer": f"team:{team.pk}"}).status_code == 302
    assert Certificate.objects.get().minutes == 600
