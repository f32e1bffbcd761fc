"""Real-name registration: identity data encrypted as in ``people``, one volunteer per ID number."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA
from minsheng.people import crypto, masking
from minsheng.people.blind_index import id_number_index, name_index, phone_index
from minsheng.people.validators import check_id_number, check_phone
from minsheng.volunteers import conf
from minsheng.volunteers.models import Gender, Volunteer


@dataclass
class Registration:
    name: str
    id_number: str
    phone: str
    region: object  # orgs.Region: home area
    skills: list = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    availability: int = 0
    service_regions: list = field(default_factory=list)
    guardian_name: str = ""
    guardian_phone: str = ""
    guardian_consent: bool = False


LIST_SEPARATORS = re.compile(r"[、,，;；\s]+")


def list_of(text: str) -> list[str]:
    """A typed list ("普通话、英语"), split on the separators people type."""
    return [s for s in LIST_SEPARATORS.split(text or "") if s]


def birth_date_of(id_number: str) -> date:
    try:
        return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        raise InvalidInput(_("身份证号码中的出生日期无效。"), field="id_number") from None


def gender_of(id_number: str) -> str:
    return Gender.MALE if int(id_number[16]) % 2 else Gender.FEMALE


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def check_registration(reg: Registration, *, now: datetime) -> dict:
    """Validate and normalise; raise ``InvalidInput`` naming every wrong field at once."""
    errors: dict[str, str] = {}
    name = (reg.name or "").strip()
    if not name:
        errors["name"] = _("请填写真实姓名。")
    elif len(name) > 30:
        errors["name"] = _("姓名不能超过30个字符。")
    id_number = phone = ""
    birth = None
    try:
        id_number = check_id_number(reg.id_number)
        birth = birth_date_of(id_number)
    except InvalidInput as e:
        errors["id_number"] = str(e.message)
    try:
        phone = check_phone(reg.phone)
    except InvalidInput as e:
        errors["phone"] = str(e.message)
    if reg.region is None:
        errors["region"] = _("请选择所属区域。")
    guardian_phone = ""
    today = now.astimezone(CHINA).date()
    minor = birth is not None and age_on(birth, today) < conf.get("MINOR_AGE")
    if birth is not None and birth > today:
        errors["id_number"] = _("身份证号码中的出生日期无效。")
    elif minor and conf.get("MINOR_RULE") == conf.MINOR_FORBIDDEN:
        errors["id_number"] = _("未满%(age)s周岁不能注册为志愿者。") % {"age": conf.get("MINOR_AGE")}
    elif minor:
        if not (reg.guardian_name or "").strip():
            errors["guardian_name"] = _("未满%(age)s周岁须填写监护人姓名。") % {"age": conf.get("MINOR_AGE")}
        try:
            guardian_phone = check_phone(reg.guardian_phone)
        except InvalidInput as e:
            errors["guardian_phone"] = str(e.message)
        if not reg.guardian_consent:
            errors["guardian_consent"] = _("未满%(age)s周岁须经监护人同意。") % {"age": conf.get("MINOR_AGE")}
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    return {
        "name": name,
        "id_number": id_number,
        "phone": phone,
        "birth": birth,
        "minor": minor,
        "guardian_phone": guardian_phone,
    }


def build_volunteer(
    reg: Registration, checked: dict, *, now: datetime, account=None, source: str
) -> Volunteer:
    v = Volunteer(
        name_enc=crypto.encrypt(checked["name"]),
        name_bi=name_index(checked["name"]),
        name_masked=masking.mask_name(checked["name"]),
        id_number_enc=crypto.encrypt(checked["id_number"]),
        id_number_bi=id_number_index(checked["id_number"]),
        phone_enc=crypto.encrypt(checked["phone"]),
        phone_bi=phone_index(checked["phone"]),
        phone_masked=masking.mask_phone(checked["phone"]),
        account=account,
        birth_date=checked["birth"],
        gender=gender_of(checked["id_number"]),
        languages=[s.strip() for s in reg.languages if s.strip()][:10],
        availability=reg.availability,
        region=reg.region,
        registered_at=now,
        source=source,
    )
    if checked["minor"]:
        v.guardian_name_enc = crypto.encrypt(reg.guardian_name.strip())
        v.guardian_name_masked = masking.mask_name(reg.guardian_name.strip())
        v.guardian_phone_enc = crypto.encrypt(checked["guardian_phone"])
        v.guardian_consent_at = now
    return v


def duplicate_message() -> str:
    return _("该身份证号码已注册为志愿者，不能重复注册。如忘记账号，请联系所在地社会工作部门。")


@transaction.atomic
def volunteer_register(
    *, registration: Registration, actor, now: datetime, account=None, source: str = Volunteer.Source.PORTAL
) -> Volunteer:
    """Register a volunteer; the same ID number twice is refused (never a second volunteer)."""
    checked = check_registration(registration, now=now)
    if account is not None and Volunteer.objects.filter(account=account).exists():
        raise DomainError(_("您的账号已注册为志愿者。"), code="already_registered")
    if Volunteer.objects.filter(id_number_bi=id_number_index(checked["id_number"])).exists():
        raise DomainError(duplicate_message(), code="duplicate")
    volunteer = build_volunteer(registration, checked, now=now, account=account, source=source)
    try:
        with transaction.atomic():
            volunteer.save()
    except IntegrityError:  # a concurrent registration with the same ID number or account
        raise DomainError(duplicate_message(), code="duplicate") from None
    volunteer.skills.set(registration.skills)
    volunteer.service_regions.set(registration.service_regions)
    audit.record(
        actor=actor,
        action="volunteers.volunteer.registered",
        target=volunteer,
        data={"source": source, "minor": checked["minor"], "region": volunteer.region.code},
    )
    return volunteer


@transaction.atomic
def volunteer_update_profile(
    *, volunteer: Volunteer, actor, skills, languages, availability: int, service_regions, phone: str = ""
) -> Volunteer:
    """What a volunteer may change themselves: skills, languages, availability, service areas, phone."""
    fields = ["languages", "availability", "updated_at"]
    if phone:
        phone = check_phone(phone)
        volunteer.phone_enc, volunteer.phone_bi = crypto.encrypt(phone), phone_index(phone)
        volunteer.phone_masked = masking.mask_phone(phone)
        fields += ["phone_enc", "phone_bi", "phone_masked"]
    volunteer.languages = [s.strip() for s in languages if s.strip()][:10]
    volunteer.availability = availability
    volunteer.save(update_fields=fields)
    volunteer.skills.set(skills)
    volunteer.service_regions.set(service_regions)
    audit.record(actor=actor, action="volunteers.volunteer.updated", target=volunteer)
    return volunteer


@transaction.atomic
def volunteer_unmask(*, volunteer: Volunteer, actor, reason: str) -> dict[str, str]:
    """Clear identity data for an allowed staff member; recorded in the audit log."""
    audit.record(
        actor=actor, action="volunteers.volunteer.unmasked", target=volunteer, data={"reason": reason}
    )
    return {
        "name": crypto.decrypt(volunteer.name_enc),
        "id_number": crypto.decrypt(volunteer.id_number_enc),
        "phone": crypto.decrypt(volunteer.phone_enc),
        "guardian_name": crypto.decrypt(volunteer.guardian_name_enc),
        "guardian_phone": crypto.decrypt(volunteer.guardian_phone_enc),
    }


@transaction.atomic
def volunteer_set_status(*, volunteer: Volunteer, actor, status: str) -> Volunteer:
    if status not in Volunteer.Status.values:
        raise InvalidInput(_("状态无效。"), field="status")
    old, volunteer.status = volunteer.status, status
    volunteer.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=actor,
        action="volunteers.volunteer.status_changed",
        target=volunteer,
        data={"from": old, "to": status},
    )
    return volunteer
