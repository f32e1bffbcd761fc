"""Builders for the volunteer tests: skills, a team with a manager, activities, volunteers."""

from datetime import timedelta
from itertools import count

from minsheng.accounts.models import User
from minsheng.volunteers import availability
from minsheng.volunteers.ids import invented_id_number
from minsheng.volunteers.models import Activity, Shift, Skill, Team, TeamManager
from minsheng.volunteers.services import Registration, volunteer_register

_serial = count(1)


def skill(code: str, name: str, kind=Skill.Kind.SKILL) -> Skill:
    return Skill.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})[0]


def team(world, *, name="东湖志愿服务队", region=None, manager: User | None = None) -> Team:
    t = Team.objects.create(name=name, region=region or world.regions["county"])
    if manager is not None:
        TeamManager.objects.create(team=t, user=manager)
    return t


def manager_user(username="organizer") -> User:
    return User.objects.create_user(username=username, password="test-pass-2026", display_name=username)


def activity(
    world,
    team: Team,
    *,
    now,
    status=Activity.Status.PUBLISHED,
    capacity=2,
    risky=False,
    skills=(),
    qualifications=(),
    region=None,
    starts_in=timedelta(days=2),
    hours=3,
    title="敬老院探访",
) -> Activity:
    a = Activity.objects.create(
        team=team,
        title=title,
        place="东湖社区敬老院",
        region=region or world.regions["street"],
        is_risky=risky,
        status=status,
        published_at=now if status == Activity.Status.PUBLISHED else None,
    )
    a.required_skills.set(skills)
    a.required_qualifications.set(qualifications)
    Shift.objects.create(
        activity=a,
        starts_at=now + starts_in,
        ends_at=now + starts_in + timedelta(hours=hours),
        capacity=capacity,
    )
    return a


def volunteer(
    world,
    *,
    now,
    birth="19900101",
    region=None,
    skills=(),
    account=None,
    avail=availability.ALL,
    service_regions=(),
    **extra,
):
    n = next(_serial)
    reg = Registration(
        name=f"志愿者{n}",
        id_number=invented_id_number(birth=birth, serial=n),
        phone=f"139{n:08d}",
        region=region or world.regions["street"],
        skills=list(skills),
        availability=avail,
        service_regions=list(service_regions),
        **extra,
    )
    return volunteer_register(registration=reg, actor=account, now=now, account=account)
