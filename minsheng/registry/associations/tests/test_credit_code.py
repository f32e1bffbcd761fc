"""The unified social credit code (GB 32100-2015): good codes pass, each kind of bad code is refused
with a message that says what is wrong."""

import pytest

from minsheng.core.errors import InvalidInput
from minsheng.registry.associations.tests.factories import credit_code
from minsheng.registry.credit_code import (
    credit_code_check_char,
    describe,
    is_valid_credit_code,
    validate_credit_code,
)

# Published codes of real bodies and the standard's own example, checked by hand against the weights.
REAL = [
    "91350100M000100Y43",  # GB 32100-2015 example
    "91440300708461136T",  # an enterprise, Shenzhen
    "91330100716105852F",  # an enterprise, Hangzhou
    "53100000500021676K",  # a foundation (民政·基金会)
]


@pytest.mark.parametrize("code", REAL + [credit_code(n) for n in (0, 1, 30, 31, 961, 10**12)])
def test_it_accepts_valid_codes(code):
    assert validate_credit_code(code) == code
    assert is_valid_credit_code(code)


def test_it_normalizes_case_and_spaces():
    assert validate_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("first17", "check"),
    [("91350100M000100Y4", "3"), ("91440300708461136", "T"), ("53100000500021676", "K")],
)
def test_it_computes_the_check_character(first17, check):
    assert credit_code_check_char(first17) == check


def test_it_maps_a_remainder_of_zero_to_check_character_zero():
    # Find a body whose weighted sum is a multiple of 31: 31 - 0 = 31 must become "0", not fall off the table.
    for n in range(2000):
        code = credit_code(n)
        if code[-1] == "0":
            assert validate_credit_code(code) == code
            return
    pytest.fail("no code with check character 0 in the sample")


@pytest.mark.parametrize(
    ("code", "code_name", "words"),
    [
        ("", "length", "应为18位，实际为0位"),
        ("91350100M000100Y4", "length", "实际为17位"),
        ("91350100M000100Y433", "length", "实际为19位"),
        ("91350100M000100I43", "charset", "第16位“I”"),
        ("91350100O000100Y43", "charset", "不使用字母I、O、Z、S、V"),
        ("9135010-M000100Y43", "charset", "第8位“-”"),
        ("B1350100M000100Y43", "authority", "第1位"),
        ("94350100M000100Y43", "category", "第2位"),
        ("91350A00M000100Y43", "region", "行政区划码"),
        ("91350100M000100Y44", "check", "第18位应为“3”，实际为“4”"),
        ("91440300708461136X", "check", "应为“T”"),
    ],
)
def test_it_says_what_is_wrong(code, code_name, words):
    with pytest.raises(InvalidInput) as caught:
        validate_credit_code(code)
    assert caught.value.code == code_name
    assert words in str(caught.value.message)
    assert caught.value.errors == {"credit_code": str(caught.value.message)}
    assert not is_valid_credit_code(code)


def test_every_single_character_change_is_caught():
    # 31 is prime and no weight is a multiple of it, so any one changed character changes the check.
    good = credit_code(12345)
    for i in range(17):
        for c in "0123456789ABCDEFGHJKLMNPQRTUWXY":
            if c == good[i]:
                continue
            changed = good[:i] + c + good[i + 1 :]
            assert credit_code_check_char(changed[:17]) != good[17]


def test_it_describes_the_registering_authority():
    assert describe(credit_code(1)) == "民政·社会团体"
    assert describe("ZZ") == ""


def test_it_refuses_a_wrong_length_body_for_the_check_character():
    with pytest.raises(InvalidInput):
        credit_code_check_char("123")
