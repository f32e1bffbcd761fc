# ruff: noqa: E501  (data tables of Chinese names read best one entry a line)
"""This domain's part of `manage.py demo_seed`: 两新组织 in 青川区 and 白石区 (all invented).

青川区's units go through the services as the demo registrar (so they are audited like real work);
白石区 has no registrar in the demo, so its few units are written directly.
"""

from datetime import date

from django.utils.translation import gettext as _

from minsheng.registry.twonew import services
from minsheng.registry.twonew.models import Industry, Organization, PartyOrganization
from minsheng.registry.twonew.synthetic import credit_code

K = Organization.Kind
P = PartyOrganization.Kind
NON_PUBLIC, MIXED, ECON, SOCIAL = K.NON_PUBLIC, K.MIXED, K.NEW_ECONOMIC, K.NEW_SOCIAL

# (name, kind, region code, industry, employees, full members, probationary, operating)
UNITS = (
    ("东湖精密制造有限公司", NON_PUBLIC, "990102001001", "C", 320, 18, 2, True),
    ("湖滨智能科技有限公司", NON_PUBLIC, "990102001002", "I", 85, 6, 1, True),
    ("东湖云链供应链管理有限公司", MIXED, "990102001", "G", 140, 9, 0, True),
    ("青川湖畔餐饮管理有限公司", NON_PUBLIC, "990102001001", "H", 46, 2, 0, True),
    ("东湖小微快递服务站", ECON, "990102001001", "G", 12, 1, 0, True),
    ("湖滨社区养老服务中心", SOCIAL, "990102001002", "Q", 28, 1, 1, True),
    ("东湖律师事务所", SOCIAL, "990102001", "L", 22, 4, 0, True),
    ("东湖新材料股份有限公司", MIXED, "990102001", "C", 510, 38, 3, True),
    ("湖滨文创工作室", ECON, "990102001002", "R", 8, 0, 0, True),
    ("东湖会计师事务所", SOCIAL, "990102001", "L", 30, 3, 0, True),
    ("东湖旧货回收站", NON_PUBLIC, "990102001001", "O", 6, 0, 0, False),
    ("西山云仓物流有限公司", NON_PUBLIC, "990102002001", "G", 260, 12, 1, True),
    ("枫林数字营销有限公司", ECON, "990102002002", "I", 55, 2, 1, True),
    ("西山电子商务产业园运营公司", MIXED, "990102002", "L", 75, 5, 0, True),
    ("西山直播电商服务中心", ECON, "990102002001", "I", 40, 3, 0, True),
    ("枫林社会工作服务中心", SOCIAL, "990102002002", "Q", 18, 2, 0, True),
    ("西山青年创业协会", SOCIAL, "990102002", "S", 9, 1, 0, True),
    ("西山汽车维修有限公司", NON_PUBLIC, "990102002001", "O", 35, 0, 0, True),
    ("西山建材商行", NON_PUBLIC, "990102002002", "F", 14, 1, 0, True),
    ("南门老字号食品有限公司", NON_PUBLIC, "990102003001", "C", 120, 7, 0, True),
    ("南门物业服务有限公司", NON_PUBLIC, "990102003001", "K", 90, 4, 1, True),
    ("南门职业培训学校", SOCIAL, "990102003", "P", 26, 3, 0, True),
    ("南门心理咨询中心", SOCIAL, "990102003001", "Q", 11, 1, 0, True),
    ("南门网约车服务有限公司", ECON, "990102003", "G", 60, 2, 0, True),
    ("南门商贸有限公司", NON_PUBLIC, "990102003001", "F", 19, 0, 0, True),
    ("柳溪生态农业合作社", NON_PUBLIC, "990102101201", "A", 48, 5, 0, True),
    ("桃源民宿管理有限公司", NON_PUBLIC, "990102101202", "H", 23, 1, 0, True),
    ("柳溪新能源科技有限公司", MIXED, "990102101", "D", 180, 11, 1, True),
    ("柳溪茶叶专业合作社", NON_PUBLIC, "990102101201", "A", 32, 3, 0, True),
    ("桃源乡村旅游协会", SOCIAL, "990102101202", "R", 7, 0, 0, True),
    ("柳溪竹木制品厂", NON_PUBLIC, "990102101", "C", 64, 2, 0, True),
    ("柳溪家政服务有限公司", ECON, "990102101201", "O", 38, 1, 0, True),
    ("柳溪砖瓦厂", NON_PUBLIC, "990102101", "C", 20, 3, 0, False),
    ("青川区外卖配送服务站", ECON, "990102001", "G", 70, 1, 1, True),
)
BAISHI = (
    ("白石港航运有限公司", NON_PUBLIC, "990103001001", "G", 150, 8, 0, True),
    ("北湾海产品加工有限公司", NON_PUBLIC, "990103002001", "C", 210, 5, 1, True),
    ("白石社区志愿服务中心", SOCIAL, "990103001", "S", 12, 1, 0, True),
    ("北湾渔业合作社", NON_PUBLIC, "990103002", "A", 40, 3, 0, True),
    ("白石数字科技有限公司", ECON, "990103001001", "I", 66, 4, 0, True),
)

