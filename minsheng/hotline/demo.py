# ruff: noqa: E501  (tables of invented Chinese matters read best one entry a line)
"""This domain's part of `manage.py demo_seed`: an invented 接诉即办 world for 青川区.

Categories, a dispatch catalogue for the district's departments and street offices, knowledge-base
answers, and about 45 orders in every state (answered on the spot, redirected, waiting, dispatched,
accepted, objected and decided, extended, replied, return-visited, closed, overdue), made through the
services with past timestamps so the rates and 每月一题 pages show numbers.
"""

from datetime import timedelta

from django.utils.translation import gettext as _

from minsheng.hotline import services
from minsheng.hotline.models import Category, DispatchRule, KnowledgeAnswer
from minsheng.hotline.services import OrderIntake
from minsheng.people.services import Identity

CATEGORIES = (
    ("01", "市政设施", (("0101", "路灯照明"), ("0102", "道路破损"), ("0103", "井盖缺失"))),
    ("02", "供水供电", (("0201", "停水"), ("0202", "停电"), ("0203", "燃气"))),
    ("03", "交通出行", (("0301", "公交线路"), ("0302", "违章停车"))),
    ("04", "物业管理", (("0401", "物业服务"), ("0402", "电梯故障"))),
    ("05", "环境卫生", (("0501", "垃圾清运"), ("0502", "噪声扰民"))),
    ("06", "劳动就业", (("0601", "拖欠工资"),)),
    ("07", "政策咨询", (("0701", "户籍与居住证"), ("0702", "社保医保"))),
)
STREETS = {"990102001": "donghu", "990102002": "xishan", "990102003": "nanmen", "990102101": "liuxi"}
# (category code, region code, unit key); 0103 井盖缺失 has no rule on purpose: dispatched by hand.
RULES = [
    ("01", "990102", "urban"), ("02", "990102", "housing"), ("03", "990102", "transport"),
    ("04", "990102", "housing"), ("05", "990102", "urban"), ("0502", "990102", "environment"),
    ("06", "990102", "labour"), ("07", "990102", "labour"),
    *[("0101", code, key) for code, key in STREETS.items()],
    *[("04", code, key) for code, key in STREETS.items()],
]  # fmt: skip
KNOWLEDGE = [
    ("居住证怎么办理", "携带身份证、居住证明（租房合同或房产证）到居住地社区服务中心申领，材料齐全的5个工作日内发证。",
     "居住证 办证 暂住", "0701"),
    ("灵活就业人员怎么参加医保", "可持身份证到区医保服务大厅或通过“云州医保”小程序办理参保登记，按年缴费。",
     "医保 参保 灵活就业", "0702"),
    ("停水停电信息在哪里查", "计划停水停电信息在区政府网站“公告公示”栏目和供水、供电公司公众号提前发布。",
     "停水 停电 公告", "02"),
    ("垃圾分类投放时间", "各小区定时定点投放时间为每天7:00—9:00、18:00—20:00，大件垃圾需预约清运。",
     "垃圾 分类 投放", "0501"),
]  # fmt: skip
# (title, content, kind, category, region, urgency)
MATTERS = [
    ("路灯不亮", "小区门口路灯连续一周不亮，夜间出行不便。", "complaint", "0101", "990102001", "ordinary"),
    ("主干道路面塌陷", "青川大道与湖滨路交叉口路面塌陷约一平方米，存在安全隐患。", "help", "0102", "990102", "urgent"),
    ("井盖缺失", "西山社区菜市场旁井盖缺失，已有行人险些踩空。", "help", "0103", "990102002", "urgent"),
    ("小区停水未通知", "南门社区昨日起停水，未见任何通知。", "complaint", "0201", "990102003", "utility"),
    ("整栋楼停电", "湖滨社区8号楼整栋停电超过6小时。", "help", "0202", "990102001", "utility"),
    ("公交线路调整建议", "建议12路公交延伸至柳溪镇桃源村，方便村民进城。", "suggestion", "0301", "990102101", "complex"),
    ("消防通道违章停车", "枫林社区消防通道长期被私家车占用。", "report", "0302", "990102002", "ordinary"),
    ("物业不作为", "小区物业长期不清理楼道杂物，投诉无果。", "complaint", "0401", "990102001", "ordinary"),
    ("电梯频繁故障", "西山社区15号楼电梯一个月内故障4次，老人出行困难。", "complaint", "0402", "990102002", "utility"),
    ("垃圾清运不及时", "南门社区垃圾站满溢，三天未清运。", "complaint", "0501", "990102003", "ordinary"),
    ("夜间施工噪声", "湖滨路工地夜间22点后仍在施工，噪声扰民。", "report", "0502", "990102", "ordinary"),
    ("拖欠工资", "在某装修公司工作三个月未发工资。", "help", "0601", "990102", "complex"),
    ("路灯闪烁", "柳溪镇桃源村村道路灯忽明忽暗。", "complaint", "0101", "990102101", "ordinary"),
    ("燃气异味", "楼道内有明显燃气味。", "help", "0203", "990102003", "urgent"),
]  # fmt: skip
NAMES = ("周小红", "吴建军", "郑丽", "冯涛", "陈梅", "褚亮", "卫红", "蒋波", "沈佳", "韩雪")

