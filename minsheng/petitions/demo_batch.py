"""A part of `manage.py demo_seed` (see DEMO_PARTS there): a batch forwarded by the district's 12345
hotline platform, registered the way `POST /api/v1/petitions/batch` registers one. Two callers report
the same broken water main (each case page lists the other as similar) and one item lacks its facts,
so it comes back refused with the reason while the others are registered."""

from minsheng.people.services import Identity
from minsheng.petitions.services import Intake, Receipt, Submission, petitions_submit_batch
from minsheng.petitions.workflow import Channel, Kind

WATER_MAIN = "青川区滨河路与建设路路口的自来水主管道破裂，路面积水已有三天，周边小区停水，出行困难。"
FORWARDED = (  # caller (invented), phone (invented), title, facts
    ("邵文清", "13900000201", "滨河路自来水管道破裂", WATER_MAIN),
    ("邝丽娟", "13900000202", "滨河路水管破裂停水", WATER_MAIN + "家中老人用水困难。"),
    ("聂永康", "13900000203", "菜市场占道经营", "东门菜市场商户长期占用人行道摆摊，行人只能走机动车道。"),
    ("骆春梅", "13900000204", "公交站台顶棚损坏", ""),  # the hotline sent no facts: refused
)


def seed(demo, *, now, rng) -> list[str]:
    bureau = demo.units["bureau"]
    street = f"{bureau.region.name}滨河路"
    submissions = [
        Submission(
            intake=Intake(
                channel=Channel.ONLINE,
                kind=Kind.REQUEST,
                title=title,
                request=f"请求尽快处理{title}的问题。",
                facts=facts,
                reasons="影响周边居民正常生活。",
                region=bureau.region,
                petitioner=Identity(name=name, phone=phone, address=f"{street}{rng.randint(1, 99)}号"),
            ),
            idempotency_key=f"12345-demo-{n:04d}",
            intake_unit=bureau,
        )
        for n, (name, phone, title, facts) in enumerate(FORWARDED, start=1)
    ]
    results = petitions_submit_batch(submissions=submissions, actor=demo.users["clerk"], now=now)
    numbers = [r.petition.number for r in results if isinstance(r, Receipt)]
    return [
        f"批量登记：12345热线转来{len(results)}件，登记{len(numbers)}件（{'、'.join(numbers)}），"
        f"退回{len(results) - len(numbers)}件（缺少事实）；接口 POST /api/v1/petitions/batch。"
    ]
