"""This domain's part of `manage.py demo_seed`: invented teams, brand projects, volunteers and activities.

Past shifts keep their confirmed sign-ups (the service records demo, which runs next, records
attendance for them); upcoming ones show free places, a waiting list and a risky activity that is
blocked until its insurance is recorded.
"""

from datetime import datetime, time, timedelta

from django.utils.translation import gettext as _

from minsheng.core.periods import CHINA
from minsheng.volunteers import availability
from minsheng.volunteers.ids import invented_id_number
from minsheng.volunteers.models import (
    Activity,
    BrandProject,
    ServiceArea,
    Shift,
    SignUp,
    Skill,
    Team,
    TeamManager,
)
from minsheng.volunteers.services import Registration, volunteer_register
from minsheng.volunteers.services.signups import signup_create

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢唐许韩冯邓曹彭"
GIVEN = (
    "晓燕",
    "志强",
    "丽华",
    "建国",
    "秀英",
    "海涛",
    "欣怡",
    "子涵",
    "文博",
    "雅琴",
    "浩然",
    "静怡",
    "国平",
    "春梅",
    "宇轩",
    "梦瑶",
    "德明",
    "慧敏",
    "俊杰",
    "婉婷",
    "立新",
    "思远",
    "桂兰",
    "嘉豪",
    "若曦",
    "明辉",
    "佳琪",
    "永红",
    "一鸣",
)
STREETS = ("990102001", "990102002", "990102003", "990102101")
COMMUNITIES = ("990102001001", "990102001002", "990102002001", "990102002002", "990102003001", "990102101201")


def _at(now: datetime, days: int, hour: int) -> datetime:
    day = now.astimezone(CHINA).date() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=CHINA)


