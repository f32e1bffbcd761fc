"""Masked display of personal data: what staff see until they ask (and are allowed) to see more."""


def mask_name(name: str) -> str:
    """张三 → 张*, 王小明 → 王*明, 欧阳娜娜 → 欧阳** (the common practice of Chinese government sites).

    Four or more characters keep the first two, which covers compound surnames (欧阳, 司马).
    """
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" * len(name)
    if len(name) == 2:
        return name[0] + "*"
    if len(name) == 3:
        return name[0] + "*" + name[-1]
    return name[:2] + "*" * (len(name) - 2)


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
