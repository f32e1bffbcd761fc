"""This domain's part of `manage.py demo_seed` (see DEMO_PARTS there): invented platforms, sites in
青川区's streets, six 暖新驿站, about twenty voluntary registrations, two care activities and three
rights requests that became petitions (filed as from the portal, like a worker would)."""

from datetime import time, timedelta

from django.utils.translation import gettext as _

from minsheng.people.services import Identity
from minsheng.petitions.services import Intake
from minsheng.petitions.workflow import Channel, Kind
from minsheng.registry.credit_code import credit_code_check_char
from minsheng.registry.newemployment import services
from minsheng.registry.newemployment.models import WorkKind

PLATFORMS = (  # name, kind, invented credit code body (17 characters, check character computed)
    ("云州速达外卖", "delivery", "91990102MA0DEM001"),
    ("江南快运", "courier", "91990102MA0DEM002"),
    ("青川出行", "ride_hailing", ""),
    ("云货通", "freight", ""),
)
SITES = (  # platform, site, street code, address, workers, contact
    ("云州速达外卖", "东湖站", "990102001", "东湖路18号", 86, "陈站长"),
    ("云州速达外卖", "西山站", "990102002", "西山大道203号", 54, "刘站长"),
    ("云州速达外卖", "南门站", "990102003", "南门街7号", 41, "许站长"),
    ("江南快运", "东湖网点", "990102001", "东湖路66号", 23, "杨经理"),
    ("江南快运", "柳溪网点", "990102101", "柳溪镇工业路2号", 15, "吴经理"),
    ("青川出行", "青川服务中心", "990102002", "西山大道88号", 120, "孙主任"),
    ("云货通", "青川货运站", "990102101", "柳溪镇物流园", 37, "郑经理"),
)
AMENITY_SETS = (
    {"has_water", "has_charging", "has_rest", "has_toilet", "has_microwave", "has_wifi"},
    {"has_water", "has_charging", "has_rest", "has_legal_aid"},
    {"has_water", "has_charging", "has_first_aid", "has_toilet"},
    {"has_water", "has_rest", "has_microwave"},
    {"has_water", "has_charging", "has_rest", "has_toilet", "has_legal_aid", "has_first_aid"},
    {"has_water", "has_charging"},
)
STATIONS = (  # name, street, address, operator, days, opens, closes, always open, public
    (
        "东湖暖新驿站",
        "990102001",
        "东湖社区党群服务中心一楼",
        "东湖街道党工委",
        "1234567",
        time(8),
        time(21),
        False,
        True,
    ),
    ("西山暖新驿站", "990102002", "西山大道120号", "西山街道党工委", "1234567", time(0), time(0), True, True),
    (
        "南门暖新驿站",
        "990102003",
        "南门街道便民服务中心",
        "南门街道办事处",
        "12345",
        time(9),
        time(18),
        False,
        True,
    ),
    (
        "柳溪暖新驿站",
        "990102101",
        "柳溪镇党群服务中心",
        "柳溪镇党委",
        "123456",
        time(8),
        time(20),
        False,
        True,
    ),
    (
        "东湖工会户外劳动者驿站",
        "990102001",
        "东湖路55号",
        "青川区总工会",
        "1234567",
        time(20),
        time(6),
        False,
        True,
    ),
    (
        "西山快递网点休息室",
        "990102002",
        "西山大道203号",
        "江南快运西山网点",
        "1234567",
        time(7),
        time(22),
        False,
        False,
    ),
)
RIGHTS = (  # platform, street, title, request, facts, reasons, name
    (
        "云州速达外卖",
        "990102001",
        "站点拖欠两个月配送费",
        "请求督促站点结清拖欠的配送费。",
        "东湖站自今年1月起未按月结算配送费，拖欠约5800元，多次找站长未果。",
        "按站点约定应每月10日结算。",
        "马骏",
    ),
    (
        "江南快运",
        "990102101",
        "派件超时罚款过高",
        "请求核查网点的超时罚款规定。",
        "柳溪网点对每件超时派件罚款20元，上月被罚1300余元。",
        "罚款标准未经告知，明显过高。",
        "潘立",
    ),
    (
        "青川出行",
        "990102002",
        "工作中受伤平台不予理赔",
        "请求协调平台按规定给予职业伤害保障。",
        "接单途中在西山大道被撞伤，平台称不属于保障范围。",
        "接单途中应属于职业伤害保障范围。",
        "邓强",
    ),
)


