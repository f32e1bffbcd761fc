"""Builders shared by the tests (and the benchmarks): a small jurisdiction and valid petitions.

Not imported by the application.
"""

from dataclasses import dataclass, field

from minsheng.accounts.models import User
from minsheng.accounts.roles import Role
from minsheng.orgs.models import Membership, Region, Unit
from minsheng.people.services import Identity
from minsheng.petitions.models import Category
from minsheng.petitions.services import Intake, petition_submit
from minsheng.petitions.workflow import Channel, Kind

PASSWORD = "test-pass-2026"


def password_login(client, username: str, password: str = PASSWORD) -> bool:
    """Log in with a password through every authentication backend, as the login form does.

    django-axes refuses to authenticate without a request, so the test client is given one.
    """
    from django.http import HttpRequest

    return client.login(request=HttpRequest(), username=username, password=password)


# Valid check digits (GB 11643).
ID_NUMBERS = ("110101199003074477", "110101198507120014", "44030519991231002X")


@dataclass
class World:
    regions: dict[str, Region] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)


def build_world() -> World:
    w = World()
    province = Region.objects.create(code="990000", name="江南省", level=Region.Level.PROVINCE)
    city = Region.objects.create(code="990100", name="云州市", level=Region.Level.CITY, parent=province)
    county = Region.objects.create(code="990102", name="青川区", level=Region.Level.COUNTY, parent=city)
    other = Region.objects.create(code="990103", name="白石区", level=Region.Level.COUNTY, parent=city)
    street = Region.objects.create(
        code="990102001", name="东湖街道", level=Region.Level.STREET, parent=county
    )
    w.regions.update(province=province, city=city, county=county, other_county=other, street=street)

    def unit(key, name, kind, region):
        w.units[key] = Unit.objects.create(name=name, kind=kind, region=region)

    K = Unit.Kind
    unit("province_bureau", "江南省信访局", K.PETITION_BUREAU, province)
    unit("city_bureau", "云州市信访局", K.PETITION_BUREAU, city)
    unit("bureau", "青川区信访局", K.PETITION_BUREAU, county)
    unit("other_bureau", "白石区信访局", K.PETITION_BUREAU, other)
    unit("housing", "青川区住房和城乡建设局", K.DEPARTMENT, county)
    unit("labour", "青川区人力资源和社会保障局", K.DEPARTMENT, county)
    unit("street_office", "东湖街道办事处", K.STREET_OFFICE, street)
    unit("politics_law", "青川区委政法委", K.POLITICS_LAW, county)
    unit("discipline", "青川区纪委监委", K.DISCIPLINE, county)
    unit("social_work", "中共青川区委社会工作部", K.SOCIAL_WORK, county)
    unit("other_social_work", "中共白石区委社会工作部", K.SOCIAL_WORK, other)
    unit("hotline_centre", "青川区接诉即办中心", K.HOTLINE_CENTRE, county)
    unit("government", "青川区人民政府", K.GOVERNMENT, county)

    def user(key, unit_key=None, *roles, **extra):
        u = User.objects.create_user(username=key, password=PASSWORD, display_name=key, **extra)
        for role in roles:
            Membership.objects.create(user=u, unit=w.units[unit_key], role=role)
        w.users[key] = u

    user("clerk", "bureau", Role.CLERK)
    user("handler", "housing", Role.HANDLER)
    user("head", "housing", Role.HEAD, Role.HANDLER)
    user("outsider", "labour", Role.HANDLER, Role.HEAD)
    user("leader", "bureau", Role.LEADER)
    user("other_clerk", "other_bureau", Role.CLERK)
    user("city_clerk", "city_bureau", Role.CLERK, Role.HEAD)
    user("province_clerk", "province_bureau", Role.CLERK, Role.HEAD)
    user("discipline_handler", "discipline", Role.HANDLER, Role.HEAD)
    user("citizen", is_citizen=True)
    user("registrar", "social_work", Role.REGISTRAR)
    user("social_work_leader", "social_work", Role.LEADER)
    user("other_registrar", "other_social_work", Role.REGISTRAR)
    user("suggestion_clerk", "social_work", Role.CLERK)
    user("operator", "hotline_centre", Role.OPERATOR)
    user("dispatcher", "hotline_centre", Role.OPERATOR, Role.HEAD)
    user("street_handler", "street_office", Role.HANDLER, Role.HEAD)
    user("district_officer", "government", Role.LEADER)

    w.categories["housing"] = Category.objects.create(code="03", name="城乡建设")
    w.categories["labour"] = Category.objects.create(code="05", name="劳动和社会保障")
    return w


def valid_intake(world: World, **overrides) -> Intake:
    values = dict(
        channel=Channel.ONLINE,
        kind=Kind.REQUEST,
        title="小区楼道照明长期损坏",
        request="请求尽快修复楼道照明。",
        facts="东湖街道某小区3号楼楼道灯自去年12月起损坏，多次报修无果。",
        reasons="老人夜间出行存在安全隐患。",
        region=world.regions["street"],
        petitioner=Identity(
            name="王小明", id_number=ID_NUMBERS[0], phone="13812341234", address="东湖街道某小区3号楼"
        ),
        category=world.categories["housing"],
    )
    values.update(overrides)
    return Intake(**values)


def file_petition(
    world: World, *, actor, now, idempotency_key=None, account=None, attachments=(), **overrides
):
    """Register a valid petition; keyword overrides change the intake's fields."""
    return petition_submit(
        intake=valid_intake(world, **overrides),
        actor=actor,
        now=now,
        account=account,
        idempotency_key=idempotency_key,
        attachments=attachments,
    ).petition
