"""What the reports say, as sections (a title, a table, perhaps a chart), read from the rollups.

The PDF and the Excel workbook are drawn from the same sections, so they always agree.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.insight import labels
from minsheng.insight.models import Source
from minsheng.insight.scope import Scope
from minsheng.insight.selectors import Bar, Dashboard, Filters, base_rows, dashboard, unit_names


@dataclass
class Chart:
    kind: str  # "bar" | "line"
    labels: list[str]
    values: list[float]


@dataclass
class Section:
    title: str
    headers: list[str]
    rows: list[list]
    chart: Chart | None = None
    note: str = ""


@dataclass
class Document:
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)


def _pct(value) -> str:
    return "—" if value is None else f"{value:.1f}%"


def _bars_section(title: str, bars: list[Bar], *, header: str, chart: str = "bar", extra=None) -> Section:
    extra = extra or []
    rows = [[b.label, b.value, *(fn(b) for _h, fn in extra)] for b in bars]
    return Section(
        title,
        [header, _("件数"), *(h for h, _fn in extra)],
        rows,
        Chart(chart, [b.label for b in bars], [b.value for b in bars]) if bars else None,
    )


def _grouped(scope: Scope, f: Filters, dim: str) -> list[tuple[str, int]]:
    got = sorted(base_rows(scope, f).group(dim, n="count"), key=lambda r: (-r["n"], str(r[dim])))
    return [(r[dim], r["n"]) for r in got if r["n"]]


def _domains(scope: Scope, f: Filters) -> list[Bar]:
    """Cases by domain (领域): the top level of the petition category tree."""
    from minsheng.petitions.models import Category

    tree = {
        str(pk): (parent, name)
        for pk, parent, name in Category.objects.values_list("pk", "parent_id", "name")
    }

    def top(key: str) -> str:
        seen = 0
        while key in tree and tree[key][0] is not None and seen < 5:
            key, seen = str(tree[key][0]), seen + 1
        return tree[key][1] if key in tree else str(labels.NO_CATEGORY)

    counts: dict[str, int] = {}
    for key, n in _grouped(scope, f, "category"):
        name = top(key)
        counts[name] = counts.get(name, 0) + n
    return [Bar(k, k, v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _summary_rows(p: Dashboard, s: Dashboard) -> list[list]:
    t = p.totals
    rates = {r.key: r for r in p.rates}
    return [
        [_("信访事项总数"), t["count"]],
        [_("转送"), t["forwarded"]],
        [_("交办"), t["assigned"]],
        [_("督办"), t["supervised"]],
        [_("重复信访"), t["repeat"]],
        [_("及时受理率"), _pct(rates["accept"].value)],
        [_("按期办结率"), _pct(rates["complete"].value)],
        [_("群众满意率"), _pct(rates["satisfaction"].value)],
        [_("当前超期"), p.overdue],
        [_("人民建议"), s.totals["count"]],
        [_("人民建议采纳"), s.totals["adopted"]],
    ]


def annual(year: int, *, scope: Scope, region=None, today: date | None = None) -> Document:
    """信访工作年度报告 (条例第四十一条): numbers, composition and handling, the units most complained
    about, forwards/assignments/supervision, suggestions made and adopted."""
    today = today or timezone.localdate()
    since, until = date(year, 1, 1), min(date(year, 12, 31), max(today, date(year, 1, 1)))
    p = dashboard(scope, since=since, until=until, source=Source.PETITION, region=region, today=today)
    s = dashboard(scope, since=since, until=until, source=Source.SUGGESTION, region=region, today=today)
    f = p.filters
    kinds = labels.kinds(Source.PETITION)
    by_kind = [Bar(k, kinds.get(k, k), n) for k, n in _grouped(scope, f, "kind")]
    grouped = [
        u
        for u in base_rows(scope, f).group(
            "unit_id", n="count", fw="forwarded", asg="assigned", sup="supervised"
        )
        if u["unit_id"]
    ]
    unit_list = sorted(grouped, key=lambda u: (-u["n"], u["unit_id"]))[:20]
    names = unit_names([u["unit_id"] for u in unit_list])
    rates = {r.key: r for r in s.rates}
    area = region.name if region else _("本辖区")
    doc = Document(
        _("%(year)s年度信访工作情况报告") % {"year": year},
        _("%(area)s · %(since)s 至 %(until)s · 依据《信访工作条例》第四十一条")
        % {"area": area, "since": since, "until": until},
    )
    doc.sections = [
        Section(_("一、信访事项总体情况"), [_("项目"), _("数值")], _summary_rows(p, s)),
        _bars_section(_("二、逐月信访量"), p.trend, header=_("月份"), chart="line"),
        _bars_section(_("三、信访渠道"), p.by_channel, header=_("渠道")),
        _bars_section(_("四、信访类别构成"), by_kind, header=_("类别")),
        _bars_section(_("五、反映问题领域"), _domains(scope, f), header=_("领域")),
        _bars_section(
            _("六、各区域信访量"),
            p.by_area,
            header=_("区域"),
            extra=[(_("每万人"), lambda b: b.extra.get("per_10k") or "—")],
        ),
        _bars_section(_("七、被投诉较多的单位"), p.complained, header=_("被反映单位")),
        Section(
            _("八、转送、交办、督办情况"),
            [_("责任单位"), _("件数"), _("转送"), _("交办"), _("督办")],
            [[names.get(u["unit_id"], "—"), u["n"], u["fw"], u["asg"], u["sup"]] for u in unit_list],
            Chart(
                "bar",
                [_("转送"), _("交办"), _("督办")],
                [p.totals["forwarded"], p.totals["assigned"], p.totals["supervised"]],
            ),
        ),
        Section(
            _("九、提出的建议及采纳情况"),
            [_("项目"), _("数值")],
            [
                [_("收到人民建议"), s.totals["count"]],
                [_("已作出决定"), s.totals["completed"]],
                [_("采纳（含部分采纳）"), s.totals["adopted"]],
                [_("采纳率"), _pct(rates["adopt"].value)],
                [_("意见建议类信访事项"), dict(_grouped(scope, f, "kind")).get("suggestion", 0)],
            ],
        ),
    ]
    return doc


def _month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first, last


def _growth(now: float, before: float) -> str:
    if not before:
        return "—"
    return f"{100.0 * (now - before) / before:+.1f}%"


def monthly(month: date, *, scope: Scope, region=None, today: date | None = None) -> Document:
    """月度民情简报: the month's volumes of every source against the month before, the rates, the
    domains that grew most, overdue work and the units most complained about."""
    today = today or timezone.localdate()
    first, last = _month_bounds(month)
    prev_first, prev_last = _month_bounds(first - timedelta(days=1))

    def board(source, a, b):
        return dashboard(scope, since=a, until=b, source=source, region=region, today=today)

    p, p0 = board(Source.PETITION, first, last), board(Source.PETITION, prev_first, prev_last)
    h = board(Source.HOTLINE, first, last)
    s = board(Source.SUGGESTION, first, last)
    before = {b.key: b.value for b in p0.sources}
    volumes = [
        [b.label, b.value, before.get(b.key, 0), _growth(b.value, before.get(b.key, 0))] for b in p.sources
    ]
    prev_cat = {b.key: b.value for b in p0.by_category}
    growth = [
        [b.label, b.value, prev_cat.get(b.key, 0), _growth(b.value, prev_cat.get(b.key, 0))]
        for b in p.by_category
    ]
    rate_rows = [[r.label, r.numerator, r.denominator, _pct(r.value)] for r in (*p.rates, *h.rates, *s.rates)]
    area = region.name if region else _("本辖区")
    doc = Document(
        _("%(month)s 月度信访与民情简报") % {"month": f"{first:%Y-%m}"},
        _("%(area)s · %(since)s 至 %(until)s") % {"area": area, "since": first, "until": last},
    )
    doc.sections = [
        Section(
            _("一、本月受理量"),
            [_("业务"), _("本月"), _("上月"), _("环比")],
            volumes,
            Chart("bar", [v[0] for v in volumes], [v[1] for v in volumes]),
            _("志愿服务以小时计。"),
        ),
        _bars_section(_("二、逐日信访量"), p.trend, header=_("日期"), chart="line"),
        Section(_("三、各项指标"), [_("指标"), _("分子"), _("分母"), _("比率")], rate_rows),
        Section(
            _("四、信访热点领域及增长"),
            [_("分类"), _("本月"), _("上月"), _("环比")],
            growth,
            Chart("bar", [g[0] for g in growth], [g[1] for g in growth]),
        ),
        Section(
            _("五、超期与临期"),
            [_("项目"), _("件数")],
            [
                [_("信访超期"), p.overdue],
                [_("信访临期"), p.due_soon],
                [_("工单超期"), h.overdue],
                [_("工单临期"), h.due_soon],
            ],
        ),
        _bars_section(_("六、被投诉较多的单位（信访）"), p.complained, header=_("被反映单位")),
        _bars_section(_("七、被投诉较多的单位（接诉即办投诉）"), h.complained, header=_("承办单位")),
        _bars_section(_("八、各区域信访量"), p.by_area, header=_("区域")),
    ]
    return doc
