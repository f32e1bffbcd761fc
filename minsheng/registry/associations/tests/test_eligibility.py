"""社会团体登记管理条例 Art. 10: members and funds, with messages that give the numbers."""

from decimal import Decimal

import pytest

from minsheng.core.errors import InvalidInput
from minsheng.registry.associations.eligibility import (
    check_eligibility,
    credit_code_problem,
    eligibility_problems,
)


@pytest.mark.parametrize(
    ("individual", "unit", "ok"),
    [
        (50, 0, True),
        (49, 0, False),
        (0, 30, True),
        (0, 29, False),
        (30, 20, True),  # mixed: 50 in all
        (30, 19, False),
        (49, 29, True),
        (0, 0, False),
    ],
)
def test_it_counts_members(individual, unit, ok):
    problems = eligibility_problems(
        level="county", individual_members=individual, unit_members=unit, funds=Decimal(30000)
    )
    assert ("individual_members" not in problems) is ok


@pytest.mark.parametrize(
    ("level", "funds", "ok"),
    [
        ("national", Decimal("100000"), True),
        ("national", Decimal("99999.99"), False),
        ("provincial", Decimal("30000"), True),
        ("city", Decimal("29999"), False),
        ("county", None, False),
    ],
)
def test_it_requires_funds_by_level(level, funds, ok):
    problems = eligibility_problems(level=level, individual_members=60, unit_members=0, funds=funds)
    assert ("funds" not in problems) is ok


def test_the_messages_give_the_rule_and_the_numbers():
    with pytest.raises(InvalidInput) as caught:
        check_eligibility(level="national", individual_members=12, unit_members=3, funds=Decimal("8000"))
    errors = caught.value.errors
    assert "50个以上个人会员或30个以上单位会员" in errors["individual_members"]
    assert "现有个人会员12个、单位会员3个" in errors["individual_members"]
    assert "全国性社会团体须有100,000元以上活动资金，现有8,000.00元" in errors["funds"]


def test_the_thresholds_are_configurable(settings):
    settings.MINSHENG = {
        **settings.MINSHENG,
        "ASSOCIATIONS": {"MIN_INDIVIDUAL_MEMBERS": 20, "MIN_FUNDS_LOCAL": 0},
    }
    assert eligibility_problems(level="county", individual_members=20, unit_members=0, funds=Decimal(0)) == {}


def test_an_association_code_must_be_a_social_organization():
    assert credit_code_problem("51990102000000001X") == ""
    assert "应以“51”开头" in credit_code_problem("91350100M000100Y43")
