"""How long personal data is kept, per kind of record: one table, with the reason for each.

Years are defaults a department overrides in ``settings.MINSHENG["RETENTION"]`` (``{"petitions": 15}``);
``None`` means the record is never purged automatically. After the period the *personal* data goes
(names, ID numbers, phones, addresses, identifying free text); dates, area, unit, category, channel
and state stay, so statistics and rollups of past years do not change. ``retention.py`` does it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Retention:
    key: str
    record: str  # what is kept
    years: int | None  # default period; None: kept as long as the record is in use
    clock: str  # the day the period starts
    reason: str  # why this period


TABLE = (
    Retention(
        "petitions",
        _("信访件（含代表、附件）"),
        10,
        _("办结之日（终结、不予受理、导入法定途径也算办结）"),
        _("信访档案按机关档案保管期限表保管，一般信访事项定期10年；期满后个人信息清除，统计项保留"),
    ),
    Retention(
        "receptions",
        _("领导接访预约"),
        3,
        _("接访日；已登记为信访件的随信访件保管"),
        _("预约只为安排接待；登记为信访件后按信访档案保管"),
    ),
    Retention(
        "hotline",
        _("接诉即办工单"),
        5,
        _("办结之日"),
        _("工单档案一般保管5年，满足回访、考核和复核需要"),
    ),
    Retention(
        "suggestions",
        _("人民建议"),
        5,
        _("答复或作出决定之日"),
        _("建议办理材料保管5年；已采纳建议的内容已公开，只清除建议人身份和个人化答复"),
    ),
    Retention(
        "newemployment",
        _("新就业群体自愿登记"),
        3,
        _("登记之日（撤回时已立即清除）"),
        _("个人信息保护法第19条：保存期限为实现处理目的所必要的最短时间；撤回同意即时删除"),
    ),
    Retention(
        "volunteers",
        _("志愿者（已注销）"),
        5,
        _("注销之日（状态改为已注销的最后修改时间）"),
        _(
            "志愿服务记录应长期妥善保存，在册志愿者随时可申请服务证明，故不清除；"
            "注销满期后清除身份信息，服务时长作为匿名记录保留，已出具的证明仍可查验"
        ),
    ),
    Retention(
        "talent",
        _("社会工作者"),
        None,
        "—",
        _("社会工作者登记在有效期内持续使用，不自动清除；由登记机关按登记管理办法注销后处理"),
    ),
)

BY_KEY = {r.key: r for r in TABLE}


def years(key: str) -> int | None:
    """The period in force for ``key``: the setting if a department set one, else the table's."""
    return settings.MINSHENG.get("RETENTION", {}).get(key, BY_KEY[key].years)
