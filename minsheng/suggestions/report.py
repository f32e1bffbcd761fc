"""The per-topic report: counts by state, adoption, themes; as a page, an Excel workbook and a PDF.

Themes are the topic's most shared key words (jieba words found in most suggestions, the hot-issue
stop words left out) and, where several suggestions raise one matter, the issues that
``textmine.hotspots`` finds among them.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from minsheng.core.sheets import workbook_bytes
from minsheng.petitions.documents.layout import Grid, Heading, Sheet, Text, chinese_date, render_sheet
from minsheng.suggestions import conf
from minsheng.suggestions.models import Suggestion, Topic
from minsheng.suggestions.selectors import counts_by_state
from minsheng.suggestions.workflow import ADOPTED_STATES, DECIDED, S
from minsheng.textmine import hotspots
from minsheng.textmine.segment import segment


@dataclass(frozen=True)
class Theme:
    words: str
    suggestions: int


@dataclass(frozen=True)
class TopicReport:
    topic: Topic
    counts: list[tuple[str, str, int]]  # (state, label, count)
    total: int
    decided: int
    adopted: int
    rewarded_amount: object
    rating_avg: float | None
    keywords: list[Theme]
    issues: list[Theme]

    @property
    def adoption_rate(self) -> float | None:
        """Adopted (fully or partly) among the decided; None before any decision."""
        return self.adopted / self.decided if self.decided else None


def topic_report(topic: Topic) -> TopicReport:
    counts = counts_by_state(topic)
    rows = list(
        Suggestion.objects.filter(topic=topic).values_list(
            "pk", "title", "reason", "proposal", "received_at", "status", "reward_amount", "rating"
        )
    )
    texts = [(pk, f"{title}\n{reason}\n{proposal}", at) for pk, title, reason, proposal, at, *_r in rows]
    rewards = [r[6] for r in rows if r[6] is not None]
    ratings = [r[7] for r in rows if r[7] is not None]
    return TopicReport(
        topic=topic,
        counts=[(s.value, s.label, counts[s.value]) for s in S],
        total=len(rows),
        decided=sum(counts[s] for s in DECIDED),
        adopted=sum(counts[s] for s in ADOPTED_STATES),
        rewarded_amount=sum(rewards) if rewards else 0,
        rating_avg=round(sum(ratings) / len(ratings), 2) if ratings else None,
        keywords=_keywords([t for _pk, t, _at in texts], int(conf.get("REPORT_THEMES"))),
        issues=_issues(texts),
    )


def _keywords(texts: list[str], top: int) -> list[Theme]:
    """Words found in the most suggestions (document frequency; ties: more occurrences, then the word),
    at least two of them."""
    df: Counter[str] = Counter()
    tf: Counter[str] = Counter()
    for text in texts:
        words = [w for w in segment(text).split() if len(w) >= 2 and w not in hotspots.STOP_WORDS]
        words = [w for w in words if not w.isdigit()]
        tf.update(words)
        df.update(set(words))
    ranked = sorted(df.items(), key=lambda item: (-item[1], -tf[item[0]], item[0]))
    return [Theme(w, n) for w, n in ranked[:top] if n >= 2]


def _issues(texts: list[tuple[int, str, object]]) -> list[Theme]:
    messages = [hotspots.Message(id=pk, text=text, at=at) for pk, text, at in texts]
    if len(messages) < hotspots.MIN_MESSAGES:
        return []
    found = hotspots.find_issues(messages, top=10)
    return [Theme("、".join(i.keywords[:4]), i.size) for i in found if i.keywords]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def report_rows(report: TopicReport) -> list[tuple[str, str]]:
    """The figures as (label, value) rows, shared by the workbook and the PDF."""
    rows = [(_("建议总数"), str(report.total))]
    rows += [(label, str(n)) for _state, label, n in report.counts]
    rows += [
        (_("已作出决定"), str(report.decided)),
        (_("采纳（含部分采纳）"), str(report.adopted)),
        (_("采纳率"), _percent(report.adoption_rate)),
        (_("奖励金额合计（元）"), str(report.rewarded_amount)),
        (_("建议人平均评价（1-5）"), "—" if report.rating_avg is None else str(report.rating_avg)),
    ]
    return rows


def report_xlsx(report: TopicReport) -> bytes:
    rows = [(_("指标"), label, value) for label, value in report_rows(report)]
    rows += [(_("关键词"), t.words, t.suggestions) for t in report.keywords]
    rows += [(_("集中议题"), t.words, t.suggestions) for t in report.issues]
    return workbook_bytes((_("类别"), _("项目"), _("数值")), rows, title=_("征集活动报告"))


def report_pdf(report: TopicReport, *, today: date) -> bytes:
    topic = report.topic
    body = [
        Text(
            _("征集期：%(start)s至%(end)s。")
            % {"start": chinese_date(topic.starts_on), "end": chinese_date(topic.ends_on)}
        ),
        Heading(_("一、办理情况")),
        Grid(tuple(report_rows(report))),
        Heading(_("二、主要关键词")),
        Grid(tuple((t.words, _("%(n)d条建议") % {"n": t.suggestions}) for t in report.keywords))
        if report.keywords
        else Text(_("建议数量较少，暂无集中的关键词。")),
    ]
    if report.issues:
        body += [
            Heading(_("三、集中反映的议题")),
            Grid(tuple((t.words, _("%(n)d条建议") % {"n": t.suggestions}) for t in report.issues)),
        ]
    sheet = Sheet(
        title=_("“%(title)s”征集情况报告") % {"title": topic.title},
        number=f"ZJ{topic.starts_on.year}-{topic.pk:04d}",
        issuer=topic.office.name,
        addressee="",
        day=today,
        body=body,
    )
    return render_sheet(sheet)
