import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minsheng.petitions.models import Attachment, Petition
from minsheng.petitions.services import query_code_of
from minsheng.petitions.workflow import Channel, Kind, S

pytestmark = pytest.mark.django_db


def test_it_shows_an_empty_form_with_a_fresh_idempotency_token(client, world):
    first = client.get("/portal/submit/")
    second = client.get("/portal/submit/")
    assert first.status_code == 200
    token = first.context["form"].token
    assert len(token) >= 20 and f'value="{token}"' in first.content.decode()
    assert second.context["form"].token != token
    assert "东湖街道" in first.content.decode()


def test_it_registers_an_online_petition_and_shows_number_and_code_once(client, form_data):
    response = client.post("/portal/submit/", form_data(), follow=True)
    petition = Petition.objects.get()
    assert petition.channel == Channel.ONLINE and petition.status == S.REGISTERED
    assert petition.account is None and petition.petitioner is not None
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == "/portal/submit/done/"
    assert petition.number in page and query_code_of(petition) in page
    assert "查询码只显示这一次" in page
    # Reloading the confirmation does not show the code again (shared computers).
    again = client.get("/portal/submit/done/")
    assert again.status_code == 302 and query_code_of(petition) not in again.content.decode()


def test_it_creates_one_case_when_the_same_form_is_posted_twice(client, form_data):
    first = client.post("/portal/submit/", form_data(), follow=True)
    second = client.post("/portal/submit/", form_data(), follow=True)
    petition = Petition.objects.get()
    assert petition.idempotency_key == "portal-tok-" + "a" * 28
    for response in (first, second):
        assert petition.number in response.content.decode()
        assert query_code_of(petition) in response.content.decode()


def test_it_creates_two_cases_from_two_forms(client, form_data):
    client.post("/portal/submit/", form_data(idempotency_key="one-" + "b" * 28))
    client.post("/portal/submit/", form_data(idempotency_key="two-" + "c" * 28))
    assert Petition.objects.count() == 2


def test_it_refuses_an_anonymous_petition_that_is_not_a_report(client, form_data):
    response = client.post("/portal/submit/", form_data(anonymous="on", consent=None))
    assert response.status_code == 400
    assert response.context["form"].errors["anonymous"] == ["只有检举控告可以匿名提出。"]
    assert "只有检举控告可以匿名提出。" in response.content.decode()
    assert not Petition.objects.exists()


def test_it_accepts_an_anonymous_report_and_keeps_no_identity(client, form_data):
    response = client.post(
        "/portal/submit/", form_data(kind=Kind.REPORT, anonymous="on", consent=None), follow=True
    )
    petition = Petition.objects.get()
    assert petition.is_anonymous and petition.petitioner is None
    assert query_code_of(petition) in response.content.decode()


def test_it_requires_consent_from_a_named_petitioner(client, form_data):
    response = client.post("/portal/submit/", form_data(consent=None))
    assert response.status_code == 400
    assert "consent" in response.context["form"].errors
    assert not Petition.objects.exists()


def test_it_shows_the_services_refusal_of_a_wrong_id_number_next_to_the_field(client, form_data):
    response = client.post("/portal/submit/", form_data(id_number="110101199003074478"))
    assert response.status_code == 400
    assert response.context["form"].errors["id_number"] == ["身份证号码校验位不正确，请核对。"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Petition.objects.exists()


def test_it_keeps_the_token_when_the_form_comes_back_with_errors(client, form_data):
    response = client.post("/portal/submit/", form_data(name=""))
    assert response.status_code == 400
    assert response.context["form"].errors["name"]
    assert 'value="tok-' + "a" * 28 + '"' in response.content.decode()


def test_it_refuses_an_attachment_of_a_forbidden_type(client, form_data):
    bad = SimpleUploadedFile("photo.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post("/portal/submit/", {**form_data(), "attachments": [bad]})
    assert response.status_code == 400
    assert "不支持的附件类型" in " ".join(response.context["form"].errors["attachments"])
    assert not Petition.objects.exists() and not Attachment.objects.exists()


def test_it_stores_accepted_attachments(client, form_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    files = [
        SimpleUploadedFile("现场.jpg", b"\xff\xd8\xff\xe0jpeg", content_type="image/jpeg"),
        SimpleUploadedFile("报修记录.pdf", b"%PDF-1.4", content_type="application/pdf"),
    ]
    client.post("/portal/submit/", {**form_data(), "attachments": files})
    petition = Petition.objects.get()
    assert sorted(a.extension for a in petition.attachments.all()) == [".jpg", ".pdf"]


def test_it_links_the_case_to_a_logged_in_citizen_but_not_to_staff(client, form_data, citizen, clerk):
    client.force_login(citizen)
    client.post("/portal/submit/", form_data(idempotency_key="citizen-" + "d" * 24))
    client.force_login(clerk)
    client.post("/portal/submit/", form_data(idempotency_key="staffer-" + "e" * 24))
    accounts = {p.idempotency_key: p.account for p in Petition.objects.all()}
    assert accounts["portal-citizen-" + "d" * 24] == citizen
    assert accounts["portal-staffer-" + "e" * 24] is None


def test_it_lets_the_new_petitioner_see_progress_without_typing_the_code(client, form_data):
    client.post("/portal/submit/", form_data())
    petition = Petition.objects.get()
    page = client.get(f"/portal/track/{petition.number}/")
    assert page.status_code == 200 and "已登记" in page.content.decode()
