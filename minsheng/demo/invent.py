"""Invented people and places for the demo: names, valid-looking ID numbers, phones, estates, shops.

Everything is drawn from a seeded ``random.Random``, so a seed at the same moment produces the same
world. ID numbers use the demo's own "99…" area codes and a correct GB 11643 check digit.
"""

import random
from datetime import date, timedelta

from minsheng.people.services import Identity

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强文辉玉兰红梅春梅海燕晓东小红宏伟"
    "德明俊杰子涵雨欣浩然梓萱一鸣思远嘉怡宇航欣怡文博佳琪家豪婷婷建华国庆淑珍秀梅桂芳凤英"
)
ESTATES = (
    "锦绣花园", "阳光新城", "滨江苑", "翠湖小区", "幸福里", "金桂园", "东湖名邸", "湖滨一村", "西山雅居",
    "枫林家园", "南门老街小区", "梧桐苑", "和平新村", "青川水岸", "白石嘉园", "北湾花园", "纺织厂宿舍",
    "粮食局家属院", "康乐小区", "望江府",
)  # fmt: skip
ROADS = ("青川大道", "滨江路", "东湖路", "西山北路", "南门大街", "柳溪路", "白石路", "北湾大道", "建设路",
         "人民路", "解放路", "工业园一路")  # fmt: skip
COMPANIES = ("云州鑫达建筑工程有限公司", "青川恒通物流有限公司", "江南佳美餐饮管理有限公司",
             "云州宏远机械制造有限公司", "青川博学教育咨询有限公司", "白石绿源化工有限公司",
             "云州动力健身服务有限公司", "青川万家乐商贸有限公司", "柳溪苗木种植专业合作社",
             "云州安居物业服务有限公司")  # fmt: skip
SHOPS = ("万家乐超市", "好又多便利店", "惠民生鲜超市", "邻里便利店")
MARKETS = ("青川万达广场", "东湖农贸市场", "南门商业街", "白石购物中心")
SCHOOLS = ("青川区第二实验小学", "东湖小学", "西山中学", "白石区实验学校")
HOSPITALS = ("青川区人民医院", "云州市第一人民医院", "青川区中医院", "东湖社区卫生服务中心")
JOBS = ("钢筋", "木工", "保洁", "保安", "快递分拣", "餐厅服务员", "外卖配送", "装修")
BUSES = ("3", "7", "12", "18", "26", "31", "105")

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_digit(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits of an ID number."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def id_number(rng: random.Random, area: str = "990102") -> str:
    """An 18-character ID number with a valid check digit, born 1950–2003, in a demo area."""
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 53 * 365))
    first17 = f"{area[:6]}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + check_digit(first17)


def phone(rng: random.Random) -> str:
    return rng.choice(("138", "139", "150", "158", "186", "177", "133")) + f"{rng.randrange(10**8):08d}"


def name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


def address(rng: random.Random, street: str, place: str) -> str:
    b, u, r = rng.randint(1, 30), rng.randint(1, 4), rng.randint(1, 18) * 100 + rng.randint(1, 4)
    return f"江南省云州市{street}{place}{rng.choice(ESTATES)}{b}栋{u}单元{r}室"


def identity(rng: random.Random, *, street: str, place: str, area: str) -> Identity:
    """A private petitioner with name, ID number, mobile phone and home address."""
    return Identity(
        name=name(rng),
        id_number=id_number(rng, area),
        phone=phone(rng),
        address=address(rng, street, place),
    )


def organization(rng: random.Random, *, street: str, place: str) -> Identity:
    """An organization petitioner (Art. 19: its name and address), e.g. an owners' committee."""
    return Identity(
        name=f"{rng.choice(ESTATES)}业主委员会",
        phone="0571" + f"{rng.randrange(10**7, 10**8)}",
        address=f"江南省云州市{street}{place}",
        is_organization=True,
    )


def words(rng: random.Random, *, street: str, place: str, unit_name: str) -> dict[str, str]:
    """The words a template may use, drawn once per case so a case reads consistently."""
    n = rng.randint(2, 9)
    households = rng.randint(12, 36)
    return {
        "street": street,
        "place": place,
        "village": place if place.endswith("村") else f"{street}{place}",
        "estate": rng.choice(ESTATES),
        "b": str(rng.randint(1, 30)),
        "road": rng.choice(ROADS),
        "company": rng.choice(COMPANIES),
        "shop": rng.choice(SHOPS),
        "market": rng.choice(MARKETS),
        "school": rng.choice(SCHOOLS),
        "hospital": rng.choice(HOSPITALS),
        "job": rng.choice(JOBS),
        "bus": rng.choice(BUSES),
        "n": str(n),
        "n2": str(rng.randint(n + 1, 12) if n < 12 else n),
        "hh": str(households),
        "hh_yes": str(rng.randint(households * 2 // 3 + 1, households)),
        "months": str(rng.randint(2, 14)),
        "month": str(rng.randint(1, 12)),
        "amount": f"{rng.randint(8, 960) * 100:,}",
        "fare": str(rng.randint(60, 300)),
        "name2": name(rng),
        "unit_name": unit_name,
    }
