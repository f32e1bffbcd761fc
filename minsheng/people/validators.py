"""Checks on identity data, with messages a clerk can act on."""

import re

from django.utils.translation import gettext as _

from minsheng.core.errors import InvalidInput

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_id_number(value: str) -> str:
    """A mainland resident ID number (GB 11643): 18 characters with a valid check digit."""
    value = re.sub(r"\s", "", value or "").upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        raise InvalidInput(_("身份证号码应为18位（最后一位可为X）。"), field="id_number")
    total = sum(int(d) * w for d, w in zip(value[:17], _WEIGHTS, strict=True))
    if _CHECK[total % 11] != value[-1]:
        raise InvalidInput(_("身份证号码校验位不正确，请核对。"), field="id_number")
    return value


def check_phone(value: str) -> str:
    digits = re.sub(r"[\s-]", "", value or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    if not re.fullmatch(r"1\d{10}|0\d{9,11}", digits):
        raise InvalidInput(_("电话号码格式不正确（手机11位，或带区号的固定电话）。"), field="phone")
    return digits
