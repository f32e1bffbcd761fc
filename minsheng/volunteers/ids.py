"""Invented but well-formed ID numbers (valid GB 11643 check digit), for the demo, tests and bench."""

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def invented_id_number(*, area: str = "990102", birth: str = "19900101", serial: int = 1) -> str:
    """``area`` 6 digits (the demo's invented 99xxxx areas), ``birth`` YYYYMMDD, ``serial`` 0–999."""
    body = f"{area}{birth}{serial % 1000:03d}"
    return body + _CHECK[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]
