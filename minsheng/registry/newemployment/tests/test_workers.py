"""Voluntary registration on the portal: consent, minimal data, encrypted phone, withdrawal."""

import pytest

from minsheng.audit.models import AuditEvent
from minsheng.people.blind_index import phone_index
from minsheng.registry.newemployment.models import WorkerRegistration

pytestmark = pytest.mark.django_db

PHONE = "13912345678"


@pytest.fixture
def form(world, platform):
    def make(**overrides):
        data = {
            "platform": platform.pk,
            "work_kind": "rider",
            "region": world.regions["street"].pk,
            "nickname": "李师傅",
            "phone": PHONE,
            "consent": "on",
        }
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return make


def register(client, data):
    response = client.post("/portal/newemployment/register/", data, follow=True)
    return response, response.context.get("code") if response.context else None


def test_it_explains_what_is_kept_and_why_before_registering(client, form):
    page = client.get("/portal/newemployment/register/").content.decode()
    assert "个人信息处理说明" in page and "不收集姓名、身份证号码和住址" in page
    assert "撤回码" in page and 'name="consent"' in page


def test_it_refuses_to_register_without_consent(client, form):
    response = client.post("/portal/newemployment/register/", form(consent=None))
    assert response.status_code == 400
    assert "请阅读并同意个人信息处理说明后再登记。" in response.content.decode()
    assert not WorkerRegistration.objects.exists()


def test_it_keeps_the_phone_encrypted_with_a_blind_index_and_records_the_consent(client, form, now):
    response, code = register(client, form())
    assert response.redirect_chain[-1][0] == "/portal/newemployment/register/done/"
    reg = WorkerRegistration.objects.get()
    assert reg.phone_enc and PHONE not in reg.phone_enc
    assert reg.phone_bi == phone_index(PHONE) and reg.phone_masked == "139****5678"
    assert reg.consent_version == "2026-01" and reg.consented_at is not None
    assert code and code in response.content.decode() and code not in reg.withdraw_code_bi
    # Nothing in clear anywhere in the row or in the audit log.
    row = " ".join(str(v) for v in WorkerRegistration.objects.values().get().values())
    log = " ".join(str(e.data) for e in AuditEvent.objects.all())
    assert PHONE not in row and PHONE not in log
    # The code is shown once only.
    assert client.get("/portal/newemployment/register/done/").status_code == 302


def test_it_registers_without_nickname_or_phone(client, form):
    register(client, form(nickname="", phone=""))
    reg = WorkerRegistration.objects.get()
    assert reg.nickname == "" and reg.phone_enc == "" and reg.phone_bi == ""


def test_it_refuses_a_malformed_phone_with_a_clear_message(client, form):
    response = client.post("/portal/newemployment/register/", form(phone="12345"))
    assert response.status_code == 400
    assert "电话号码格式不正确" in response.content.decode()
    assert not WorkerRegistration.objects.exists()


def test_it_erases_personal_data_on_withdrawal_and_keeps_an_anonymous_count(client, form, registrar):
    _response, code = register(client, form())
    response = client.post("/portal/newemployment/withdraw/", {"code": code.lower()})
    assert response.status_code == 200 and "已撤回" in response.content.decode()
    reg = WorkerRegistration.objects.get()
    assert reg.withdrawn_at is not None
    assert (reg.nickname, reg.phone_enc, reg.phone_bi, reg.phone_masked, reg.withdraw_code_bi) == ("",) * 5
    assert reg.platform_id and reg.region_id  # the anonymous count
    assert AuditEvent.objects.filter(action="newemployment.worker.withdrawn").exists()
    # Gone from the staff list; a second withdrawal with the same code finds nothing.
    client.force_login(registrar)
    assert "李师傅" not in client.get("/registry/newemployment/workers/").content.decode()
    client.logout()
    again = client.post("/portal/newemployment/withdraw/", {"code": code})
    assert again.status_code == 400 and "撤回码不正确" in again.content.decode()


def test_it_shows_staff_only_the_masked_phone(client, form, registrar):
    register(client, form())
    client.force_login(registrar)
    page = client.get("/registry/newemployment/workers/").content.decode()
    assert "139****5678" in page and PHONE not in page and "李师傅" in page


def test_it_rate_limits_registrations_per_client(client, form, settings):
    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": 2}
    from django.core.cache import cache

    cache.clear()
    codes = [client.post("/portal/newemployment/register/", form()).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    cache.clear()
