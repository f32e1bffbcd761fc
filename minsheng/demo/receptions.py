"""The demo's 领导接访下访: a day already held (its case registered), and two days open for booking."""

from datetime import datetime, time, timedelta

from django.utils.translation import gettext as _

from minsheng.core.periods import CHINA
from minsheng.demo import invent
from minsheng.petitions.models import Reception, ReceptionBooking
from minsheng.petitions.services import receptions as service

# (days from today, hour, kind, leader, title, region code, place, topics)
DAYS = (
    (-6, 9, "office", "罗志远", "青川区区长", "990102", "青川区群众来访接待中心", "城乡建设、劳动保障"),
    (4, 9, "office", "钱爱民", "青川区委副书记", "990102", "青川区群众来访接待中心", "住房保障、物业管理"),
    (9, 14, "down", "罗志远", "青川区区长", "990102101", "柳溪镇便民服务中心二楼", "农村道路、土地承包"),
)


def _at(now: datetime, days: int, hour: int) -> datetime:
    day = now.astimezone(CHINA).date() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=CHINA)


def seed(demo, *, now, rng) -> list[str]:
    clerk, citizen, bureau = demo.users["clerk"], demo.users["citizen"], demo.units["bureau"]
    made = []
    for days, hour, kind, leader, title, region, place, topics in DAYS:
        starts = _at(now, days, hour)
        # A past day is created as it was then: scheduled before it happened.
        then = min(now, starts - timedelta(days=7))
        plan = service.ReceptionPlan(
            kind=kind,
            leader_name=leader,
            leader_title=title,
            region=demo.regions[region],
            place=place,
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            capacity=8,
            topics=topics,
        )
        made.append(service.reception_schedule(unit=bureau, plan=plan, actor=clerk, now=then, publish=True))
    held, upcoming = made[0], made[1]
    for reception, matter in (
        (held, "湖滨社区3号楼电梯停用三个月，物业推说没有维修资金，老人上下楼十分困难。"),
        (upcoming, "柳溪村通村道路塌方一段，雨天车辆无法通行。"),
    ):
        identity = invent.identity(rng, street="东湖街道", place="湖滨路", area="990102")
        booking = service.reception_book(
            reception_id=reception.pk, account=citizen, identity=identity, matter=matter,
            now=min(now, reception.starts_at - timedelta(days=1)),
        )  # fmt: skip
        if reception is held:
            service.booking_receive(
                booking=booking, actor=clerk, now=reception.starts_at + timedelta(minutes=40),
                title="老旧小区电梯长期停用", request="请督促物业尽快修复电梯，明确维修资金来源。",
                facts=matter, reasons="小区老年住户多，电梯停用严重影响出行。",
            )  # fmt: skip
    received = ReceptionBooking.objects.filter(status=ReceptionBooking.Status.RECEIVED).count()
    return [
        _("领导接访下访：%(n)s个接访日（%(open)s个开放预约），接访受理的信访件%(received)s件。")
        % {
            "n": len(made),
            "open": Reception.objects.filter(starts_at__gt=now, published=True).count(),
            "received": received,
        },
        "  /portal/receptions/  /staff/receptions/",
    ]
