"""Hot issues for leaders (热点问题): the cases the viewer may see, grouped and ranked by
``textmine.hotspots``, as a page and as a weekly Excel digest.

Nothing about petitioners is shown or exported: a case is its number, title, received date and region.
The people count comes from pseudonymous keys (record ids) that never leave the server.
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from io import BytesIO

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.orgs.models import Region
from minsheng.orgs.selectors import unit_ids_of
from minsheng.petitions import selectors
from minsheng.petitions.models import compose_text
from minsheng.textmine import hotspots
from minsheng.textmine.hotspots import Issue, Message, find_issues

PAGE_DAYS = 30
DIGEST_DAYS = 7
DEFAULT_TOP = 10
MAX_TOP = 50
# Grouping is in memory: beyond this many cases in the period the most recent are used (and the page says so).
MAX_MESSAGES = 20_000
CACHE_SECONDS = 600
SPARK_WIDTH, SPARK_HEIGHT = 120, 24
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class HotFilterForm(forms.Form):
    since = forms.DateField(
        label=gettext_lazy("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=gettext_lazy("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    region = forms.ModelChoiceField(
        label=gettext_lazy("区域"),
        required=False,
        queryset=Region.objects.filter(level__lte=Region.Level.STREET),
        empty_label=gettext_lazy("全部区域"),
    )
    top = forms.IntegerField(
        label=gettext_lazy("显示前 N 个"), required=False, min_value=1, max_value=MAX_TOP
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


@dataclass
class HotQuery:
    """What the leader asked for: the days, the area and how many issues (not a ``core.periods.Period``)."""

    since: date
    until: date
    region: Region | None
    top: int


@dataclass
class HotIssue:
    rank: int
    issue: Issue
    cases: list[dict]
    spark: str  # SVG polyline points


def _period(form: HotFilterForm, days: int) -> HotQuery:
    data = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    until = data.get("until") or today
    since = data.get("since") or until - timedelta(days=days - 1)
    if since > until:
        since, until = until, since
    return HotQuery(since, until, data.get("region"), data.get("top") or DEFAULT_TOP)


def _cases(user, period: HotQuery) -> tuple[list[dict], bool]:
    """The visible cases received in the period, most recent first, in one query; and whether capped."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(period.since, time.min, tzinfo=zone)
    end = datetime.combine(period.until + timedelta(days=1), time.min, tzinfo=zone)
    qs = selectors.petitions_visible_to(user).filter(received_at__gte=start, received_at__lt=end)
    if period.region is not None:
        qs = qs.filter(region__path__startswith=period.region.path)
    rows = list(
        qs.order_by("-received_at", "-id").values(
            "number", "title", "request", "facts", "reasons", "received_at", "region__name",
            "petitioner_id", "account_id",
        )[: MAX_MESSAGES + 1]
    )  # fmt: skip
    return rows[:MAX_MESSAGES], len(rows) > MAX_MESSAGES


def _author(row: dict) -> str:
    if row["petitioner_id"]:
        return f"p{row['petitioner_id']}"
    return f"a{row['account_id']}" if row["account_id"] else ""


def hot_issues(user, period: HotQuery) -> tuple[list[HotIssue], int, bool]:
    """(ranked issues, cases read, capped) for ``user`` over ``period``."""
    rows, capped = _cases(user, period)
    messages = [
        Message(
            id=row["number"],
            text=compose_text(row["title"], row["request"], row["facts"], row["reasons"]),
            at=row["received_at"],
            author=_author(row),
            place=row["region__name"] or "",
        )
        for row in rows
    ]
    end_of_period = datetime.combine(period.until, time.max, tzinfo=timezone.get_current_timezone())
    now = min(timezone.localtime(), end_of_period)
    # Grouping thousands of messages takes seconds; the same cases on the same day group the same
    # way, whoever asks, so the result is kept for a while under a fingerprint of exactly that input.
    key = "hot-issues:" + _fingerprint(rows, period, now.date())
    issues = cache.get(key)
    if issues is None:
        issues = find_issues(messages, now=now, top=period.top, since=period.since, until=period.until)
        cache.set(key, issues, CACHE_SECONDS)
    by_number = {row["number"]: row for row in rows}
    ranked = [
        HotIssue(
            rank=k,
            issue=issue,
            cases=[_public(by_number[n]) for n in issue.message_ids],
            spark=_sparkline([count for _day, count in issue.trend]),
        )
        for k, issue in enumerate(issues, 1)
    ]
    return ranked, len(rows), capped


