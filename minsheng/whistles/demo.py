"""The demo's 吹哨报到: duty lists of the county's streets and whistles in every state."""

from datetime import timedelta

from django.utils.translation import gettext as _

from minsheng.demo.data import HANDLER_OF
from minsheng.orgs.models import DutyItem
from minsheng.whistles import services
from minsheng.whistles.models import Whistle

# The same short list for every street of 青川区 (invented, shaped like published 街道职责清单). A
# matter's code is the hotline category's where there is one: the list also guards hotline dispatch.
DUTIES = (
    ("0101", "背街小巷和小区路灯报修"),
    ("04", "物业服务监督和小区治理"),
    ("JD01", "背街小巷环境卫生整治"),
    ("JD02", "社区矛盾纠纷排查调处"),
    ("JD03", "老旧小区楼道杂物清理"),
    ("JD04", "防汛防台人员转移"),
    ("JD05", "独居老人走访关爱"),
)
STREETS = {"donghu": "990102001", "xishan": "990102002", "nanmen": "990102003", "liuxi": "990102101"}

# (street, kind, title, place, departments (first leads, or None: the street leads duty JDxx),
#  hours ago, how far it got: raised / arrived / reported / closed / rated)
WHISTLES = (
    ("donghu", "emergency", "湖滨路燃气管道泄漏", "湖滨路12号", ("housing", "urban"), 3, "arrived"),
    ("donghu", "priority", "东湖市场周边占道经营反复回潮", "东湖市场", ("urban", "market"), 30, "reported"),
    ("xishan", "daily", "枫林社区雨水管网堵塞", "枫林社区5栋", ("housing", "environment"), 200, "rated"),
    ("nanmen", "daily", "南门小学门口交通拥堵", "南门小学", ("transport", "education"), 100, "closed"),
    ("liuxi", "emergency", "柳溪村山体落石阻断村道", "柳溪村3组", ("transport", "urban"), 1, "raised"),
    ("xishan", "daily", "西山社区楼道杂物堆积", "西山社区2栋", None, 60, "rated"),
)


def seed(demo, *, now, rng) -> list[str]:
    for code in STREETS.values():
        DutyItem.objects.bulk_create(
            DutyItem(region=demo.regions[code], code=c, name=n, basis=_("青川区街道职责清单（演示）"))
            for c, n in DUTIES
        )
    street_actor = demo.users["jiedao"]
    for street, kind, title, place, departments, hours_ago, reached in WHISTLES:
        at = now - timedelta(hours=hours_ago)
        unit = demo.units[street]
        named = tuple(demo.units[d] for d in (departments or ("urban",)))
        plan = services.WhistlePlan(
            kind=kind, title=title, description=_("现场情况已核实，请相关部门到场处置。"),
            region=demo.regions[STREETS[street]], place=place, departments=named,
            lead=named[0] if departments else None,
            duty_item=None if departments else DutyItem.objects.get(region=unit.region, code="JD03"),
        )  # fmt: skip
        whistle = services.whistle_raise(street=unit, plan=plan, actor=street_actor, now=at)
        _play(demo, whistle, reached, at, rng)
    return [
        _("吹哨报到：%(n)s次吹哨（应急哨%(e)s次），街道职责清单%(d)s项；区政府账号 quzhengfu 查看双向考核。")
        % {
            "n": Whistle.objects.count(),
            "e": Whistle.objects.filter(kind=Whistle.Kind.EMERGENCY).count(),
            "d": DutyItem.objects.count(),
        },
        "  /whistles/  /whistles/assessment/",
    ]


def _play(demo, whistle, reached, at, rng) -> None:
    steps = ("raised", "arrived", "reported", "closed", "rated")
    upto = steps.index(reached)
    for call in whistle.calls.select_related("unit"):
        actor = demo.users[HANDLER_OF[demo.unit_key(call.unit)]]
        if upto >= 1:
            late = rng.random() < 0.25  # a quarter arrive after their deadline
            minutes = 40 if late and whistle.kind == "emergency" else rng.randint(8, 25)
            services.call_take(
                call=call, step_name="arrive", actor=actor, now=at + timedelta(minutes=minutes)
            )
        if upto >= 2:
            services.call_take(
                call=call, step_name="report", actor=actor, now=at + timedelta(hours=rng.randint(2, 20)),
                result=_("已到场处置，问题已解决。"),
            )  # fmt: skip
    street_actor = demo.users["jiedao"]
    if upto >= 3:
        services.whistle_close(
            whistle=whistle, actor=street_actor, now=at + timedelta(days=1), summary=_("已处置完毕。")
        )
    if upto >= 4:
        for call in whistle.calls.all():
            services.call_rate(call=call, actor=street_actor, rating=rng.choice((3, 4, 5, 5)))
