"""This domain's part of `manage.py demo_seed` (runs last): the rollups of everything the other parts
made, and last month's briefing for the county bureau, so the leader's dashboard has figures at once."""

from minsheng.insight import rollups, services
from minsheng.insight.models import Report


def seed(demo, *, now, rng) -> list[str]:
    rows = rollups.rebuild()
    bureau = demo.units["bureau"]
    result = services.generate_due_reports(now=now)
    made = [r for r in result.created if r.unit_id == bureau.pk and r.kind == Report.Kind.MONTHLY]
    return [
        f"察民情：统计汇总 {rows} 行；已生成 {len(result.created)} 份月度简报"
        f"（{bureau.short_name or bureau.name} {made[0].period_start:%Y-%m}）。"
        if made
        else f"察民情：统计汇总 {rows} 行。",
        "  leader 登录后打开 /insight/ 查看民情统计、下钻清单和报告。",
    ]
