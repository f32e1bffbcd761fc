# ruff: noqa: E501  (the table of bodies reads best one body a line)
"""This domain's part of `manage.py demo_seed`: invented associations and chambers of 青川区 and 白石区
in several states, with annual reports filed, returned and missing (so the overdue list has rows)."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.accounts.roles import Role
from minsheng.orgs.models import Membership
from minsheng.registry.associations import services
from minsheng.registry.associations.deadlines import report_year
from minsheng.registry.associations.models import Association, Party
from minsheng.registry.associations.services import Details, Filing
from minsheng.registry.associations.workflow import Decoupling, S
from minsheng.registry.credit_code import credit_code_check_char

QC, BS = "990102", "990103"
# name, region, kind, level, industry, supervising unit, individual, unit members, funds, party, state
BODIES = (
    ("青川区餐饮行业协会", QC, "association", "county", "H", "青川区商务局", 120, 45, 80000, "own", S.ACTIVE),
    ("青川区建筑业协会", QC, "association", "county", "E", "青川区住房和城乡建设局", 0, 62, 200000, "own", S.DECOUPLED),
    ("青川区电子商务协会", QC, "association", "county", "I", "", 35, 40, 50000, "joint", S.ACTIVE),
    ("青川区物流行业协会", QC, "association", "county", "G", "青川区交通运输局", 0, 38, 60000, "none", S.DECOUPLING),
    ("青川区家政服务业协会", QC, "association", "county", "O", "", 86, 12, 30000, "joint", S.ACTIVE),
    ("青川区汽车维修行业协会", QC, "association", "county", "O", "青川区交通运输局", 0, 33, 40000, "none", S.ACTIVE),
    ("青川区温州商会", QC, "chamber", "county", "F", "青川区工商业联合会", 0, 58, 300000, "own", S.ACTIVE),
    ("青川区茶叶商会", QC, "chamber", "county", "A", "", 70, 0, 35000, "none", S.TRANSFORMING),
    ("东湖街道商会", "990102001", "chamber", "county", "F", "青川区工商业联合会", 0, 31, 30000, "joint", S.ACTIVE),
    ("柳溪镇农产品商会", "990102101", "chamber", "county", "A", "", 52, 0, 30000, "none", S.ACTIVE),
    ("青川区旅游饭店协会", QC, "association", "county", "H", "", 0, 30, 30000, "none", S.PREPARING),
    ("青川区美容美发行业协会", QC, "association", "county", "O", "", 50, 0, 30000, "none", S.DISSOLVED),
    ("白石区建材商会", BS, "chamber", "county", "F", "白石区工商业联合会", 0, 40, 120000, "own", S.ACTIVE),
    ("白石区水产行业协会", BS, "association", "county", "A", "白石区农业农村局", 64, 0, 45000, "none", S.ACTIVE),
    ("白石区物业管理协会", BS, "association", "county", "K", "", 0, 35, 50000, "joint", S.ACTIVE),
)  # fmt: skip


def _code(region: str, n: int) -> str:
    first17 = f"51{region[:6]}MJ{n:07d}"
    return first17 + credit_code_check_char(first17)


def _registrar_of(demo, unit_key: str):
    unit = demo.units.get(unit_key)
    m = (
        Membership.objects.filter(unit=unit, role=Role.REGISTRAR).select_related("user").first()
        if unit
        else None
    )
    return m.user if m else None


def seed(demo, *, now, rng) -> list[str]:
    """Create the demo records; return the lines to print (what was made, where to look)."""
    registrars = {QC: _registrar_of(demo, "social_work"), BS: _registrar_of(demo, "b_social_work")}
    made = []
    for n, (name, code, kind, level, industry, sup, ind, units, funds, party, state) in enumerate(BODIES, 1):
        region = demo.regions[code]
        details = Details(
            name=name, kind=kind, level=level, industry=industry, supervising_unit=sup,
            registration_unit=_("%(area)s民政局") % {"area": demo.regions[code[:6]].name},
            credit_code="" if state == S.PREPARING else _code(code, n),
            individual_members=ind, unit_members=units, funds=Decimal(funds),
            legal_representative=rng.choice("赵钱孙李周吴郑王冯陈") + rng.choice(["建国", "丽华", "志强", "秀英", "海涛"]),
            contact_person=rng.choice("褚卫蒋沈韩杨朱秦尤许") + rng.choice(["敏", "静", "磊", "洋", "军"]),
            contact_phone=f"0571-8{rng.randrange(1000000, 9999999)}",
            registered_on=None if state == S.PREPARING else date(2012 + n % 10, 1 + n % 12, 1 + n % 27),
            party_organization=party, party_members=0 if party == Party.NONE else 3 + n % 5,
        )  # fmt: skip
        made.append(_create(registrars[code[:6]], region, details, state, now))
    lines = [_("行业协会商会：%(n)s个（青川区、白石区），见 /registry/associations/") % {"n": len(made)}]
    lines += _states(made, registrars[QC], now)
    lines += _reports(made, registrars, now)
    return lines


def _create(actor, region, details: Details, state: str, now) -> Association:
    start = S.PREPARING if state == S.PREPARING else S.ACTIVE
    if actor is not None:
        return services.association_create(actor=actor, region=region, details=details, status=start, now=now)
    # No registrar of this area among the demo logins: entered as the seed, still audited.
    a = Association(
        region=region, status=start, **{**details.__dict__, "credit_code": details.credit_code or None}
    )
    a.save()
    audit.record(actor=None, actor_label="demo_seed", action="associations.association.created", target=a)
    return a


def _states(made: list[Association], actor, now) -> list[str]:
    """Take the 青川区 bodies through the workflow to their demo state."""
    today = now.date()
    for a in made:
        target = next(b[-1] for b in BODIES if b[0] == a.name)
        if target in (S.ACTIVE, S.PREPARING) or actor is None:
            continue
        if target in (S.DECOUPLING, S.DECOUPLED):
            services.association_step(association=a, actor=actor, name="start_decoupling", now=now)
            steps = list(Decoupling) if target == S.DECOUPLED else list(Decoupling)[:3]
            for i, step in enumerate(steps):
                done_on = date(today.year - 1, 3 + i, 10)
                services.association_record_decoupling(
                    association=a, actor=actor, step=step, done_on=done_on, now=now
                )
            if target == S.DECOUPLED:
                services.association_step(association=a, actor=actor, name="finish_decoupling", now=now)
        elif target == S.TRANSFORMING:
            services.association_step(
                association=a,
                actor=actor,
                name="start_transformation",
                reason=_("拟转型为社会服务机构"),
                now=now,
            )
        elif target == S.DISSOLVED:
            services.association_step(
                association=a, actor=actor, name="dissolve", reason=_("会员大会决议解散，清算完毕"), now=now
            )
    return [_("其中脱钩改革中1个（已完成3项分离）、已脱钩1个、转型中1个、筹备中1个、已注销1个。")]


def _reports(made: list[Association], registrars: dict, now) -> list[str]:
    """Two years of reports: the older year mostly filed (two missing → overdue), the last year partly."""
    today = now.date()
    last = report_year(today)
    older = last - 1
    filed = missing = 0
    for i, a in enumerate(made):
        a.refresh_from_db()
        actor = registrars.get(a.region.code[:6])
        if actor is None or a.status not in (S.ACTIVE, S.DECOUPLING, S.DECOUPLED, S.TRANSFORMING):
            continue
        for year, skip in ((older, i in (2, 5)), (last, i % 3 != 0)):
            if skip:
                missing += 1
                continue
            sent = min(today, date(year + 1, 3, 20))
            filing = Filing(
                submitted_on=sent,
                supervisor_submitted_on=min(sent, date(year + 1, 3, 10)) if a.supervising_unit else None,
                individual_members=a.individual_members, unit_members=a.unit_members,
                income=Decimal(20000 + 1000 * i), expenses=Decimal(18000 + 900 * i), net_assets=a.funds,
                summary=_("组织会员培训、行业交流和公益活动。"),
            )  # fmt: skip
            report = services.annual_report_submit(
                association=a, actor=actor, year=year, filing=filing, now=now
            )
            filed += 1
            if year == older:
                returned = i == 6
                services.annual_report_review(
                    report=report, actor=actor, accept=not returned, now=now,
                    reason=_("财务收支表与审计报告数字不一致") if returned else "",
                )  # fmt: skip
    return [
        _("年度工作报告：已报%(filed)s份，未报%(missing)s份（%(older)s年度的未报者在逾期名单中）。")
        % {"filed": filed, "missing": missing, "older": older}
    ]
