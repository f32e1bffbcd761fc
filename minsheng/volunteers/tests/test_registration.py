import pytest

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.people import crypto
from minsheng.volunteers import conf
from minsheng.volunteers.ids import invented_id_number
from minsheng.volunteers.models import Volunteer
from minsheng.volunteers.services import Registration, volunteer_register

pytestmark = pytest.mark.django_db


def reg(world, **kw):
    values = dict(
        name="李明",
        id_number=invented_id_number(birth="19900101", serial=7),
        phone="13900001111",
        region=world.regions["street"],
    )
    values.update(kw)
    return Registration(**values)


def test_it_registers_with_identity_encrypted_and_masked(world, citizen, now):
    v = volunteer_register(registration=reg(world), actor=citizen, now=now, account=citizen)
    assert v.name_masked == "李*" and v.phone_masked.startswith("139") and "1111" in v.phone_masked
    assert "李明" not in v.name_enc and crypto.decrypt(v.id_number_enc).startswith("990102")
    assert v.birth_date.isoformat() == "1990-01-01" and v.account == citizen
    assert AuditEvent.objects.filter(action="volunteers.volunteer.registered").count() == 1


def test_it_refuses_the_same_id_number_twice(world, citizen, now):
    volunteer_register(registration=reg(world), actor=citizen, now=now, account=citizen)
    with pytest.raises(DomainError) as e:
        volunteer_register(registration=reg(world, name="李明明", phone="13900002222"), actor=None, now=now)
    assert e.value.code == "duplicate" and "已注册" in str(e.value.message)
    assert Volunteer.objects.count() == 1


def test_it_refuses_a_minor_without_guardian_consent(world, now):
    minor = reg(world, id_number=invented_id_number(birth="20120601", serial=8))
    with pytest.raises(InvalidInput) as e:
        volunteer_register(registration=minor, actor=None, now=now)
    assert {"guardian_name", "guardian_phone", "guardian_consent"} <= set(e.value.errors)
    assert not Volunteer.objects.exists()


def test_it_registers_a_minor_with_guardian_consent(world, now):
    minor = reg(
        world,
        id_number=invented_id_number(birth="20120601", serial=8),
        guardian_name="王芳",
        guardian_phone="13700001234",
        guardian_consent=True,
    )
    v = volunteer_register(registration=minor, actor=None, now=now)
    assert v.guardian_consent_at == now and v.guardian_name_masked == "王*"


def test_it_refuses_minors_when_the_rule_forbids_them(world, now, settings):
    settings.MINSHENG = {**settings.MINSHENG, "VOLUNTEERS": {"MINOR_RULE": conf.MINOR_FORBIDDEN}}
    minor = reg(
        world,
        id_number=invented_id_number(birth="20120601", serial=8),
        guardian_name="王芳",
        guardian_phone="13700001234",
        guardian_consent=True,
    )
    with pytest.raises(InvalidInput) as e:
        volunteer_register(registration=minor, actor=None, now=now)
    assert "不能注册" in e.value.errors["id_number"]


def test_the_minor_age_is_configurable(world, now, settings):
    settings.MINSHENG = {**settings.MINSHENG, "VOLUNTEERS": {"MINOR_AGE": 14}}
    sixteen = reg(world, id_number=invented_id_number(birth="20100101", serial=9))
    assert volunteer_register(registration=sixteen, actor=None, now=now).guardian_consent_at is None


def test_it_names_every_wrong_field(world, now):
    with pytest.raises(InvalidInput) as e:
        volunteer_register(
            registration=reg(world, name="", id_number="123", phone="abc"), actor=None, now=now
        )
    assert {"name", "id_number", "phone"} <= set(e.value.errors)
