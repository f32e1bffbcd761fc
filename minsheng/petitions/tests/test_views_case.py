"""The case page (/staff/cases/<number>/), identities and attachments."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minsheng.audit.models import AuditEvent
from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import Kind

pytestmark = pytest.mark.django_db
UNMASKED = "people.person.unmasked"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def assigned(world, clerk, file_petition):
    """``assigned(unit_key, **overrides)``: a filed case assigned to a unit of the world."""

    def make(unit_key="housing", **overrides):
        p = file_petition(**overrides)
        return services.petition_assign(
            petition=p, actor=clerk, now=p.received_at, unit=world.units[unit_key]
        )

    return make


def url(p, tail=""):
    return f"/staff/cases/{p.number}/{tail}"


def test_it_shows_the_case_to_its_handler_with_the_steps_allowed_now(client, handler, assigned):
    p = assigned()
    client.force_login(handler)
    response = client.get(url(p))
    body = response.content.decode()
    assert response.status_code == 200
    assert p.title in body and p.facts in body
    assert "已转送/交办" in body
    assert f'action="{url(p, "steps/accept/")}"' in body
    assert f'action="{url(p, "steps/assign/")}"' not in body  # the bureau's step, not the handler's
    assert p.petitioner.name_masked in body
    assert "王小明" not in body and "13812341234" not in body


def test_it_hides_the_case_from_other_units(client, outsider, assigned):
    p = assigned()
    client.force_login(outsider)
    assert client.get(url(p)).status_code == 404
    assert client.get("/staff/cases/XF2026-999999/").status_code == 404


def test_it_shows_the_timeline_from_the_audit_log(client, clerk, assigned):
    p = assigned()
    client.force_login(clerk)
    body = client.get(url(p)).content.decode()
    assert "登记" in body
    assert "交办" in body
    assert "单位：青川区住房和城乡建设局" in body
    assert "→ 已转送/交办" in body


def test_it_warns_when_a_deadline_was_computed_without_an_official_calendar(client, clerk, file_petition):
    p = file_petition()
    client.force_login(clerk)
    assert "期限按周末推算，缺官方日历" not in client.get(url(p)).content.decode()
    Petition.objects.filter(pk=p.pk).update(due_warning=True)
    assert "期限按周末推算，缺官方日历" in client.get(url(p)).content.decode()


def test_it_lists_other_cases_of_the_same_petitioner_that_the_user_may_see(client, clerk, handler, assigned):
    first = assigned("housing")
    second = assigned("labour", title="工资拖欠")
    client.force_login(clerk)
    assert second.number in client.get(url(first)).content.decode()
    client.force_login(handler)
    # The labour bureau's case exists, but the housing bureau must not learn of it.
    assert second.number not in client.get(url(first)).content.decode()


def test_it_shows_the_identity_to_the_handler_and_records_the_look(client, handler, assigned):
    p = assigned()
    client.force_login(handler)
    response = client.post(url(p, "identity/"), {"reason": "电话回访"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "王小明" in body and "13812341234" in body
    assert "<html" not in body
    event = AuditEvent.objects.get(action=UNMASKED)
    assert event.actor == handler
    assert event.data == {"reason": "电话回访", "context": p.number}


def test_it_never_shows_the_identity_to_the_accused_unit(client, handler, assigned):
    # A complaint about the housing bureau that the housing bureau itself handles.
    p = assigned("housing", accused_unit=handler.memberships.get().unit)
    client.force_login(handler)
    body = client.get(url(p)).content.decode()
    assert "查看身份信息" not in body
    response = client.post(url(p, "identity/"))
    assert response.status_code == 403
    assert "王小明" not in response.content.decode()
    assert not AuditEvent.objects.filter(action=UNMASKED).exists()


def test_it_hides_a_report_from_the_accused_unit(client, world, handler, assigned):
    report = assigned("discipline", kind=Kind.REPORT, accused_unit=world.units["housing"])
    client.force_login(handler)
    assert client.get(url(report)).status_code == 404
    assert client.post(url(report, "identity/")).status_code == 404
    assert not AuditEvent.objects.filter(action=UNMASKED).exists()


def test_it_has_nothing_to_unmask_on_an_anonymous_report(client, world, clerk, file_petition):
    p = file_petition(kind=Kind.REPORT, anonymous=True, petitioner=None)
    client.force_login(clerk)
    assert "匿名" in client.get(url(p)).content.decode()
    assert client.post(url(p, "identity/")).status_code == 403
    assert not AuditEvent.objects.filter(action=UNMASKED).exists()


def test_it_refuses_to_unmask_on_a_get(client, handler, assigned):
    p = assigned()
    client.force_login(handler)
    assert client.get(url(p, "identity/")).status_code == 405
    assert not AuditEvent.objects.filter(action=UNMASKED).exists()


def test_it_serves_attachments_only_to_those_who_see_the_case(client, handler, outsider, assigned):
    upload = SimpleUploadedFile("说明.txt", "楼道无灯".encode(), content_type="text/plain")
    p = assigned(attachments=(upload,))
    item = p.attachments.get()
    client.force_login(handler)
    assert item.original_name in client.get(url(p)).content.decode()
    response = client.get(url(p, f"attachments/{item.token}/"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == "楼道无灯".encode()
    assert "attachment" in response["Content-Disposition"]
    client.force_login(outsider)
    assert client.get(url(p, f"attachments/{item.token}/")).status_code == 404


def test_it_keeps_the_petitioners_files_from_the_unit_complained_about(client, handler, clerk, assigned):
    # A complaint about the housing bureau that the bureau itself handles: an attached ID card or
    # signed letter would tell it who complained.
    upload = SimpleUploadedFile("身份证.txt", "王小明 110101199003074477".encode(), content_type="text/plain")
    p = assigned("housing", accused_unit=handler.memberships.get().unit, attachments=(upload,))
    item = p.attachments.get()
    client.force_login(handler)
    body = client.get(url(p)).content.decode()
    assert item.original_name not in body and "不向被投诉单位提供" in body
    assert client.get(url(p, f"attachments/{item.token}/")).status_code == 404
    client.force_login(clerk)
    assert client.get(url(p, f"attachments/{item.token}/")).status_code == 200


def test_it_does_not_serve_one_cases_attachment_under_another_case(client, clerk, file_petition):
    upload = SimpleUploadedFile("说明.txt", b"x", content_type="text/plain")
    with_file = file_petition(attachments=(upload,))
    other = file_petition()
    client.force_login(clerk)
    token = with_file.attachments.get().token
    assert client.get(url(other, f"attachments/{token}/")).status_code == 404


def test_it_lists_representatives_masked(client, clerk, file_petition):
    from minsheng.people.services import Identity

    p = file_petition(headcount=8, representatives=[Identity(name="张三丰", phone="13900001111")])
    client.force_login(clerk)
    body = client.get(url(p)).content.decode()
    assert "张三丰" not in body and "13900001111" not in body
    assert "139****1111" in body
