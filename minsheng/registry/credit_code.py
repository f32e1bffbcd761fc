"""The 18-character unified social credit code (统一社会信用代码, GB 32100-2015), as pure functions.

Layout of a code (positions 1-based)::

    1      登记管理部门代码   (which kind of authority registered it: 5 = 民政, 9 = 市场监管 …)
    2      机构类别代码       (within that authority: 51 = 社会团体, 52 = 民办非企业单位, 53 = 基金会 …)
    3–8    登记管理机关行政区划码 (six digits, GB/T 2260)
    9–17   主体标识码         (the organization code, GB 11714)
    18     校验码             (this module's check character)

Characters come from ``CHARSET`` (digits and capitals without I, O, Z, S, V, which are too easily
misread). The check character of positions 1–17 is ``31 - (Σ value×weight mod 31)``, 31 counting as 0.

Stable API (other registries import it):

- ``validate_credit_code(value) -> str``: the code normalized (trimmed, upper case), or ``InvalidInput``
  (field ``credit_code``) with a Chinese message saying what is wrong: length, an illegal character
  and where, an unknown authority/category, or a wrong check character and what it should be.
- ``credit_code_check_char(first17) -> str``: the check character for the first 17 characters.
- ``is_valid_credit_code(value) -> bool``.
- ``CATEGORIES``: the authority and category codes of the standard, for display.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from minsheng.core.errors import InvalidInput

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUES = {c: i for i, c in enumerate(CHARSET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18
MISREAD = "IOZSV"

# GB 32100-2015 Table 1: 登记管理部门代码 → (authority, {机构类别代码: category}); names marked for
# translation (gettext_noop) and translated where shown.
CATEGORIES: dict[str, tuple[str, dict[str, str]]] = {
    "1": (N_("机构编制"), {"1": N_("机关"), "2": N_("事业单位"),
                          "3": N_("中央编办直接管理机构编制的群众团体"), "9": N_("其他")}),
    "2": (N_("外交"), {"1": N_("外国常驻新闻机构"), "9": N_("其他")}),
    "3": (N_("司法行政"), {"1": N_("律师执业机构"), "2": N_("公证处"), "3": N_("基层法律服务所"),
                          "4": N_("司法鉴定机构"), "5": N_("仲裁委员会"), "9": N_("其他")}),
    "4": (N_("文化"), {"1": N_("外国在华文化中心"), "9": N_("其他")}),
    "5": (N_("民政"), {"1": N_("社会团体"), "2": N_("民办非企业单位"), "3": N_("基金会"), "9": N_("其他")}),
    "6": (N_("旅游"), {"1": N_("外国旅游部门常驻代表机构"),
                      "2": N_("港澳台地区旅游部门常驻内地（大陆）代表机构"), "9": N_("其他")}),
    "7": (N_("宗教"), {"1": N_("宗教活动场所"), "2": N_("宗教院校"), "9": N_("其他")}),
    "8": (N_("工会"), {"1": N_("基层工会"), "9": N_("其他")}),
    "9": (N_("工商"), {"1": N_("企业"), "2": N_("个体工商户"), "3": N_("农民专业合作社")}),
    "A": (N_("中央军委改革和编制办公室"), {"1": N_("军队事业单位"), "9": N_("其他")}),
    "N": (N_("农业"), {"1": N_("组级集体经济组织"), "2": N_("村级集体经济组织"),
                      "3": N_("乡镇级集体经济组织"), "9": N_("其他")}),
    "Y": (N_("其他"), {"1": N_("其他")}),
}  # fmt: skip


def credit_code_check_char(first17: str) -> str:
    """The check character (position 18) for the first 17 characters of a code.

    Raises ``InvalidInput`` when ``first17`` is not 17 characters of ``CHARSET``.
    """
    body = (first17 or "").strip().upper()
    if len(body) != LENGTH - 1:
        raise InvalidInput(_("须为17位（不含校验码）。"), field="credit_code", code="length")
    for position, char in enumerate(body, start=1):
        if char not in VALUES:
            raise InvalidInput(_illegal(position, char), field="credit_code", code="charset")
    total = sum(VALUES[c] * w for c, w in zip(body, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def validate_credit_code(value) -> str:
    """The code normalized to upper case, or ``InvalidInput`` saying exactly what is wrong."""
    code = ("" if value is None else str(value)).strip().upper().replace(" ", "")
    if len(code) != LENGTH:
        raise InvalidInput(
            _("统一社会信用代码应为18位，实际为%(n)s位。") % {"n": len(code)},
            field="credit_code",
            code="length",
        )
    for position, char in enumerate(code, start=1):
        if char not in VALUES:
            raise InvalidInput(_illegal(position, char), field="credit_code", code="charset")
    authority = CATEGORIES.get(code[0])
    if authority is None:
        raise InvalidInput(
            _("统一社会信用代码第1位（登记管理部门代码）“%(c)s”不在国家标准规定的代码之中。")
            % {"c": code[0]},
            field="credit_code",
            code="authority",
        )
    if code[1] not in authority[1]:
        raise InvalidInput(
            _("统一社会信用代码第2位（机构类别代码）“%(c)s”不适用于登记管理部门“%(a)s”（第1位为%(first)s）。")
            % {"c": code[1], "a": _(authority[0]), "first": code[0]},
            field="credit_code",
            code="category",
        )
    if not code[2:8].isdigit():
        raise InvalidInput(
            _("统一社会信用代码第3至8位应为6位数字的行政区划码，实际为“%(s)s”。") % {"s": code[2:8]},
            field="credit_code",
            code="region",
        )
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise InvalidInput(
            _("统一社会信用代码校验码错误：第18位应为“%(expected)s”，实际为“%(actual)s”。")
            % {"expected": expected, "actual": code[17]},
            field="credit_code",
            code="check",
        )
    return code


def is_valid_credit_code(value) -> bool:
    try:
        validate_credit_code(value)
    except InvalidInput:
        return False
    return True


def describe(code: str) -> str:
    """ "民政·社会团体" for a valid code's first two characters ("" when unknown)."""
    authority = CATEGORIES.get(code[:1])
    if authority is None or code[1:2] not in authority[1]:
        return ""
    return f"{_(authority[0])}·{_(authority[1][code[1]])}"


def _illegal(position: int, char: str) -> str:
    if char in MISREAD:
        return _("统一社会信用代码第%(p)s位“%(c)s”不合法：代码不使用字母I、O、Z、S、V。") % {
            "p": position,
            "c": char,
        }
    return _("统一社会信用代码第%(p)s位“%(c)s”不合法：只能使用数字和除I、O、Z、S、V以外的大写字母。") % {
        "p": position,
        "c": char,
    }
