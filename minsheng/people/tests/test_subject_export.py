"""Subject access: everything held about one person, nothing of anyone else, always audited,
administrators only."""

import json
from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from minsheng.accounts.models import User
from minsheng.audit.models import AuditEvent
from minsheng.hotline.models import Category as HotlineCategory
from minsheng.hotline.services import OrderIntake, order_receive
from minsheng.people.services import Identity
from minsheng.suggestions.services import SuggestionInput, suggestion_submit

ME = Identity(name="吴查阅", id_number="110101199003074477", phone="13811119999", address="东湖街道甲1号")
OTHER = Identity(name="郑无关", id_number="110101198507120014", phone="13822228888", address="白石区乙2号")
PAGE = "people:subject_access"


@pytest.fixture
def admin_user(db):
    return User.objects.create_user(username="root", password="x", is_staff=True, is_superuser=True)


@pytest.fixture
def held(world, operator, now, file_petition, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("身份证复印件.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    mine = file_petition(petitioner=ME, attachments=(scan,))
    theirs = file_petition(petitioner=OTHER, title="白石区噪音扰民")
    cat = HotlineCategory.objects.create(code="01", name="市政设施")
    order = order_receive(
        intake=OrderIntake(
            kind="consult", title="社保咨询", content="咨询社保转移", category=cat, requester=ME
        ),
        actor=operator,
        now=now,
        action="answer",
        answer_text="已答复",
    )
    suggestion = suggestion_submit(
        data=SuggestionInput(
            title="增设公交站",
            reason="出行不便。",
            proposal="在幸福路口增设站点。",
            name=ME.name,
            phone=ME.phone,
            region=world.regions["county"],
        ),
        actor=None,
        now=now,
    ).suggestion
    return dict(mine=mine, theirs=theirs, order=order, suggestion=suggestion)


def _post(client, **data):
    values = {"key": "id_number", "value": ME.id_number, "reason": "申请2026-01号", "format": "json"}
    values.update(data)
    return client.post(reverse(PAGE), values)


def test_it_exports_each_linked_record_and_nothing_of_another_person(client, admin_user, held):
    client.force_login(admin_user)
    response = _post(client)
    assert response.status_code == 200
    text = response.content.decode()
    data = json.loads(text)
    assert data["identities"][0]["name"] == ME.name
    assert data["identities"][0]["address"] == ME.address
    assert [r["number"] for r in data["records"]["petitions"]] == [held["mine"].number]
    assert [r["number"] for r in data["records"]["hotline"]] == [held["order"].number]
    assert [r["number"] for r in data["records"]["suggestions"]] == [held["suggestion"].number]
    assert [a["name"] for a in data["attachments"]] == ["身份证复印件.pdf"]
    assert any(e["action"] == "petitions.petition.registered" for e in data["audit_events"])
    for leak in (OTHER.name, OTHER.phone, OTHER.id_number, OTHER.address, held["theirs"].number):
        assert leak not in text


def test_it_finds_the_same_person_by_phone(client, admin_user, held):
    client.force_login(admin_user)
    data = json.loads(_post(client, key="phone", value=ME.phone).content)
    assert {r["number"] for r in data["records"]["hotline"]} == {held["order"].number}


def test_it_shows_the_export_on_the_page_and_as_excel(client, admin_user, held):
    from openpyxl import load_workbook

    client.force_login(admin_user)
    page = _post(client, format="html")
    assert ME.name in page.content.decode() and held["mine"].number in page.content.decode()
    book = load_workbook(BytesIO(_post(client, format="xlsx").content))
    assert "信访件" in book.sheetnames
    assert held["mine"].number in [c.value for c in book["信访件"]["A"]]


def test_it_records_every_export_as_a_pii_view(client, admin_user, held):
    client.force_login(admin_user)
    _post(client)
    _post(client, format="html")
    events = AuditEvent.objects.filter(action="people.exported")
    assert events.count() == 2
    assert events.first().actor == admin_user
    assert ME.id_number not in json.dumps(events.first().data, ensure_ascii=False)


def test_it_says_so_when_nobody_matches(client, admin_user, held):
    client.force_login(admin_user)
    response = _post(client, value="44030519991231002X", format="html")
    assert response.status_code == 404
    assert "没有找到" in response.content.decode()
    assert not AuditEvent.objects.filter(action="people.exported").exists()


@pytest.mark.parametrize("persona", ["clerk", "handler", "leader", "registrar", "citizen"])
def test_it_hides_the_page_from_everyone_but_administrators(client, world, held, persona):
    client.force_login(world.users[persona])
    assert client.get(reverse(PAGE)).status_code == 404
    assert _post(client).status_code == 404
    assert not AuditEvent.objects.filter(action="people.exported").exists()


def test_it_sends_anonymous_visitors_to_log_in(client, held):
    assert _post(client).status_code == 302


def test_it_exports_from_the_command_line(held, tmp_path):
    out = StringIO()
    call_command("export_person", "--phone", ME.phone, stdout=out)
    data = json.loads(out.getvalue())
    assert data["records"]["petitions"][0]["number"] == held["mine"].number
    target = tmp_path / "x.xlsx"
    call_command("export_person", "--id-number", ME.id_number, "--format", "xlsx", "--output", str(target))
    assert target.stat().st_size > 0
    assert (
        AuditEvent.objects.filter(action="people.exported", actor_label="manage.py export_person").count()
        == 2
    )


def test_it_refuses_an_unknown_person_on_the_command_line(held):
    with pytest.raises(CommandError):
        call_command("export_person", "--phone", "13900000000")
