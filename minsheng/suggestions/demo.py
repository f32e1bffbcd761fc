"""This domain's part of `manage.py demo_seed`: two topics (one open, one closed) with comments and
about 25 suggestions in every state, made through the real services (audit, deadlines, index).
All texts are invented."""

import itertools
from datetime import timedelta

from django.utils.translation import gettext as _

from minsheng.core.periods import CHINA
from minsheng.suggestions import services
from minsheng.suggestions.services import SuggestionInput, TopicInput

ELEVATOR = (
    (
        "加装电梯费用按楼层分摊",
        "幸福里小区6层老楼没有电梯，老人上下楼困难，各楼层住户对费用分摊争议很大。",
        "建议出台按楼层递增的费用分摊指导比例，由街道和社区组织住户协商。",
    ),
    (
        "加装电梯费用分摊应有统一标准",
        "东湖社区多栋老楼想加装电梯，但住户对费用分摊比例争议大，迟迟谈不拢。",
        "建议区里出台按楼层递增的费用分摊指导标准，由社区组织住户协商并公示。",
    ),
    (
        "老楼加装电梯费用分摊请给个指导比例",
        "我们小区加装电梯讨论了两年，住户对费用分摊比例一直争议很大。",
        "建议出台按楼层递增的费用分摊指导比例，社区组织协商，街道给予指导。",
    ),
    (
        "加装电梯费用分摊指导标准",
        "幸福里小区老楼没有电梯，住户对费用分摊争议很大，老人上下楼困难。",
        "建议出台按楼层递增的费用分摊指导比例，由街道组织住户协商。",
    ),
    (
        "简化加装电梯审批手续",
        "加装电梯需要规划、消防、特种设备等多个部门审批，材料重复，周期太长。",
        "建议设立加装电梯一站式受理窗口，实行并联审批，审批时限压缩到20个工作日内。",
    ),
    (
        "加装电梯施工期间的出行安排",
        "施工期间楼道封闭，行动不便的老人无法出门就医。",
        "建议施工前由社区登记困难老人，安排志愿者和临时轮椅通道。",
    ),
    (
        "低层住户补偿办法",
        "一楼住户担心加装电梯影响采光和通风，反对意见较多。",
        "建议明确对低层住户的补偿办法，并在设计阶段征求低层住户意见。",
    ),
    (
        "电梯后期维保费用由谁承担",
        "很多小区装了电梯以后，维保费用没人管，电梯停用。",
        "建议在加装前签订维保协议，维保费用由使用电梯的住户按楼层分担并设立专户。",
    ),
    (
        "公积金提取用于加装电梯",
        "部分老年住户一次性出资困难。",
        "建议允许提取住房公积金用于支付加装电梯的个人分摊部分。",
    ),
    (
        "加装电梯纳入老旧小区改造计划",
        "老旧小区改造只改外立面和管网，没有统筹考虑电梯。",
        "建议将具备条件的楼栋加装电梯纳入年度老旧小区改造计划，统一设计施工。",
    ),
)
LIFE_CIRCLE = (
    (
        "社区食堂覆盖更多老人",
        "西山街道只有一处社区食堂，很多独居老人吃饭不方便。",
        "建议在每个社区设立老年助餐点，与周边餐饮企业合作配送。",
    ),
    (
        "增设社区老年助餐点",
        "西山街道社区食堂太少，独居老人吃饭难。",
        "建议每个社区设立老年助餐点，引入周边餐饮企业配送。",
    ),
    (
        "菜市场早晚开放时间延长",
        "上班族下班后菜市场已经关门，买菜不方便。",
        "建议南门菜市场延长营业到晚上八点，并设置自助取菜柜。",
    ),
    (
        "口袋公园增加儿童游乐设施",
        "东湖社区口袋公园只有健身器材，孩子没有游玩的地方。",
        "建议在口袋公园增设适合3至10岁儿童的游乐设施和沙池。",
    ),
    (
        "便民维修服务点",
        "修鞋、配钥匙、修家电的小摊越来越少。",
        "建议在社区服务中心引入便民维修服务点，减免租金。",
    ),
    (
        "公交接驳社区卫生服务中心",
        "柳溪镇老人去卫生院看病要走二十分钟。",
        "建议开通社区微循环公交，串联居住区、卫生院和菜市场。",
    ),
    (
        "社区图书室晚间开放",
        "社区图书室只在工作日白天开放，上班族用不上。",
        "建议社区图书室晚上和周末开放，由志愿者值守。",
    ),
)
FREE = (
    (
        "学校周边上下学时段交通疏导",
        "东湖小学门口早晚高峰拥堵严重，孩子过马路不安全。",
        "建议上下学时段设置临时禁停区，增派交通协管员和家长志愿者。",
    ),
    (
        "河道沿线增设夜间照明",
        "柳溪河步道晚上没有路灯，散步的居民很多，存在安全隐患。",
        "建议在柳溪河步道增设太阳能路灯。",
    ),
    (
        "垃圾分类投放点加装洗手池",
        "垃圾分类投放后手脏，附近没有洗手的地方。",
        "建议在垃圾分类投放点加装洗手池和除臭设施。",
    ),
    (
        "共享单车停放区规划",
        "地铁口共享单车乱停放，占用盲道。",
        "建议在地铁口划定共享单车停放区，并设置电子围栏。",
    ),
    ("政务服务中心周末办理", "上班族工作日没时间办事。", "建议政务服务中心周六上午开放常用事项办理。"),
)
COMMENTS_A = (
    ("幸福里老住户", "支持加装电梯，家里老人已经三年没下过楼了。", True),
    ("东湖居民", "希望能公布费用分摊的参考案例。", True),
    ("一楼住户", "请考虑低层住户的采光问题。", True),
    ("网友", "施工时间能不能避开中高考？", True),
    ("路过", "电梯装好以后维保怎么办，要提前说清楚。", None),
    ("网友", "点击领取优惠券 www.example.com", None),
)
COMMENTS_B = (
    ("西山居民", "社区食堂非常需要，价格要实惠。", True),
    ("上班族", "菜市场晚上开门的话下班就能买菜了。", True),
    ("网友", "口袋公园加点树荫也好。", True),
    ("网友", "与本活动无关的广告", False),
)


