"""Blind indexes: keyed hashes that find a person by ID number or phone without storing either in clear."""

import hashlib
import hmac
import re

from django.conf import settings


def normalize_id_number(value: str) -> str:
    return re.sub(r"\s", "", value or "").upper()


def normalize_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    # +86 / 0086 prefixes do not make a different phone.
    if digits.startswith("0086"):
        digits = digits[2:]
    return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits


def blind_index(kind: str, normalized: str) -> str:
    if not normalized:
        return ""
    key = settings.MINSHENG_BLIND_INDEX_KEY.encode()
    return hmac.new(key, f"{kind}:{normalized}".encode(), hashlib.sha256).hexdigest()


def id_number_index(value: str) -> str:
    return blind_index("id", normalize_id_number(value))


def phone_index(value: str) -> str:
    return blind_index("phone", normalize_phone(value))


def normalize_name(value: str) -> str:
    # Full-width and inner spaces are how names are mistyped, not different names.
    return re.sub(r"\s", "", value or "").replace("·", "").replace("•", "")


def name_index(value: str) -> str:
    """Exact full name only: a name is too short to index in parts without giving it away."""
    return blind_index("name", normalize_name(value))
