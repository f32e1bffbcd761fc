"""Whether a body may be registered as a social organization (社会团体登记管理条例 Art. 10).

Pure functions over numbers, the one place where these rules live: the create and edit forms, the
registration step and the Excel import all call ``eligibility_problems``. The thresholds are in conf.py.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from minsheng.core.errors import InvalidInput
from minsheng.registry.associations import conf

NATIONAL = "national"


def member_problem(*, individual_members: int, unit_members: int) -> str:
    """ "" when the membership suffices, else a Chinese sentence with the numbers."""
    individual, unit = individual_members or 0, unit_members or 0
    min_individual, min_unit = conf.get("MIN_INDIVIDUAL_MEMBERS"), conf.get("MIN_UNIT_MEMBERS")
    min_mixed = conf.get("MIN_MIXED_MEMBERS")
    if individual >= min_individual or unit >= min_unit:
        return ""
    if individual and unit and individual + unit >= min_mixed:
        return ""
    return _(
        "会员数量不足：须有%(ind)s个以上个人会员或%(unit)s个以上单位会员（混合组成的，会员总数不少于%(mixed)s个），"
        "现有个人会员%(have_ind)s个、单位会员%(have_unit)s个。"
    ) % {
        "ind": min_individual,
        "unit": min_unit,
        "mixed": min_mixed,
        "have_ind": individual,
        "have_unit": unit,
    }


def funds_problem(*, level: str, funds: Decimal | None) -> str:
    national = level == NATIONAL
    minimum = conf.get("MIN_FUNDS_NATIONAL") if national else conf.get("MIN_FUNDS_LOCAL")
    have = funds or Decimal(0)
    if have >= minimum:
        return ""
    return _("活动资金不足：%(scope)s社会团体须有%(min)s元以上活动资金，现有%(have)s元。") % {
        "scope": _("全国性") if national else _("地方性"),
        "min": f"{minimum:,.0f}",
        "have": f"{have:,.2f}",
    }


def eligibility_problems(
    *, level: str, individual_members: int, unit_members: int, funds: Decimal | None
) -> dict[str, str]:
    """Field name → what is missing; empty when the body may be registered."""
    problems = {}
    members = member_problem(individual_members=individual_members, unit_members=unit_members)
    if members:
        problems["individual_members"] = members
    money = funds_problem(level=level, funds=funds)
    if money:
        problems["funds"] = money
    return problems


def check_eligibility(**numbers) -> None:
    """``InvalidInput`` listing every unmet condition (the same keywords as ``eligibility_problems``)."""
    problems = eligibility_problems(**numbers)
    if problems:
        raise InvalidInput(" ".join(problems.values()), errors=problems, code="ineligible")


def credit_code_problem(code: str) -> str:
    """An association is a 社会团体 registered by civil affairs: its code starts with 51 (configurable)."""
    prefixes = tuple(conf.get("CREDIT_CODE_PREFIXES"))
    if not code or not prefixes or code.startswith(prefixes):
        return ""
    return _("行业协会商会属于民政部门登记的社会团体，统一社会信用代码应以“%(p)s”开头，实际为“%(c)s”。") % {
        "p": "”或“".join(prefixes),
        "c": code[:2],
    }