def seed(demo, *, now, rng) -> list[str]:
    users, units = demo.users, demo.units
    clerk = users["jianyi"]
    office = units["social_work"]
    today = now.astimezone(CHINA).date()
    topic_a = services.topic_create(
        office=office,
        actor=clerk,
        data=TopicInput(
            "青川区老旧小区加装电梯征集意见",
            "为推进老旧小区加装电梯工作，现就费用分摊、审批流程、施工组织和后期维保等问题向社会征集意见建议。"
            "欢迎居民、物业企业和专业人士积极建言。",
            today - timedelta(days=20),
            today + timedelta(days=25),
        ),
    )
    topic_a = services.topic_publish(topic=topic_a, actor=clerk, now=now - timedelta(days=20))
    topic_b = services.topic_create(
        office=office,
        actor=clerk,
        data=TopicInput(
            "15分钟便民生活圈建议",
            "围绕“一刻钟”步行范围内的买菜、就餐、就医、养老、托育和休闲，征集完善便民生活圈的建议。",
            today - timedelta(days=120),
            today - timedelta(days=30),
        ),
    )
    topic_b = services.topic_publish(topic=topic_b, actor=clerk, now=now - timedelta(days=120))

    def comment(topic, at, nickname, body, verdict):
        c = services.comment_submit(topic=topic, nickname=nickname, body=body, now=at)
        if verdict is not None:  # None: left for the clerk to moderate
            services.comment_moderate(
                comment=c,
                actor=clerk,
                now=at + timedelta(hours=3),
                approve=bool(verdict),
                reason="" if verdict else "与征集主题无关",
            )

    for i, (nick, body, ok) in enumerate(COMMENTS_A):
        comment(topic_a, now - timedelta(days=15 - i), nick, body, ok)
    for i, (nick, body, ok) in enumerate(COMMENTS_B):
        comment(topic_b, now - timedelta(days=100 - i * 5), nick, body, ok)

    made = []
    counter = itertools.count(1)
    names = ("张海", "李秀英", "王磊", "刘芳", "陈静", "杨帆", "赵敏", "黄涛", "周丽", "吴斌", "徐娟", "孙浩")

    def submit(text, at, *, topic=topic_a, region=None, publish_name=False, account=None):
        n = next(counter)
        s = services.suggestion_submit(
            data=SuggestionInput(
                *text,
                name=names[n % len(names)],
                phone=f"139{10000000 + n * 7919:08d}",
                address=("青川区东湖街道"),
                publish_name=publish_name,
                topic=topic,
                region=region or (None if topic else demo.regions["990102"]),
            ),
            actor=None,
            now=at,
            account=account,
        ).suggestion
        made.append(s)
        return s

    def assign(s, unit_key, at):
        return services.suggestion_assign(suggestion=s, actor=clerk, now=at, unit=units[unit_key])

    def decide(s, step, at, explanation=""):
        s.refresh_from_db()  # a group's assignment moved it
        unit_key = demo.unit_key(s.study_unit)
        actor = users[{"housing": "handler"}.get(unit_key, _handler(unit_key))]
        return services.suggestion_decide(
            suggestion=s, actor=actor, now=at, step=step, explanation=explanation
        )

    def reply(s, at):
        return services.suggestion_reply(suggestion=s, actor=clerk, now=at)

    def publish(s, at):
        return services.suggestion_publish(suggestion=s, actor=clerk, now=at)

    a = [now - timedelta(days=18 - k) for k in range(18)]
    # Topic A: a group of three similar suggestions studied together; a fourth similar one waits.
    g1 = [submit(ELEVATOR[k], a[k]) for k in range(3)]
    services.suggestions_group(suggestions=g1, actor=clerk, now=a[4], title=("加装电梯费用分摊标准"))
    assign(g1[0], "housing", a[4])
    submit(ELEVATOR[3], a[6])
    submit(ELEVATOR[4], a[7], account=users.get("citizen"))
    late = submit(ELEVATOR[5], a[0])
    assign(late, "donghu", a[1])
    s = assign(submit(ELEVATOR[6], a[1], publish_name=True), "housing", a[2])
    publish(reply(decide(s, "adopt", a[8], ("将在设计方案中专门评估低层住户采光影响。")), a[9]), a[10])
    s = assign(submit(ELEVATOR[7], a[1]), "housing", a[2])
    publish(
        reply(
            decide(s, "adopt_partly", a[8], ("维保协议纳入加装流程；设立专户需与金融机构进一步研究。")), a[9]
        ),
        a[10],
    )
    s = assign(submit(ELEVATOR[8], a[2], publish_name=True), "housing", a[3])
    s = reply(
        decide(s, "not_adopt", a[9], ("公积金提取范围由市级政策规定，区级无权调整，已向市公积金中心转达。")),
        a[10],
    )
    services.suggestion_rate(
        suggestion=s, actor=None, now=a[11], rating=3, comment=("理解，希望继续反映"), as_citizen=True
    )
    s = assign(submit(ELEVATOR[9], a[3]), "housing", a[5])
    decide(s, "adopt", a[12], ("已纳入明年老旧小区改造计划统筹实施。"))
    s = submit(
        (
            ("我家楼上装电梯影响我家采光，要求赔偿"),
            ("楼上邻居加装电梯挡住了我家窗户。"),
            ("要求施工方赔偿损失并调整电梯位置。"),
        ),
        a[5],
    )
    services.suggestion_convert(
        suggestion=s,
        actor=clerk,
        now=a[6],
        reason=("您反映的是本人的具体权益诉求，已转为信访事项，由有关部门依法办理。"),
    )
    s = submit(
        (
            ("开发商拒不履行加装电梯合同"),
            ("我与电梯公司签订的加装合同对方违约，已经多次协商未果。"),
            ("请政府责令电梯公司履行合同。"),
        ),
        a[6],
    )
    services.suggestion_redirect(
        suggestion=s, actor=clerk, now=a[7], reason=("属于合同纠纷，可向人民法院提起民事诉讼或申请仲裁。")
    )
    for k, text in enumerate(ELEVATOR[:2]):  # received, not yet looked at
        submit((text[0] + ("（补充）"), text[1], text[2]), a[14 + k])

    # Topic B (closed): a group decided once for both proposers, a reward, published adoptions.
    b = [now - timedelta(days=110 - k * 5) for k in range(18)]
    g2 = [submit(LIFE_CIRCLE[k], b[k], topic=topic_b) for k in range(2)]
    services.suggestions_group(suggestions=g2, actor=clerk, now=b[2], title=("老年助餐点布局"))
    assign(g2[0], "xishan", b[2])
    decide(g2[1], "adopt", b[5], ("2026年在西山街道新增4处老年助餐点，由社区与餐饮企业合作。"))
    for s in g2:
        s.refresh_from_db()
        publish(reply(s, b[6]), b[7])
    s = assign(submit(LIFE_CIRCLE[2], b[1], topic=topic_b, publish_name=True), "market", b[2])
    s = reply(decide(s, "adopt", b[4], ("南门菜市场自下月起延长营业至20时。")), b[5])
    services.suggestion_reward(suggestion=publish(s, b[6]), actor=clerk, now=b[7], amount="500")
    s = assign(submit(LIFE_CIRCLE[3], b[2], topic=topic_b), "donghu", b[3])
    publish(
        reply(decide(s, "adopt_partly", b[6], ("增设儿童游乐设施；沙池因卫生管理原因暂不设置。")), b[7]), b[8]
    )
    s = assign(submit(LIFE_CIRCLE[4], b[3], topic=topic_b), "market", b[4])
    s = reply(
        decide(
            s, "not_adopt", b[7], ("社区服务中心用房已满，暂无空间设置维修点，将在新建服务中心时统筹考虑。")
        ),
        b[8],
    )
    services.suggestion_rate(suggestion=s, actor=None, now=b[9], rating=2, as_citizen=True)
    s = assign(submit(LIFE_CIRCLE[5], b[4], topic=topic_b), "transport", b[5])
    s = assign(submit(LIFE_CIRCLE[6], b[5], topic=topic_b, publish_name=True), "donghu", b[6])
    publish(reply(decide(s, "adopt", b[8]), b[9]), b[10])

    # Free suggestions.
    submit(FREE[0], now - timedelta(days=2), topic=None, region=demo.regions["990102001"])
    submit(FREE[1], now - timedelta(days=1), topic=None, region=demo.regions["990102101"])
    assign(submit(FREE[2], topic=None, at=now - timedelta(days=9)), "urban", now - timedelta(days=8))
    s = assign(
        submit(FREE[3], topic=None, at=now - timedelta(days=40)), "transport", now - timedelta(days=39)
    )
    reply(
        decide(s, "adopt", now - timedelta(days=30), ("已在3个地铁口划设停放区。")), now - timedelta(days=29)
    )
    s = assign(
        submit(FREE[4], topic=None, at=now - timedelta(days=40)), "government", now - timedelta(days=38)
    )
    decide(s, "not_adopt", now - timedelta(days=25), ("已开通网上办理和预约延时服务，暂不安排周末窗口。"))

    return [
        _(
            "人民建议征集：%(t)d个征集活动、%(n)d条建议"
            "（登录 jianyi 查看 /suggestions/；门户 /portal/suggestions/）。"
        )
        % {"t": 2, "n": len(made)}
    ]


def _handler(unit_key: str | None) -> str:
    from minsheng.demo.data import HANDLER_OF

    return HANDLER_OF.get(unit_key or "", "handler")
