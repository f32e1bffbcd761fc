"""The numbers of the social-worker rules, overridable in ``settings.MINSHENG["TALENT"]``.

Defaults follow 《社会工作者职业水平证书登记办法》 and the continuing-education rules (DESIGN.md §1.6).
"""

from django.conf import settings

DEFAULTS = {
    "REGISTER_WITHIN_YEARS": 1,  # first registration within 1 year of passing the examination
    "VALID_YEARS": 3,  # a registration is valid 3 years
    "RENEWAL_WINDOW_MONTHS": 3,  # re-registration only in the last 3 months of validity
    "CE_HOURS_ASSISTANT": 72,  # continuing education per period: 助理社会工作师
    "CE_HOURS_OTHERS": 90,  # 社会工作师 / 高级社会工作师
    "DEGREE_HOURS": 90,  # a degree (学历教育) counts once per period as this many hours
    "DUE_SOON_DAYS": 90,  # "即将到期" lists and reminders look this far ahead
}


def get(name: str):
    return settings.MINSHENG.get("TALENT", {}).get(name, DEFAULTS[name])
