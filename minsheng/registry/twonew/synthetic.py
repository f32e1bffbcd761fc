"""Invented but valid credit codes for the demo, the tests and the benchmark (never real ones)."""

from minsheng.registry.credit_code import credit_code_check_char


def credit_code(n: int, *, region_code: str = "990102", authority: str = "91") -> str:
    """The ``n``-th invented code: 91 (工商·企业) or 52 (民政·民办非企业单位) + area + 9 digits + check."""
    body = f"{authority}{region_code[:6]}{n:09d}"
    return body + credit_code_check_char(body)
