"""Configurable numbers of the association registry (DESIGN §1.6).

Defaults follow the 社会团体登记管理条例 (Art. 10) and the annual inspection practice of the civil
affairs departments; a jurisdiction overrides any of them in ``settings.MINSHENG["ASSOCIATIONS"]``.
"""

from decimal import Decimal

from django.conf import settings

DEFAULTS = {
    # Art. 10 (2): 50 individual members, or 30 unit members; a mixed membership 50 in all.
    "MIN_INDIVIDUAL_MEMBERS": 50,
    "MIN_UNIT_MEMBERS": 30,
    "MIN_MIXED_MEMBERS": 50,
    # Art. 10 (5): activity funds of a national body ¥100,000, of a local body ¥30,000.
    "MIN_FUNDS_NATIONAL": Decimal("100000"),
    "MIN_FUNDS_LOCAL": Decimal("30000"),
    # Annual reports of year Y: to the supervising unit (初审) by 03-31 and to the registrar by 05-31 of Y+1.
    "SUPERVISOR_DUE": (3, 31),
    "REGISTRAR_DUE": (5, 31),
    # Registrars are reminded of a missing report this many days before its due date (and after it).
    "REMIND_DAYS_BEFORE": 30,
    # Industry associations and chambers are social organizations registered by civil affairs: 51….
    "CREDIT_CODE_PREFIXES": ("51",),
}


def get(name: str):
    return settings.MINSHENG.get("ASSOCIATIONS", {}).get(name, DEFAULTS[name])
