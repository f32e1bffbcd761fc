"""Masked display of personal data: what staff see until they ask (and are allowed) to see more."""


def mask_name(name: str) -> str:
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1) if len(name) <= 3 else name[:2] + "*" * (len(name) - 2)


def mask_phone(phone: str) -> str:
    digits = "".join(c for c in phone or "" if c.isdigit())
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id_number(value: str) -> str:
    if not value:
        return ""
    if len(value) < 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_address(address: str) -> str:
    if not address:
        return ""
    keep = min(6, max(2, len(address) // 3))
    return address[:keep] + "****"