# What becomes of each order, in order of creation (the rest: closed after a return visit).
PLAN = (
    ["answered"] * 3 + ["redirected"] * 2 + ["hold"] * 2 + ["dispatched"] * 3 + ["accepted"] * 3
    + ["objected"] * 2 + ["upheld", "reassigned"] + ["extended"] * 2 + ["replied"] * 3 + ["visited"] * 5
    + ["overdue"] * 2 + ["closed"] * 16
)  # fmt: skip


def seed(demo, *, now, rng) -> list[str]:
    units, regions, users = demo.units, demo.regions, demo.users
    operator, dispatch = users["operator"], users["dispatch"]
    cats = {}
    for code, name, children in CATEGORIES:
        cats[code] = parent = Category.objects.create(code=code, name=name)
        for child_code, child_name in children:
            cats[child_code] = Category.objects.create(code=child_code, name=child_name, parent=parent)
    for cat, region, unit in RULES:
        DispatchRule.objects.create(category=cats[cat], region=regions[region], unit=units[unit])
    kb = [
        KnowledgeAnswer.objects.create(question=q, answer=a, keywords=k, category=cats[c])
        for q, a, k, c in KNOWLEDGE
    ]

    from minsheng.demo.data import HANDLER_OF, HEAD_OF

    def handler_of(order):
        key = demo.unit_key(order.unit)
        return users[HANDLER_OF[key]], users[HEAD_OF[key]]

    made = {}
    for i, plan in enumerate(PLAN):
        title, content, kind, cat, region, urgency = MATTERS[i % len(MATTERS)]
        # Spread over the last ~50 days, oldest first, so last month and this month both have orders.
        at = now - timedelta(days=50 - i, hours=rng.randint(0, 8))
        requester = Identity(name=NAMES[i % len(NAMES)], phone=f"139{rng.randint(10_000_000, 99_999_999)}")
        if plan == "answered":
            order = services.order_receive(
                intake=OrderIntake(kind="consult", title="居住证怎么办理", content="外地来青川区工作，想办居住证。",
                                   category=cats["0701"], region=regions["990102"]),
                actor=operator, now=at, action="answer", knowledge_answer=kb[0],
            )  # fmt: skip
        elif plan == "redirected":
            channel, reason = (("122", "交通事故有人受伤，已转接122，告知诉求人保护现场。") if i % 2
                               else ("arbitration", "劳动争议，已告知诉求人向区劳动人事争议仲裁委员会申请仲裁。"))  # fmt: skip
            order = services.order_receive(
                intake=OrderIntake(kind="help", title=title, content=content, urgency="urgent", requester=requester),
                actor=operator, now=at, action="redirect", redirect_channel=channel, redirect_reason=reason,
            )  # fmt: skip
        else:
            intake = OrderIntake(kind=kind, title=title, content=content, category=cats[cat],
                                 region=regions[region], urgency="urgent" if plan == "overdue" else urgency,
                                 requester=requester, address=f"{regions[region].name}{i + 1}号")  # fmt: skip
            if plan == "hold":
                order = services.order_receive(intake=intake, actor=operator, now=now - timedelta(minutes=10 + i),
                                               action="hold")  # fmt: skip
                made[plan] = made.get(plan, 0) + 1
                continue
            manual = units["urban"] if cat == "0103" else None
            order = services.order_receive(
                intake=intake, actor=operator, now=at, action="dispatch", unit=manual
            )
            _advance(order, plan, at=at, now=now, handler_of=handler_of, operator=operator, dispatch=dispatch,
                     units=units, rng=rng)  # fmt: skip
        made[plan] = made.get(plan, 0) + 1
    scan = services.scan_overdue(now=now)
    return [
        _("接诉即办：%(n)s张工单（各状态均有），%(r)s条派单规则，%(k)s条知识库答复；超期标记%(o)s张。")
        % {"n": len(PLAN), "r": len(RULES), "k": len(kb), "o": scan.overdue},
        _(
            "  /hotline/ 登录 operator（话务派单员）受理登记、回访；dispatch（中心负责人）审核退单；"
            "handler/head（区住建局）、chengguan（区城管局）、jiedao（各街道）办理；quzhengfu（区政府）查看抄送件。"
        ),
        _("  /hotline/rates/ 三率排名，/hotline/monthly/ 每月一题，/hotline/catalogue/ 派单目录。"),
    ]


