"""A part of `manage.py demo_seed` (see DEMO_PARTS there) for the retention purge: a few petitions
closed twelve years ago, past their ten-year retention, so that `manage.py purge_personal_data
--dry-run` has something to show (the petitioners are invented, like all demo people)."""

from datetime import timedelta

from minsheng.people.services import Identity
from minsheng.petitions.models import Petition
from minsheng.petitions.services import Intake, petition_submit
from minsheng.petitions.workflow import Channel, Kind, S

OLD_CASES = (  # name, invented phone, title
    ("柏青松", "13900000101", "老街排水沟长期堵塞"),
    ("甘秀兰", "13900000102", "小区路灯损坏无人维修"),
    ("褚明远", "13900000103", "拆迁补偿款迟迟未发放"),
)


def seed(demo, *, now, rng) -> list[str]:
    clerk = demo.users["clerk"]
    region = demo.units["bureau"].region
    category = next(iter(demo.categories.values()), None)
    received = now - timedelta(days=365 * 12)
    for name, phone, title in OLD_CASES:
        intake = Intake(
            channel=Channel.LETTER,
            kind=Kind.REQUEST,
            title=title,
            request=f"请求解决{title}的问题。",
            facts=f"{title}，多次反映未果。",
            reasons="影响日常生活。",
            region=region,
            category=category,
            petitioner=Identity(name=name, phone=phone, address=f"{region.name}老街{rng.randint(1, 99)}号"),
        )
        petition = petition_submit(intake=intake, actor=clerk, now=received).petition
        # Closed within the statutory 60 days, twelve years ago: past the ten years of the 信访档案.
        closed = received + timedelta(days=60)
        Petition.objects.filter(pk=petition.pk).update(status=S.CLOSED, closed_at=closed)
    return [
        f"保管期限：{len(OLD_CASES)}件12年前办结的信访件已超过10年保管期限；"
        "python manage.py purge_personal_data --dry-run 查看将清除的个人信息。"
    ]