def _fingerprint(rows: list[dict], period: HotQuery, today) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((period.since, period.until, period.top, today)).encode())
    for row in rows:
        digest.update(repr(tuple(row.values())).encode())
    return digest.hexdigest()


def _public(row: dict) -> dict:
    """What the page may show of a case: nothing about the petitioner."""
    return {
        "number": row["number"],
        "title": row["title"],
        "received_at": timezone.localtime(row["received_at"]),
        "region": row["region__name"],
    }


def _sparkline(counts: list[int]) -> str:
    if not counts:
        return ""
    peak = max(max(counts), 1)
    step = SPARK_WIDTH / max(len(counts) - 1, 1)
    return " ".join(
        f"{k * step:.1f},{SPARK_HEIGHT - 1 - (c / peak) * (SPARK_HEIGHT - 2):.1f}"
        for k, c in enumerate(counts)
    )


def heat_formula() -> str:
    """The heat score in words, from the constants ``hotspots`` uses."""
    return _(
        "热度 = %(volume)s×ln(1+件数) + %(people)s×ln(1+人数) + %(likes)s×ln(1+点赞数) + %(growth)s×增长；"
        "增长 = ln((最近 %(days)s 天件数+1)/(此前 %(days)s 天件数+1))，只计正值。同一人多次反映只算一人；"
        "地点取多数信访件共同的属地和地名。"
    ) % {
        "volume": hotspots.W_VOLUME,
        "people": hotspots.W_PEOPLE,
        "likes": hotspots.W_LIKES,
        "growth": hotspots.W_GROWTH,
        "days": hotspots.RECENT_DAYS,
    }


def _require_staff(user) -> None:
    if not unit_ids_of(user):
        raise PermissionDenied(_("只有在单位任职的工作人员可以查看热点问题。"))


@login_required
def hot(request):
    """The top issues of the period among the cases the viewer may see."""
    _require_staff(request.user)
    form = HotFilterForm(request.GET or None)
    period = _period(form, PAGE_DAYS)
    issues, read, capped = hot_issues(request.user, period)
    context = {
        "form": form,
        "period": period,
        "issues": issues,
        "read": read,
        "capped": capped,
        "limit": MAX_MESSAGES,
        "spark": {"width": SPARK_WIDTH, "height": SPARK_HEIGHT},
        "query": request.GET.urlencode(),
        "formula": heat_formula(),
        "nav": "hot",
    }
    return render(request, "petitions/hot.html", context)


@login_required
def hot_digest(request):
    """The weekly digest as an Excel workbook: the issues, and the cases of each."""
    _require_staff(request.user)
    period = _period(HotFilterForm(request.GET or None), DIGEST_DAYS)
    issues, _read, capped = hot_issues(request.user, period)
    response = HttpResponse(_workbook(issues, period, capped), content_type=XLSX)
    filename = f"hot-issues-{period.since:%Y%m%d}-{period.until:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _workbook(issues: list[HotIssue], period: HotQuery, capped: bool) -> bytes:
    from openpyxl import Workbook  # only the digest needs it

    book = Workbook()
    sheet = book.active
    sheet.title = _("热点问题")
    sheet.append([_("统计期间"), f"{period.since:%Y-%m-%d} — {period.until:%Y-%m-%d}"])
    if capped:
        sheet.append([_("仅统计期间内最近的 %(n)d 件") % {"n": MAX_MESSAGES}])
    sheet.append(
        [_("排名"), _("关键词"), _("地点"), _("起止时间"), _("信访件数"), _("人数"), _("热度"), _("增长")]
    )
    for row in issues:
        issue = row.issue
        span = f"{timezone.localtime(issue.start):%Y-%m-%d} — {timezone.localtime(issue.end):%Y-%m-%d}"
        sheet.append(
            [row.rank, "、".join(issue.keywords), issue.place, span, issue.size, issue.people, issue.heat,
             issue.growth]
        )  # fmt: skip
    cases = book.create_sheet(_("问题信访件"))
    cases.append([_("排名"), _("关键词"), _("信访件编号"), _("标题"), _("收到时间"), _("问题属地")])
    for row in issues:
        words = "、".join(row.issue.keywords)
        for case in row.cases:
            received = case["received_at"].replace(tzinfo=None)  # Excel has no time zones
            cases.append([row.rank, words, case["number"], case["title"], received, case["region"]])
    for ws, widths in ((sheet, (8, 40, 24, 26, 10, 8, 8, 8)), (cases, (8, 30, 22, 50, 20, 16))):
        for k, width in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + k)].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()