def _advance(order, plan, *, at, now, handler_of, operator, dispatch, units, rng):
    """Take the order from "dispatched" to the state ``plan`` names, a few hours between steps."""
    if plan in ("dispatched", "overdue"):
        return
    handler, head = handler_of(order)
    t = at + timedelta(hours=1)
    if plan in ("objected", "upheld", "reassigned"):
        services.order_object(order=order, actor=handler, now=t, reason="该事项不属于本单位职责范围。")
        if plan == "objected":
            return
        t += timedelta(hours=2)
        if plan == "upheld":
            services.order_uphold(
                order=order, actor=dispatch, now=t, decision="按派单目录属本单位职责，请继续办理。"
            )
        else:
            target = units["urban"] if order.unit != units["urban"] else units["housing"]
            order = services.order_reassign(
                order=order, actor=dispatch, now=t, unit=target, decision="同意退单，改派。"
            )
            handler, head = handler_of(order)
        t += timedelta(hours=1)
    services.order_accept(order=order, actor=handler, now=t)
    if plan in ("accepted", "upheld", "reassigned"):
        return
    if plan == "extended":
        services.order_extend(order=order, actor=head, now=t + timedelta(hours=1), days_more=7,
                              reason="需协调产权单位共同处理。", explanation="已电话告知诉求人延期原因和新的办结时间。")  # fmt: skip
        return
    t += timedelta(days=rng.randint(1, 4))
    services.order_reply(
        order=order, actor=handler, now=min(t, now), result="已现场核实并处理完毕，已与诉求人沟通。"
    )
    if plan == "replied":
        return
    t = min(t + timedelta(days=1), now)
    reached = rng.random() < 0.9
    solved = rng.random() < 0.75
    satisfaction = rng.choices(["satisfied", "basically", "dissatisfied"], weights=[6, 3, 1])[0]
    services.order_visit(order=order, actor=operator, now=t, reached=reached, contacted=rng.random() < 0.9 if reached else None,
                         solved=solved if reached else None, satisfaction=satisfaction if reached else "",
                         note="回访记录：诉求人反馈已处理。" if reached else "两次拨打无人接听。")  # fmt: skip
    if plan == "closed":
        services.order_close(order=order, actor=operator, now=t)
