"""The records the access matrix calls its URLs with, and the seven personas who call them.

Everything is made through the apps' own services (or, where a service needs a long story first, the
smallest valid rows), in the small world of ``minsheng.testing``. The rule for every record: it belongs
to 青川区 (the county of the world), is in the hands of the housing bureau where a unit handles it, and
belongs to *someone else* than the citizen persona, so a citizen reaching it would be a hole.
"""

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from minsheng.accounts.models import User
from minsheng.accounts.roles import Role
from minsheng.orgs.models import Membership
from minsheng.people.services import Identity
from minsheng.testing import PASSWORD, World, build_world, file_petition

# The seven personas, in the order the table's answer strings use.
PERSONAS = ("anonymous", "citizen", "clerk", "other_handler", "accused_handler", "other_leader", "admin")


@dataclass
class Objects:
    """The world, the personas (None for anonymous) and every record a URL may name."""

    world: World
    personas: dict[str, User | None] = field(default_factory=dict)
    rows: dict[str, object] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["rows"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_objects() -> Objects:
    """The world, its personas and one record of each kind (see the module docstring)."""
    world = build_world()
    o = Objects(world=world)
    o.personas = _personas(world)
    now = timezone.now()
    _petitions(o, now)
    _suggestions(o, now)
    _hotline(o, now)
    _whistles(o, now)
    _registry(o, now)
    _volunteers(o, now)
    _talent(o, now)
    _insight_and_exports(o, now)
    return o


def _personas(world: World) -> dict[str, User | None]:
    other_leader = User.objects.create_user(
        username="other_leader", password=PASSWORD, display_name="白石区领导"
    )
    # A leader of 白石区: its petition bureau and its social work department (the registries' side).
    for unit in ("other_bureau", "other_social_work"):
        Membership.objects.create(user=other_leader, unit=world.units[unit], role=Role.LEADER)
    admin = User.objects.create_superuser(username="matrix_admin", password=PASSWORD, display_name="管理员")
    return {
        "anonymous": None,
        "citizen": world.users["citizen"],
        "clerk": world.users["clerk"],
        "other_handler": world.users["outsider"],
        "accused_handler": world.users["handler"],
        "other_leader": other_leader,
        "admin": admin,
    }


def _petitions(o: Objects, now) -> None:
    from minsheng.petitions import services
    from minsheng.petitions.services import receptions
    from minsheng.petitions.workflow import Kind

    w, clerk = o.world, o.world.users["clerk"]
    photo = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff" + b"x" * 50, content_type="image/jpeg")
    # A matter against the housing bureau, assigned to it: its handler handles it but is the accused unit.
    p = file_petition(w, actor=clerk, now=now, accused_unit=w.units["housing"], attachments=(photo,))
    o.codes["petition"] = services.query_code_of(p)
    p = services.petition_assign(petition=p, actor=clerk, now=now, unit=w.units["housing"])
    o.rows["petition"] = p
    o.rows["attachment"] = p.attachments.get()
    # A 检举控告 against the housing bureau, in the discipline commission's hands: hidden from housing.
    report = file_petition(
        w,
        actor=clerk,
        now=now,
        kind=Kind.REPORT,
        accused_unit=w.units["housing"],
        anonymous=True,
        petitioner=None,
    )
    o.rows["report"] = services.petition_assign(
        petition=report, actor=clerk, now=now, unit=w.units["discipline"]
    )
    start = now + timedelta(days=3)
    plan = receptions.ReceptionPlan(
        kind="office",
        leader_name="王海",
        leader_title="区委副书记",
        region=w.regions["county"],
        place="青川区群众来访接待中心",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=5,
        topics="住房保障、物业管理",
    )
    reception = receptions.reception_schedule(
        unit=w.units["bureau"], plan=plan, actor=clerk, now=now, publish=True
    )
    o.rows["reception"] = reception
    booker = User.objects.create_user(
        username="booker", password=PASSWORD, display_name="booker", is_citizen=True
    )
    o.rows["booking"] = receptions.reception_book(
        reception_id=reception.pk,
        account=booker,
        identity=Identity(
            name="刘小梅", id_number="110101199003074477", phone="13800138000", address="湖滨路1号"
        ),
        matter="小区电梯停用三个月无人维修。",
        now=now,
    )


def _suggestions(o: Objects, now) -> None:
    from minsheng.suggestions import services
    from minsheng.suggestions.services import SuggestionInput, TopicInput

    w, clerk = o.world, o.world.users["suggestion_clerk"]
    today = timezone.localdate()
    doc = SimpleUploadedFile("说明.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    topic = services.topic_create(
        office=w.units["social_work"],
        data=TopicInput(
            "老旧小区加装电梯征集意见",
            "请就费用分摊提出建议。",
            today - timedelta(days=5),
            today + timedelta(days=30),
        ),
        actor=clerk,
        attachments=(doc,),
    )
    topic = o.rows["topic"] = services.topic_publish(topic=topic, actor=clerk, now=now)
    o.rows["topic_attachment"] = topic.attachments.get()
    o.rows["comment"] = services.comment_submit(topic=topic, nickname="街坊", body="支持加装电梯。", now=now)
    receipt = services.suggestion_submit(
        data=SuggestionInput(
            title="加装电梯费用按楼层分摊",
            reason="老旧小区没有电梯，老人上下楼困难。",
            proposal="建议制定按楼层递增的费用分摊指导标准。",
            name="李建华",
            phone="13912345678",
            topic=topic,
        ),
        actor=None,
        now=now,
    )
    o.codes["suggestion"] = receipt.query_code
    # Under study by the housing bureau: its handler studies it, other units must not see it.
    o.rows["suggestion"] = services.suggestion_assign(
        suggestion=receipt.suggestion, actor=clerk, now=now, unit=w.units["housing"]
    )


def _hotline(o: Objects, now) -> None:
    from minsheng.hotline.models import Category, DispatchRule
    from minsheng.hotline.services import OrderIntake, order_receive

    w = o.world
    lights = Category.objects.create(code="0101", name="路灯照明")
    DispatchRule.objects.create(category=lights, region=w.regions["county"], unit=w.units["housing"])
    o.rows["hotline_category"] = lights
    intake = OrderIntake(
        kind="complaint",
        title="小区门口路灯不亮",
        content="幸福路小区门口路灯已坏一周。",
        urgency="ordinary",
        category=lights,
        region=w.regions["county"],
        address="幸福路12号",
        requester=Identity(name="张三", phone="13800001111"),
    )
    o.rows["order"] = order_receive(
        intake=intake, actor=w.users["operator"], now=now, action="dispatch", unit=None
    )


def _whistles(o: Objects, now) -> None:
    from minsheng.whistles import services
    from minsheng.whistles.models import Whistle

    w = o.world
    plan = services.WhistlePlan(
        kind=Whistle.Kind.EMERGENCY,
        title="湖滨路燃气管道泄漏",
        description="居民闻到燃气味。",
        region=w.regions["street"],
        place="湖滨路12号",
        departments=(w.units["housing"],),
        lead=w.units["housing"],
    )
    whistle = services.whistle_raise(
        street=w.units["street_office"], plan=plan, actor=w.users["street_handler"], now=now
    )
    o.rows["whistle"] = whistle
    o.rows["call"] = whistle.calls.get()


def _registry(o: Objects, now) -> None:
    from minsheng.registry.associations.services.reports import Filing, annual_report_submit
    from minsheng.registry.associations.tests.factories import make_association
    from minsheng.registry.newemployment import services as ne
    from minsheng.registry.twonew.models import Industry, Organization
    from minsheng.registry.twonew.services.party import party_org_create
    from minsheng.registry.twonew.synthetic import credit_code

    w, registrar = o.world, o.world.users["registrar"]
    association = make_association(w, registrar, now)
    o.rows["association"] = association
    o.rows["annual_report"] = annual_report_submit(
        association=association,
        actor=registrar,
        year=now.year - 1,
        filing=Filing(submitted_on=now.date()),
        now=now,
    )
    org = Organization.objects.create(
        region=w.regions["street"],
        name="青川区测试科技有限公司",
        credit_code=credit_code(1),
        kind=Organization.Kind.NON_PUBLIC,
        industry=Industry.C,
        employees=100,
    )
    o.rows["organization"] = org
    o.rows["party"] = party_org_create(
        actor=registrar,
        name="青川区测试科技有限公司党支部",
        kind="branch",
        joint=False,
        units=[org],
        members=5,
        has_committee=False,
        founded_on=date(2025, 7, 1),
    )
    platform = ne.platform_save(
        actor=registrar, values={"name": "云州速达外卖", "kind": "delivery", "region": w.regions["county"]}
    )
    o.rows["platform"] = platform
    o.rows["site"] = ne.site_save(
        actor=registrar,
        values={"platform": platform, "name": "东湖站", "region": w.regions["street"], "worker_count": 40},
    )
    o.rows["station"] = ne.station_save(
        actor=registrar,
        values={
            "name": "东湖暖新驿站",
            "region": w.regions["street"],
            "address": "东湖路1号",
            "open_days": "1234567",
            "opens_at": time(8, 0),
            "closes_at": time(20, 0),
            "has_water": True,
            "has_charging": True,
            "is_public": True,
        },
    )
    o.rows["care_activity"] = ne.activity_save(
        actor=registrar, values={"title": "夏日送清凉", "held_on": now.date(), "region": w.regions["street"]}
    )


def _volunteers(o: Objects, now) -> None:
    from minsheng.volunteers.models import Activity, BrandProject, ServiceArea, Shift, SignUp
    from minsheng.volunteers.service import services
    from minsheng.volunteers.service.services.certificates import Issuer
    from minsheng.volunteers.service.tokens import checkin_token
    from minsheng.volunteers.tests import factories as f

    w = o.world
    organizer = f.manager_user("organizer")
    team = f.team(w, manager=organizer)
    o.rows["team"] = team
    o.rows["project"] = BrandProject.objects.create(
        team=team, name="银龄陪伴", area=ServiceArea.ELDERLY, region=w.regions["county"]
    )
    activity = Activity.objects.create(
        team=team,
        title="敬老院探访",
        place="东湖社区敬老院",
        region=w.regions["street"],
        area=ServiceArea.ELDERLY,
        status=Activity.Status.PUBLISHED,
        published_at=now - timedelta(days=5),
    )
    o.rows["activity"] = activity
    past = Shift.objects.create(
        activity=activity,
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(days=2) + timedelta(hours=3),
        capacity=10,
    )
    o.rows["shift"] = Shift.objects.create(
        activity=activity,
        starts_at=now + timedelta(days=2),
        ends_at=now + timedelta(days=2, hours=3),
        capacity=10,
    )
    account = User.objects.create_user(username="vol", password=PASSWORD, display_name="vol", is_citizen=True)
    volunteer = f.volunteer(w, now=now - timedelta(days=30), account=account)
    o.rows["volunteer"] = volunteer
    o.rows["signup"] = SignUp.objects.create(
        shift=o.rows["shift"],
        volunteer=volunteer,
        status=SignUp.Status.CONFIRMED,
        created_at=now - timedelta(days=1),
    )
    SignUp.objects.create(
        shift=past, volunteer=volunteer, status=SignUp.Status.CONFIRMED, created_at=now - timedelta(days=4)
    )
    record = services.record_enter(
        shift=past,
        volunteer=volunteer,
        check_in_at=past.starts_at,
        check_out_at=past.ends_at,
        actor=organizer,
        now=now,
    )
    services.records_approve(records=[record], actor=organizer, now=now)
    o.rows["record"] = record
    o.rows["past_shift"] = past
    o.rows["certificate"] = services.certificate_issue(
        volunteer=volunteer, issuer=Issuer(team=team), actor=organizer, now=now
    )
    o.codes["checkin"] = checkin_token(o.rows["shift"].pk)


def _talent(o: Objects, now) -> None:
    from minsheng.talent import services
    from minsheng.talent.models import Field, Level

    w, registrar = o.world, o.world.users["registrar"]
    worker = services.worker_create(
        identity=Identity(name="测试工", id_number="110101199003074477", phone="13800001234"),
        data=services.WorkerData(
            region=w.regions["street"], employer="青川区阳光社会工作服务中心", field=Field.COMMUNITY
        ),
        actor=registrar,
    )
    today = now.date()
    cert = services.certificate_add(
        worker=worker,
        level=Level.INTERMEDIATE,
        number="ZS000001",
        passed_on=date(2022, 6, 1),
        actor=registrar,
        today=today,
    )
    o.rows["registration"] = services.registration_register(
        certificate=cert, registered_on=date(2023, 3, 1), actor=registrar, today=today, late_reason="补办"
    )
    o.rows["ce"] = services.ce_add(
        worker=worker,
        actor=registrar,
        today=today,
        kind="training",
        title="培训",
        on=date(2023, 4, 1),
        hours=Decimal(8),
    )
    o.rows["worker"] = worker


def _insight_and_exports(o: Objects, now) -> None:
    from django.core.files.base import ContentFile

    from minsheng.core import exports
    from minsheng.insight.models import Report

    # A monthly briefing generated for the county petition bureau.
    month = now.date().replace(day=1)
    report = Report(
        kind="monthly", period_start=month, period_end=month, unit=o.world.units["bureau"], created_at=now
    )
    report.pdf.save("briefing.pdf", ContentFile(b"%PDF-1.4 matrix"), save=False)
    report.xlsx.save("briefing.xlsx", ContentFile(b"PK matrix"), save=False)
    report.save()
    o.rows["insight_report"] = report
    # The clerk's big export, written (Celery runs eagerly without a broker): only the clerk may fetch it.
    spec = exports.get_list("petitions.queue")
    o.codes["export_job"] = exports.start_job(
        user=o.world.users["clerk"], spec=spec, fmt="csv", params={}, total=2
    )["token"]


def private_markers(o: Objects) -> dict[str, tuple[str, ...]]:
    """Text of 青川区's records that a persona must never read on a page that is not public.

    The other unit's handler (and a citizen on a staff page) must not meet a case, suggestion, order
    or whistle number or title; the leader of another county also nothing of 青川区's registries. (A published
    activity and its team are public: the check-in page a volunteer scans names them to anyone.)
    """
    cases = (o.petition.number, o.report.number, o.suggestion.number, o.order.number, o.whistle.number)
    cases += (o.petition.title, o.suggestion.title, o.order.title, o.whistle.title)
    registries = (
        o.organization.name,
        o.platform.name,
        o.station.name,
        o.association.name,
        o.care_activity.title,
        o.worker.employer,
    )
    return {"citizen": cases, "other_handler": cases, "other_leader": cases + registries}