# (organization name, kind, joint, unit names, members, committee, founded)
PARTY_ORGS = (
    ("中共东湖精密制造有限公司委员会", P.COMMITTEE, False, ["东湖精密制造有限公司"], 20, True, date(2012, 6, 28)),
    ("中共东湖新材料股份有限公司总支部委员会", P.GENERAL_BRANCH, False, ["东湖新材料股份有限公司"], 41, True,
     date(2015, 7, 1)),
    ("中共东湖云链供应链管理有限公司支部委员会", P.BRANCH, False, ["东湖云链供应链管理有限公司"], 9, False,
     date(2021, 5, 20)),  # 9 members and no committee yet: a to-do on the list
    ("中共湖滨智能科技有限公司支部委员会", P.BRANCH, False, ["湖滨智能科技有限公司"], 7, True, date(2022, 3, 15)),
    ("中共东湖街道律师会计行业联合支部委员会", P.JOINT_BRANCH, True, ["东湖律师事务所", "东湖会计师事务所",
     "湖滨社区养老服务中心"], 8, True, date(2023, 9, 1)),
    ("中共西山云仓物流有限公司支部委员会", P.BRANCH, False, ["西山云仓物流有限公司"], 13, True, date(2019, 10, 8)),
    ("中共西山电商产业园联合支部委员会", P.JOINT_BRANCH, True, ["西山电子商务产业园运营公司", "西山直播电商服务中心",
     "枫林数字营销有限公司", "枫林社会工作服务中心"], 13, True, date(2024, 4, 12)),
    ("中共南门老字号食品有限公司支部委员会", P.BRANCH, False, ["南门老字号食品有限公司"], 7, False, date(2020, 11, 3)),
    ("中共柳溪新能源科技有限公司支部委员会", P.BRANCH, False, ["柳溪新能源科技有限公司"], 12, True, date(2018, 8, 16)),
)  # fmt: skip

# (name, phone, work unit, region code, units they are sent to)
INSTRUCTORS = (
    (
        "周建华",
        "13700001111",
        "东湖街道党工委",
        "990102001",
        ["青川湖畔餐饮管理有限公司", "青川区外卖配送服务站"],
    ),
    (
        "吴晓梅",
        "13700002222",
        "南门街道党工委",
        "990102003",
        ["南门物业服务有限公司", "南门网约车服务有限公司"],
    ),
    ("郑立新", "13700003333", "柳溪镇党委", "990102101", ["柳溪茶叶专业合作社"]),
    ("孙敏", "", "青川区委社会工作部", "990102", []),
)


def seed(demo, *, now, rng) -> list[str]:
    actor = demo.users["registrar"]
    units = {}
    for n, (name, kind, region, industry, employees, full, prob, operating) in enumerate(UNITS, start=1):
        data = services.UnitData(
            kind=kind, name=name, credit_code=credit_code(n, authority="52" if kind == SOCIAL else "91"),
            region=demo.regions[region], industry=Industry(industry), employees=employees, full_members=full,
            probationary_members=prob, operating=operating,
        )  # fmt: skip
        units[name] = services.unit_create(actor=actor, data=data)
    units["西山青年创业协会"].party_contact = "钱志远"
    units["西山青年创业协会"].save(update_fields=["party_contact"])
    for n, (name, kind, region, industry, employees, full, prob, operating) in enumerate(BAISHI, start=500):
        Organization.objects.create(
            kind=kind, name=name, credit_code=credit_code(n, region_code="990103"), region=demo.regions[region],
            industry=industry, employees=employees, full_members=full, probationary_members=prob,
            operating=operating,
        )  # fmt: skip
    for name, kind, joint, covered, members, committee, founded in PARTY_ORGS:
        services.party_org_create(
            actor=actor, name=name, kind=kind, joint=joint, units=[units[u] for u in covered],
            members=members, has_committee=committee, founded_on=founded,
        )  # fmt: skip
    for name, phone, work_unit, region, sent_to in INSTRUCTORS:
        instructor = services.instructor_create(
            actor=actor, name=name, phone=phone, work_unit=work_unit, region=demo.regions[region]
        )
        if sent_to:
            services.instructor_assign(actor=actor, instructor=instructor, units=[units[u] for u in sent_to])
    from minsheng.registry.twonew import coverage

    _rows, total = coverage.by_area(demo.regions["990102"])
    return [
        _(
            "两新组织：%(units)s个单位、%(orgs)s个党组织、%(instructors)s名党建指导员；"
            "青川区组织覆盖率%(org)s%%、工作覆盖率%(work)s%%，应建未建%(gaps)s个。"
        )
        % {
            "units": len(UNITS) + len(BAISHI),
            "orgs": len(PARTY_ORGS),
            "instructors": len(INSTRUCTORS),
            "org": total.org_rate,
            "work": total.work_rate,
            "gaps": total.counts["gaps"],
        },
        "  /registry/twonew/coverage/  (registrar)",
    ]
