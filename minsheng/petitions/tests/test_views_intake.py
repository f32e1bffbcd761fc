"""Registration by a clerk through the intake form (/staff/new/)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minsheng.audit.models import AuditEvent
from minsheng.people.models import Person
from minsheng.petitions.models import Attachment, Petition, Representative
from minsheng.petitions.workflow import Channel, Kind, S
from minsheng.testing import ID_NUMBERS

pytestmark = pytest.mark.django_db
NEW = "/staff/new/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def valid(world):
    """A complete form as a clerk fills it in for a visitor."""
    return {
        "channel": Channel.VISIT,
        "kind": Kind.REQUEST,
        "title": "小区楼道照明长期损坏",
        "request": "请求尽快修复楼道照明。",
        "facts": "3号楼楼道灯自去年12月起损坏，多次报修无果。",
        "reasons": "老人夜间出行存在安全隐患。",
        "region": world.regions["street"].pk,
        "category": world.categories["housing"].pk,
        "name": "王小明",
        "id_number": ID_NUMBERS[0],
        "phone": "13812341234",
        "address": "东湖街道某小区3号楼",
        "headcount": "1",
    }


def test_it_registers_a_petition_and_shows_number_and_query_code(client, world, clerk, valid):
    client.force_login(clerk)
    response = client.post(NEW, valid, follow=True)
    petition = Petition.objects.get()
    assert response.redirect_chain[-1][0] == f"/staff/cases/{petition.number}/"
    body = response.content.decode()
    assert petition.number in body
    from minsheng.petitions.services import query_code_of

    assert query_code_of(petition) in body
    assert petition.intake_unit == world.units["bureau"]
    assert petition.channel == Channel.VISIT and petition.status == S.REGISTERED
    assert AuditEvent.objects.filter(action="petitions.petition.registered").count() == 1


def test_it_shows_field_errors_and_saves_nothing(client, clerk, valid):
    client.force_login(clerk)
    response = client.post(NEW, {**valid, "facts": "", "reasons": " "})
    body = response.content.decode()
    assert response.status_code == 400
    assert "请填写事实。" in body
    assert "请填写理由。" in body
    assert Petition.objects.count() == 0
    assert Person.objects.count() == 0
    # What the clerk typed is still there.
    assert "小区楼道照明长期损坏" in body


def test_it_checks_the_id_number_next_to_its_field(client, clerk, valid):
    client.force_login(clerk)
    response = client.post(NEW, {**valid, "id_number": "110101199003074470"})
    assert response.status_code == 400
    assert "身份证号码校验位不正确" in response.content.decode()
    assert Petition.objects.count() == 0


def test_it_allows_anonymity_only_for_reports(client, clerk, valid):
    client.force_login(clerk)
    response = client.post(NEW, {**valid, "anonymous": "on"})
    assert response.status_code == 400
    assert "只有检举控告可以匿名提出。" in response.content.decode()
    assert Petition.objects.count() == 0

    report = {**valid, "kind": Kind.REPORT, "anonymous": "on", "name": "", "id_number": "", "phone": ""}
    assert client.post(NEW, report).status_code == 302
    petition = Petition.objects.get()
    assert petition.is_anonymous and petition.petitioner is None


def test_it_registers_a_collective_visit_with_representatives(client, clerk, valid):
    client.force_login(clerk)
    data = {
        **valid,
        "headcount": "12",
        "rep_1_name": "张三",
        "rep_1_phone": "13900001111",
        "rep_2_name": "李四",
        "rep_2_phone": "13900002222",
        "rep_2_id_number": "110101198507120014",  # a valid check digit (GB 11643)
    }
    assert client.post(NEW, data).status_code == 302
    petition = Petition.objects.get()
    assert petition.is_collective and petition.headcount == 12
    assert Representative.objects.filter(petition=petition).count() == 2


def test_it_refuses_a_large_visit_without_representatives(client, clerk, valid):
    client.force_login(clerk)
    response = client.post(NEW, {**valid, "headcount": "8"})
    assert response.status_code == 400
    assert "5人以上走访须推选代表" in response.content.decode()
    assert Petition.objects.count() == 0


def test_it_wants_a_name_for_each_representative_row(client, clerk, valid):
    client.force_login(clerk)
    response = client.post(NEW, {**valid, "headcount": "6", "rep_3_phone": "13900001111"})
    assert response.status_code == 400
    assert "请填写代表姓名。" in response.content.decode()
    assert Petition.objects.count() == 0


def test_it_keeps_uploaded_attachments(client, clerk, valid):
    client.force_login(clerk)
    files = [
        SimpleUploadedFile("现场照片.png", b"\x89PNG\r\n\x1a\n fake", content_type="image/png"),
        SimpleUploadedFile("说明.txt", "楼道无灯".encode(), content_type="text/plain"),
    ]
    assert client.post(NEW, {**valid, "attachments": files}).status_code == 302
    assert sorted(Attachment.objects.values_list("original_name", flat=True)) == ["现场照片.png", "说明.txt"]


def test_it_refuses_an_attachment_of_a_forbidden_type(client, clerk, valid):
    client.force_login(clerk)
    bad = SimpleUploadedFile("病毒.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(NEW, {**valid, "attachments": [bad]})
    assert response.status_code == 400
    assert "不支持的附件类型" in response.content.decode()
    assert Petition.objects.count() == 0 and Attachment.objects.count() == 0


def test_it_offers_only_regions_of_the_clerks_bureau(client, world, clerk, valid):
    client.force_login(clerk)
    offered = set(client.get(NEW).context["form"].fields["region"].queryset)
    assert world.regions["street"] in offered and world.regions["county"] in offered
    assert world.regions["other_county"] not in offered and world.regions["city"] not in offered
    response = client.post(NEW, {**valid, "region": world.regions["other_county"].pk})
    assert response.status_code == 400
    assert Petition.objects.count() == 0


def test_it_lets_only_bureau_clerks_register(client, handler, outsider, valid):
    for user in (handler, outsider):
        client.force_login(user)
        assert client.get(NEW).status_code == 403
        assert client.post(NEW, valid).status_code == 403
    assert Petition.objects.count() == 0
