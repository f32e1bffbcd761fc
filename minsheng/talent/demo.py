"""This domain's part of `manage.py demo_seed`: ~30 invented social workers of 青川区 and 白石区.

Dates are counted back from the day of the seed, so the lists always have rows: some workers short of
continuing-education hours, some due to re-register within 90 days, one lapsed, one never registered,
one late registration, one degree. Also sets invented resident populations on the two districts and
their streets, so the per-10,000 statistic shows.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from minsheng import audit
from minsheng.accounts.roles import Role
from minsheng.orgs.models import Membership, Region
from minsheng.people.services import Identity, person_record
from minsheng.talent import rules, services
from minsheng.talent.models import Certificate, ContinuingEducation, Registration, SocialWorker

# Invented resident populations (常住人口).
POPULATION = {
    "990102": 420_000,
    "990102001": 98_000,
    "990102002": 86_000,
    "990102003": 73_000,
    "990102101": 52_000,
    "990103": 310_000,
    "990103001": 128_000,
    "990103002": 96_000,
}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹"
GIVEN = ("晓燕", "志强", "丽娟", "海波", "文静", "建华", "雪梅", "俊杰", "春燕", "振宇", "慧敏", "国栋",
         "佳琪", "明辉", "秀英", "子涵", "思远", "婷婷", "浩然", "雅琴", "宏伟", "玉兰", "一鸣", "欣怡",
         "立新", "晓峰", "美玲", "天佑", "静怡", "卫东")  # fmt: skip
EMPLOYERS = {
    "990102001": ("青川区东湖社会工作服务中心", "children"),
    "990102002": ("西山街道社会工作服务站", "elderly"),
    "990102003": ("南门社区服务中心", "community"),
    "990102101": ("柳溪镇社会工作站", "assistance"),
    "990102": ("青川区人民医院", "medical"),
    "990103001": ("白石区阳光社会工作事务所", "youth"),
    "990103002": ("北湾街道禁毒社会工作站", "drugs"),
}
# (region, level, scenario, field override): scenarios are explained in ``_dates``.
PLAN = (
    ("990102001", "intermediate", "ok", ""), ("990102001", "assistant", "short", ""),
    ("990102001", "senior", "ok", "school"), ("990102001", "assistant", "due_ok", ""),
    ("990102001", "intermediate", "due_short", ""), ("990102002", "intermediate", "ok", ""),
    ("990102002", "assistant", "ok", ""), ("990102002", "assistant", "short", "disability"),
    ("990102002", "intermediate", "degree", ""), ("990102002", "intermediate", "lapsed", ""),
    ("990102003", "assistant", "ok", ""), ("990102003", "intermediate", "due_ok", "correction"),
    ("990102003", "senior", "short", ""), ("990102003", "assistant", "unregistered", ""),
    ("990102003", "intermediate", "ok", "enterprise"), ("990102101", "assistant", "ok", ""),
    ("990102101", "assistant", "late", ""), ("990102101", "intermediate", "due_short", "elderly"),
    ("990102101", "assistant", "new", ""), ("990102", "intermediate", "ok", ""),
    ("990102", "senior", "ok", ""), ("990102", "assistant", "short", ""),
    ("990102", "intermediate", "inactive", ""), ("990102", "assistant", "new", "other"),
    ("990103001", "assistant", "ok", ""), ("990103001", "intermediate", "short", ""),
    ("990103001", "senior", "ok", "children"), ("990103002", "assistant", "due_ok", ""),
    ("990103002", "intermediate", "ok", ""), ("990103002", "assistant", "short", ""),
)  # fmt: skip
TRAININGS = ("儿童保护个案管理实务", "老年人长期照护社会工作", "社区治理与居民议事", "社会工作督导能力提升",
             "危机干预与心理支持", "社会工作伦理与法规", "项目设计与评估")  # fmt: skip
PREFIX = {"assistant": "ZG", "intermediate": "ZJ", "senior": "GJ"}
PROVIDERS = ("云州市社会工作者协会", "江南省社会工作教育中心", "云州大学社会学院")


def _id_number(n: int) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    body = f"990102{1975 + n % 25:04d}{1 + n % 12:02d}{1 + n % 28:02d}{(n * 7) % 1000:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def _dates(scenario: str, today, rng):
    """(passed_on, registered_on or None, hours in the current period)."""
    three_years_ago = rules.add_years(today, -3)
    if scenario in ("due_ok", "due_short"):  # validity ends within 90 days
        reg = three_years_ago + timedelta(days=rng.randint(10, 80))
        return reg - timedelta(days=200), reg, (95 if scenario == "due_ok" else 40)
    if scenario == "lapsed":  # ended a month and a half ago, not renewed
        reg = three_years_ago - timedelta(days=45)
        return reg - timedelta(days=120), reg, 30
    if scenario == "unregistered":
        return today - timedelta(days=rng.randint(420, 600)), None, 0
    if scenario == "late":
        passed = today - timedelta(days=700)
        return passed, passed + timedelta(days=420), 20
    if scenario == "new":  # passed recently, still within the year to register
        return today - timedelta(days=rng.randint(60, 200)), None, 0
    reg = today - timedelta(days=rng.randint(200, 800))
    hours = {"short": rng.choice((12, 24, 36)), "degree": 0}.get(scenario, 96)
    return reg - timedelta(days=rng.randint(30, 300)), reg, hours


def _registrar_of(demo, unit_key: str):
    unit = demo.units.get(unit_key)
    if unit is None:
        return None
    m = Membership.objects.filter(unit=unit, role=Role.REGISTRAR).select_related("user").first()
    return m.user if m else None


def seed(demo, *, now, rng) -> list[str]:
    """Create the demo records; return the lines to print (what was made, where to look)."""
    today = timezone.localdate(now)
    for code, population in POPULATION.items():
        Region.objects.filter(code=code).update(population=population)
    actors = {"990102": _registrar_of(demo, "social_work"), "990103": _registrar_of(demo, "b_social_work")}
    made = 0
    for n, (code, level, scenario, field) in enumerate(PLAN, start=1):
        region = demo.regions.get(code) or Region.objects.get(code=code)
        employer, default_field = EMPLOYERS[code]
        identity = Identity(
            name=SURNAMES[n % len(SURNAMES)] + GIVEN[n - 1], id_number=_id_number(n), phone=f"139{n:08d}"
        )
        passed, registered, hours = _dates(scenario, today, rng)
        values = dict(
            identity=identity,
            region=region,
            employer=employer,
            field=field or default_field,
            status=SocialWorker.Status.INACTIVE if scenario == "inactive" else SocialWorker.Status.ACTIVE,
            level=level,
            number=f"{PREFIX[level]}{2016 + n % 9}{n:05d}",
            passed=passed,
            registered=registered,
            late_reason="取得证书后赴外地进修一年，返回后补办登记" if scenario == "late" else "",
            degree=scenario == "degree",
            hours=hours,
            today=today,
            rng=rng,
        )
        actor = actors.get(code[:6])
        (_with_services if actor else _direct)(actor=actor, **values)
        made += 1
    return [
        f"社会工作人才：{made} 名虚构社会工作者（学时不足、即将到期、已过期、逾期未登记各有示例）"
        f"，青川区、白石区及各街道已填常住人口 → /talent/（账号 registrar）"
    ]


def _ce_rows(*, registered, hours, degree, today, rng):
    rows = []
    if degree:
        rows.append(
            ("degree", "社会工作硕士（MSW）", "云州大学社会学院", registered + timedelta(days=60), Decimal(0))
        )
    left, i = hours, 0
    while left > 0:
        h = min(left, rng.choice((12, 16, 24, 32)))
        on = min(today, registered + timedelta(days=30 + 45 * i))
        rows.append(("training", TRAININGS[(i + hours) % len(TRAININGS)], PROVIDERS[i % 3], on, Decimal(h)))
        left -= h
        i += 1
    return rows


def _with_services(*, actor, identity, region, employer, field, status, level, number, passed, registered,
                   late_reason, degree, hours, today, rng):  # fmt: skip
    worker = services.worker_create(
        identity=identity,
        data=services.WorkerData(region=region, employer=employer, field=field, status=status),
        actor=actor,
    )
    cert = services.certificate_add(
        worker=worker, level=level, number=number, passed_on=passed, actor=actor, today=today
    )
    if registered is None:
        return
    services.registration_register(
        certificate=cert, registered_on=registered, late_reason=late_reason, actor=actor, today=today
    )
    for kind, title, provider, on, h in _ce_rows(
        registered=registered, hours=hours, degree=degree, today=today, rng=rng
    ):
        services.ce_add(
            worker=worker, actor=actor, today=today, kind=kind, title=title, provider=provider, on=on, hours=h
        )


def _direct(*, actor, identity, region, employer, field, status, level, number, passed, registered,
            late_reason, degree, hours, today, rng):  # fmt: skip
    # No registrar of that district in the demo: the records are written as the seed itself.
    worker = SocialWorker.objects.create(
        person=person_record(identity=identity, actor=None),
        region=region,
        employer=employer,
        field=field,
        status=status,
        level=level,
    )
    audit.record(actor=None, actor_label="demo_seed", action="talent.worker.created", target=worker)
    cert = Certificate.objects.create(worker=worker, level=level, number=number, passed_on=passed)
    if registered is None:
        return
    reg = Registration.objects.create(
        certificate=cert,
        worker=worker,
        registered_on=registered,
        valid_until=rules.valid_until(registered),
        late=rules.is_late(passed, registered),
        late_reason=late_reason,
        hours_required=rules.required_hours(level),
    )
    for kind, title, provider, on, h in _ce_rows(
        registered=registered, hours=hours, degree=degree, today=today, rng=rng
    ):
        ContinuingEducation.objects.create(
            worker=worker, registration=reg, kind=kind, title=title, provider=provider, on=on, hours=h
        )