def _code(body: str) -> str:
    return body + credit_code_check_char(body) if body else ""


def seed(demo, *, now, rng) -> list[str]:
    actor = demo.users["registrar"]
    county = demo.regions["990102"]
    platforms = {}
    for name, kind, body in PLATFORMS:
        values = {"name": name, "kind": kind, "credit_code": _code(body), "region": county}
        platforms[name] = services.platform_save(actor=actor, values=values)
    for platform, name, street, address, workers, contact in SITES:
        values = {
            "platform": platforms[platform],
            "name": name,
            "region": demo.regions[street],
            "address": address,
            "worker_count": workers,
            "contact": contact,
        }
        services.site_save(actor=actor, values=values)
    stations = []
    for (name, street, address, operator, days, opens, closes, always, public), amenities in zip(
        STATIONS, AMENITY_SETS, strict=True
    ):
        values = {
            "name": name,
            "region": demo.regions[street],
            "address": address,
            "operator": operator,
            "open_days": days,
            "opens_at": None if always else opens,
            "closes_at": None if always else closes,
            "always_open": always,
            "is_public": public,
            **{f: True for f in amenities},
        }
        stations.append(services.station_save(actor=actor, values=values))
    streets = [demo.regions[c] for c in ("990102001", "990102002", "990102003", "990102101")]
    kinds = {
        "delivery": WorkKind.RIDER,
        "courier": WorkKind.COURIER,
        "ride_hailing": WorkKind.DRIVER,
        "freight": WorkKind.TRUCKER,
    }
    plist = list(platforms.values())
    for i in range(20):
        platform = rng.choice(plist)
        services.worker_register(
            platform=platform,
            work_kind=kinds[platform.kind],
            region=rng.choice(streets),
            nickname=rng.choice(["", "", "李师傅", "小王", "张哥", "阿杰"]),
            phone=f"139{rng.randrange(10**8):08d}" if i % 3 else "",
            consent=True,
            now=now - timedelta(days=rng.randrange(1, 90)),
        )
    for station, title, days_ago, people in (
        (stations[0], "冬日送温暖：热饮和防寒手套", 40, 60),
        (stations[1], "骑手安全骑行与职业伤害保障讲座", 12, 35),
    ):
        services.activity_save(
            actor=actor,
            values={
                "title": title,
                "station": station,
                "held_on": (now - timedelta(days=days_ago)).date(),
                "participants": people,
            },
        )
    numbers = []
    for platform, street, title, request, facts, reasons, name in RIGHTS:
        intake = Intake(
            channel=Channel.ONLINE,
            kind=Kind.REQUEST,
            title=title,
            request=request,
            facts=facts,
            reasons=reasons,
            region=demo.regions[street],
            petitioner=Identity(
                name=name, phone=f"137{rng.randrange(10**8):08d}", address=demo.regions[street].name
            ),
        )
        receipt = services.rights_request_submit(
            platform=platforms[platform],
            work_kind=kinds[platforms[platform].kind],
            intake=intake,
            actor=None,
            now=now - timedelta(days=rng.randrange(1, 10)),
        )
        numbers.append(receipt.petition.number)
    return [
        _("新就业群体：%(p)s个平台、%(s)s个站点、%(st)s个驿站、20条自愿登记、2次关爱活动；")
        % {"p": len(PLATFORMS), "s": len(SITES), "st": len(STATIONS)},
        _("  维权诉求已登记为信访件 %(n)s；工作台 /registry/newemployment/，门户 /portal/newemployment/")
        % {"n": "、".join(numbers)},
    ]