def seed(demo, *, now, rng) -> list[str]:
    r, users = demo.regions, demo.users
    skills = {s.code: s for s in Skill.objects.all()}
    county = r["990102"]

    neighbours = Team.objects.create(
        name="东湖邻里守望志愿服务队",
        region=r["990102001"],
        credit_code="",
        contact_phone="0990-6100001",
        description="由东湖街道居民自发组建，长期开展助老、助学和社区环境整治服务。",
    )
    rescue = Team.objects.create(
        name="青川蓝天应急救援队",
        region=county,
        credit_code="52990102MJ0000001X",
        description="经区应急管理部门备案的社会应急力量，开展防汛、山地搜救和应急科普。",
    )
    green = Team.objects.create(
        name="柳溪绿水环保志愿队",
        region=r["990102101"],
        description="守护柳溪河，开展河道巡护、垃圾分类宣传和植树活动。",
    )
    if "organizer" in users:
        TeamManager.objects.create(team=neighbours, user=users["organizer"])

    projects = {
        "elderly": BrandProject.objects.create(
            team=neighbours,
            name="银龄暖心",
            area=ServiceArea.ELDERLY,
            region=r["990102001"],
            goals="为辖区独居、空巢老人每周上门探访一次，提供陪伴聊天、代购和安全检查。",
            results="已结对独居老人46户，累计探访1200余人次。",
            started_on=_at(now, -700, 9).date(),
        ),
        "children": BrandProject.objects.create(
            team=neighbours,
            name="四点半课堂",
            area=ServiceArea.CHILDREN,
            region=r["990102001001"],
            goals="为双职工家庭子女提供放学后的作业辅导和安全看护。",
            results="每学期服务学生约80名。",
            started_on=_at(now, -400, 9).date(),
        ),
        "emergency": BrandProject.objects.create(
            team=rescue,
            name="应急先锋",
            area=ServiceArea.EMERGENCY,
            region=county,
            goals="建立一支50人的常备应急队伍，每季度开展一次实战演练。",
            results="",
        ),
        "river": BrandProject.objects.create(
            team=green,
            name="河长助手",
            area=ServiceArea.ENVIRONMENT,
            region=r["990102101"],
            goals="协助河长每月巡河两次，发现问题及时上报。",
            results="累计上报河道问题37件，均已处理。",
        ),
    }

    # -- volunteers: the demo user "volunteer" first, then invented people
    volunteers = []
    weekend = availability.parse("周末全天")
    if "volunteer" in users:
        volunteers.append(
            volunteer_register(
                registration=Registration(
                    name="宋雨",
                    id_number=invented_id_number(birth="19960412", serial=21),
                    phone="13900990001",
                    region=r["990102001001"],
                    skills=[skills["first-aid"], skills["elderly-care"]],
                    languages=["普通话", "英语"],
                    availability=weekend | availability.parse("工作日晚上"),
                    service_regions=[r["990102001"]],
                ),
                actor=users["volunteer"],
                now=now - timedelta(days=300),
                account=users["volunteer"],
            )
        )
    skill_pool = [s for s in skills.values()]
    for i in range(29):
        birth = f"{rng.randint(1958, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        minor = i == 28
        if minor:
            birth = f"{now.year - 16}0301"
        reg = Registration(
            name=SURNAMES[i] + GIVEN[i],
            id_number=invented_id_number(birth=birth, serial=200 + i),
            phone=f"1390099{1000 + i:04d}",
            region=r[rng.choice(COMMUNITIES)],
            skills=rng.sample(skill_pool, rng.randint(0, 3)),
            languages=["普通话"] + (["粤语"] if i % 7 == 0 else []),
            availability=rng.choice(
                [
                    weekend,
                    availability.ALL,
                    availability.parse("工作日晚上"),
                    availability.parse("周六上午、周日下午"),
                ]
            ),
            service_regions=[r[rng.choice(STREETS)]],
            guardian_name="周建华" if minor else "",
            guardian_phone="13900998888" if minor else "",
            guardian_consent=minor,
        )
        volunteers.append(
            volunteer_register(
                registration=reg, actor=None, now=now - timedelta(days=10 * i + 5), source="import"
            )
        )
    neighbours.members.set(volunteers[:14])
    rescue.members.set(volunteers[10:20])
    green.members.set(volunteers[18:])

    def activity(
        team,
        title,
        place,
        region,
        *,
        status=Activity.Status.PUBLISHED,
        project=None,
        area="",
        risky=False,
        insured=False,
        needs=(),
        description="",
    ):
        a = Activity.objects.create(
            team=team,
            title=title,
            place=place,
            region=region,
            status=status,
            brand_project=project,
            area=area or (project.area if project else ""),
            is_risky=risky,
            description=description,
            published_at=now - timedelta(days=20) if status != Activity.Status.DRAFT else None,
            created_by=users.get("organizer"),
            insurance_policy_number="PDEMO2026-0001" if insured else "",
            insurance_insurer="某财产保险股份有限公司青川支公司" if insured else "",
            insurance_recorded_at=now - timedelta(days=21) if insured else None,
        )
        a.required_qualifications.set(
            [skills[c] for c in needs if skills[c].kind == Skill.Kind.QUALIFICATION]
        )
        a.required_skills.set([skills[c] for c in needs if skills[c].kind == Skill.Kind.SKILL])
        return a

    def shift(a, days, hour, hours, capacity):
        return Shift.objects.create(
            activity=a,
            starts_at=_at(now, days, hour),
            ends_at=_at(now, days, hour) + timedelta(hours=hours),
            capacity=capacity,
        )

    def past_signups(s, people):
        for v in people:
            SignUp.objects.create(
                shift=s,
                volunteer=v,
                status=SignUp.Status.CONFIRMED,
                created_at=s.starts_at - timedelta(days=5),
                confirmed_at=s.starts_at - timedelta(days=5),
            )

    # Past: visits and a river patrol that took place (attendance is recorded by the service demo).
    visits = activity(
        neighbours,
        "银龄暖心·重阳节上门探访",
        "东湖社区各居民楼",
        r["990102001001"],
        project=projects["elderly"],
        description="两人一组上门探访独居老人。",
    )
    s1 = shift(visits, -14, 9, 3, 10)
    s2 = shift(visits, -7, 14, 3, 10)
    past_signups(s1, volunteers[:8])
    past_signups(s2, volunteers[3:10])
    patrol = activity(
        green,
        "柳溪河巡河",
        "柳溪河桃源段",
        r["990102101201"],
        project=projects["river"],
        status=Activity.Status.CLOSED,
    )
    past_signups(shift(patrol, -10, 8, 4, 6), volunteers[18:24])

    # Upcoming: a shift with free places, a full one with a waiting list, and a second weekly visit.
    classroom = activity(
        neighbours,
        "四点半课堂·作业辅导",
        "东湖社区党群服务中心二楼",
        r["990102001001"],
        project=projects["children"],
        needs=("tutoring",),
    )
    tutors = [v for v in volunteers if skills["tutoring"] in v.skills.all()]
    shift_open = shift(classroom, 2, 16, 2, 6)
    for v in tutors[:2]:
        signup_create(shift=shift_open, volunteer=v, actor=None, now=now)
    cleanup = activity(
        neighbours, "湖滨社区环境整治", "湖滨社区中心广场", r["990102001002"], area=ServiceArea.GOVERNANCE
    )
    full = shift(cleanup, 3, 9, 3, 3)
    waiting = 0
    for v in volunteers[10:15]:
        waiting += (
            signup_create(shift=full, volunteer=v, actor=None, now=now).status == SignUp.Status.WAITLISTED
        )
    upcoming_visit = shift(visits, 5, 9, 3, 10)
    if volunteers and volunteers[0].account_id:
        signup_create(shift=upcoming_visit, volunteer=volunteers[0], actor=users["volunteer"], now=now)

    # A risky activity: published, insurance not yet recorded → sign-up blocked.
    drill = activity(
        rescue,
        "山地搜救演练",
        "青川区西山森林公园",
        r["990102002"],
        project=projects["emergency"],
        risky=True,
        needs=("first-aid",),
        description="模拟山地走失人员搜救，须持急救证。",
    )
    shift(drill, 9, 8, 6, 20)
    flood = activity(
        rescue,
        "防汛物资转运",
        "青川区应急物资储备库",
        county,
        project=projects["emergency"],
        risky=True,
        insured=True,
    )
    shift(flood, 4, 8, 4, 12)
    draft = activity(
        green,
        "植树节义务植树",
        "柳溪镇桃源村后山",
        r["990102101202"],
        status=Activity.Status.DRAFT,
        area=ServiceArea.ENVIRONMENT,
    )
    shift(draft, 12, 8, 4, 30)

    return [
        _("志愿服务：%(teams)s支服务队、%(projects)s个品牌项目、%(volunteers)s名志愿者、%(activities)s项活动")
        % {
            "teams": Team.objects.count(),
            "projects": BrandProject.objects.count(),
            "volunteers": len(volunteers),
            "activities": Activity.objects.count(),
        },
        _("  organizer 管理“%(team)s”；volunteer 为志愿者宋雨；“%(full)s”候补%(n)s人")
        % {"team": neighbours.name, "full": cleanup.title, "n": waiting},
        _("  “%(risky)s”未登记保险，暂不能报名") % {"risky": drill.title},
    ]
