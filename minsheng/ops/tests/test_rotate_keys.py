"""Key rotation: add a key in front, re-encrypt under it, retire the old one."""

import json

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command

from minsheng.audit.models import AuditEvent
from minsheng.ops import keys
from minsheng.people import crypto
from minsheng.people.models import Person
from minsheng.people.services import find_by_id_number, find_by_phone, person_unmask
from minsheng.testing import ID_NUMBERS

KEY_A, KEY_B = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@pytest.fixture
def under_a(settings, request):
    """Petitions, a hotline order and a suggestion written while key A was the only key."""
    settings.MINSHENG_PII_KEYS = [KEY_A]
    return request.getfixturevalue("data")


def _sink():
    import io

    return io.StringIO()


def run(*args) -> str:
    out = _sink()
    call_command("rotate_keys", *args, stdout=out)
    return out.getvalue()


def fp(key):
    return crypto.fingerprint(key)[:16]


def test_it_finds_the_encrypted_fields_of_every_app():
    found = {f"{m._meta.label}.{name}" for m, names in keys.encrypted_fields() for name in names}
    assert {
        "people.Person.id_number_enc",
        "people.Person.address_enc",
        "petitions.Petition.query_code_enc",
        "suggestions.Suggestion.query_code_enc",
        "volunteers.Volunteer.guardian_phone_enc",
        "twonew.Instructor.phone_encrypted",
    } <= found


def test_it_reads_old_rows_after_a_new_key_is_added_and_rotates_them_under_it(under_a, settings, clerk):
    person = Person.objects.order_by("pk").first()
    settings.MINSHENG_PII_KEYS = [KEY_B, KEY_A]
    assert person_unmask(person=person, actor=clerk, reason="核对")["id_number"] == ID_NUMBERS[0]
    assert crypto.key_position(person.name_enc) == 1

    output = run()

    assert "重新加密" in output
    settings.MINSHENG_PII_KEYS = [KEY_B]  # A is gone: only what was re-encrypted can still be read
    person.refresh_from_db()
    assert person_unmask(person=person, actor=clerk, reason="核对")["name"] == "王小明"
    counts = keys.status()
    assert counts["people.Person.name_enc"] == {fp(KEY_B): Person.objects.count()}
    assert all(set(c) <= {fp(KEY_B)} for c in counts.values())


def test_it_keeps_blind_index_lookups_working(under_a, settings):
    settings.MINSHENG_PII_KEYS = [KEY_B, KEY_A]
    before = set(find_by_id_number(ID_NUMBERS[0]).values_list("pk", flat=True))
    run()
    assert before and set(find_by_id_number(ID_NUMBERS[0]).values_list("pk", flat=True)) == before
    assert find_by_phone("13800001111").exists()


def test_it_is_idempotent_and_audits_counts_without_key_material(under_a, settings):
    settings.MINSHENG_PII_KEYS = [KEY_B, KEY_A]
    run()
    first = AuditEvent.objects.filter(action="ops.keys_rotated").latest("id")
    run()
    second = AuditEvent.objects.filter(action="ops.keys_rotated").latest("id")

    assert (
        first.data["rotated"] > 0
        and first.data["by_field"]["people.Person.name_enc"] == Person.objects.count()
    )
    assert second.data["rotated"] == 0 and second.data["scanned"] == first.data["scanned"]
    text = json.dumps([first.data, second.data])
    assert KEY_A not in text and KEY_B not in text


def test_it_refuses_to_retire_a_key_rows_still_use(under_a, settings):
    settings.MINSHENG_PII_KEYS = [KEY_B, KEY_A]
    with pytest.raises(CommandError, match="拒绝停用密钥") as refused:
        run("--retire", fp(KEY_A))
    assert "people.Person.name_enc" in str(refused.value)


def test_it_refuses_to_retire_the_current_key(under_a, settings):
    settings.MINSHENG_PII_KEYS = [KEY_B, KEY_A]
    with pytest.raises(CommandError, match="当前用于加密的密钥"):
        run("--retire", fp(KEY_B))


def test_it_retires_the_old_key_from_the_secret_store_once_nothing_uses_it(under_a, settings, monkeypatch):
    monkeypatch.delenv("MINSHENG_PII_KEYS", raising=False)
    store = settings.DATA_DIR / "secrets.json"
    store.write_text(json.dumps({"MINSHENG_PII_KEYS": f"{KEY_B},{KEY_A}", "OTHER": "kept"}))
    settings.MINSHENG_PII_KEYS = [KEY_B, KEY_A]
    run()

    output = run("--retire", fp(KEY_A))

    assert "已停用密钥" in output
    assert json.loads(store.read_text()) == {"MINSHENG_PII_KEYS": KEY_B, "OTHER": "kept"}
    assert AuditEvent.objects.filter(action="ops.key_retired", data__key=fp(KEY_A)).exists()


def test_it_adds_a_new_key_in_front_of_the_stored_ones(settings, dirs, monkeypatch, db):
    monkeypatch.delenv("MINSHENG_PII_KEYS", raising=False)
    store = settings.DATA_DIR / "secrets.json"
    store.write_text(json.dumps({"MINSHENG_PII_KEYS": KEY_A}))

    output = run("--new-key")

    stored = json.loads(store.read_text())["MINSHENG_PII_KEYS"].split(",")
    assert len(stored) == 2 and stored[1] == KEY_A and fp(stored[0]) in output


def test_it_recomputes_the_blind_indexes_after_the_blind_index_key_changed(data, settings):
    settings.MINSHENG_BLIND_INDEX_KEY = "a-new-blind-index-key-0123456789abcdef"
    assert not find_by_id_number(ID_NUMBERS[0]).exists()  # the old indexes no longer match

    output = run("--blind-index")

    assert "完成" in output
    assert find_by_id_number(ID_NUMBERS[0]).exists() and find_by_phone("13800001111").exists()
    event = AuditEvent.objects.filter(action="ops.blind_index_recomputed").latest("id")
    assert event.data["changed"] >= 2 and settings.MINSHENG_BLIND_INDEX_KEY not in json.dumps(event.data)
    assert "完成：检查" in run("--blind-index") and "更新 0 行" in run("--blind-index")
