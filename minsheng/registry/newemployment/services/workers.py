"""Voluntary registration of workers (个人信息保护法 Arts. 6, 13–15: minimal data, consent, withdrawal).

Kept: platform, kind of work and area (for counts), an optional nickname and an optional phone
(encrypted, with a blind index and a masked copy for lists), which consent text was agreed to and
when. Withdrawal erases the nickname and phone and keeps the rest as an anonymous count.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import InvalidInput
from minsheng.core.numbers import new_query_code
from minsheng.orgs.models import Region
from minsheng.people import crypto, masking
from minsheng.people.blind_index import blind_index, phone_index
from minsheng.people.validators import check_phone
from minsheng.registry.newemployment.conf import conf
from minsheng.registry.newemployment.models import Platform, WorkerRegistration, WorkKind

CODE_LENGTH = 10


@dataclass(frozen=True)
class WorkerReceipt:
    registration: WorkerRegistration
    withdraw_code: str  # shown once; only its keyed hash is stored


def new_withdraw_code() -> str:
    return new_query_code(CODE_LENGTH)  # copied from a phone screen onto paper and typed back


def withdraw_code_index(code: str) -> str:
    normalized = "".join(c for c in (code or "").upper() if c.isalnum())
    return blind_index("newemp-withdraw", normalized)


@transaction.atomic
def worker_register(
    *,
    platform: Platform,
    work_kind: str,
    region: Region,
    nickname: str = "",
    phone: str = "",
    consent: bool,
    now: datetime,
) -> WorkerReceipt:
    errors = {}
    if not consent:
        errors["consent"] = _("请阅读并同意个人信息处理说明后再登记。")
    if work_kind not in WorkKind.values:
        errors["work_kind"] = _("从业类型无效。")
    if region is None or region.level < Region.Level.COUNTY:
        errors["region"] = _("请选择工作所在的区县或街道。")
    nickname = (nickname or "").strip()
    if len(nickname) > 30:
        errors["nickname"] = _("称呼不能超过30字。")
    phone = (phone or "").strip()
    if phone:
        try:
            phone = check_phone(phone)
        except InvalidInput as e:
            errors.update(e.errors or {"phone": str(e.message)})
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    code = new_withdraw_code()
    registration = WorkerRegistration.objects.create(
        platform=platform,
        work_kind=work_kind,
        region=region,
        nickname=nickname,
        phone_enc=crypto.encrypt(phone),
        phone_bi=phone_index(phone) if phone else "",
        phone_masked=masking.mask_phone(phone) if phone else "",
        consent_version=conf("CONSENT_VERSION"),
        consented_at=now,
        withdraw_code_bi=withdraw_code_index(code),
        created_at=now,
    )
    audit.record(
        actor=None,
        action="newemployment.worker.registered",
        target=registration,
        data={"platform": platform.pk, "consent_version": registration.consent_version, "phone": phone},
        sensitive=("phone",),
        actor_label="portal",
    )
    return WorkerReceipt(registration, code)


@transaction.atomic
def worker_withdraw(*, code: str, now: datetime) -> bool:
    """Erase the personal data of the registration with this code; False when no such registration."""
    index = withdraw_code_index(code)
    registration = (
        WorkerRegistration.objects.select_for_update()
        .filter(withdraw_code_bi=index, withdrawn_at__isnull=True)
        .first()
        if index
        else None
    )
    if registration is None:
        return False
    registration.nickname = ""
    registration.phone_enc = registration.phone_bi = registration.phone_masked = ""
    registration.withdraw_code_bi = ""
    registration.withdrawn_at = now
    registration.save()
    audit.record(
        actor=None, action="newemployment.worker.withdrawn", target=registration, actor_label="portal"
    )
    return True
