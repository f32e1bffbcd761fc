"""``manage.py replies calibrate|score``: reply quality measured on a file of real replies, or one reply."""

import json
import random
import re
import statistics
from dataclasses import asdict
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from sklearn.metrics import roc_auc_score

from minsheng.textmine import csvdata, replies
from minsheng.textmine.csvdata import DataError
from minsheng.textmine.segment import clean

COLUMNS = ("留言主题", "留言详情", "答复意见", "留言时间", "答复时间")
DIMENSIONS = ("total", "relevance", "completeness", "interpretability", "timeliness")
# "2019/4/25 9:32:09", "2019-05-10 14:56:53", "2019/4/25": the 2020 data mixes all of them.
_DATE = re.compile(r"(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?")


class Command(BaseCommand):
    help = _("答复质量：在真实答复文件上校准（calibrate），或为一条答复评分（score）")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        cal = sub.add_parser("calibrate", help=_("在 CSV 文件上统计评分分布，输出一行 JSON"))
        cal.add_argument(
            "--csv", required=True, help=_("含 留言主题、留言详情、答复意见、留言时间、答复时间 列")
        )
        cal.add_argument("--seed", type=int, default=0, help=_("打乱配对的随机种子"))
        sc = sub.add_parser("score", help=_("为一条答复评分，或为 CSV 文件的前 N 行逐行评分"))
        sc.add_argument("--message", default="")
        sc.add_argument("--reply", default="")
        sc.add_argument("--asked-at", help=_("来信时间，如 2026-03-01 09:00"))
        sc.add_argument("--answered-at", help=_("答复时间"))
        sc.add_argument("--due-at", help=_("办理期限"))
        sc.add_argument("--csv", help=_("改为对 CSV 文件逐行评分"))
        sc.add_argument("--limit", type=int, default=10)

    def handle(self, *args, action, **options):
        try:
            if action == "calibrate":
                result = calibrate(read_rows(options["csv"]), seed=options["seed"])
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            else:
                for line in self.score(**options):
                    self.stdout.write(json.dumps(line, ensure_ascii=False))
        except DataError as e:
            raise CommandError(str(e), returncode=2) from e

    def score(self, *, message, reply, asked_at, answered_at, due_at, csv, limit, **_options):
        if csv:
            for row in read_rows(csv)[: max(0, limit)]:
                yield {"id": row.get("留言编号", ""), **_as_json(score_row(row))}
            return
        if not (message or reply):
            raise DataError(_("请给出 --message 和 --reply，或 --csv"))
        dates = {k: _date_option(k, v) for k, v in (("asked_at", asked_at), ("answered_at", answered_at),
                                                     ("due_at", due_at))}  # fmt: skip
        yield _as_json(replies.score_reply(message, reply, **dates))


def read_rows(path) -> list[dict]:
    """The rows of a replies CSV; DataError for a missing file, missing columns or bad encoding."""
    return csvdata.read_rows(path, COLUMNS)


def parse_date(text: str | None) -> datetime | None:
    """A date in any of the data's formats; None when there is none to read."""
    match = _DATE.search(text or "")
    if not match:
        return None
    parts = [int(p) if p else 0 for p in match.groups()]
    try:
        return datetime(*parts)
    except ValueError:
        return None


def message_of(row: dict) -> str:
    return "。".join(filter(None, (row.get("留言主题", ""), row.get("留言详情", ""))))


def score_row(row: dict) -> replies.ReplyScore:
    return replies.score_reply(
        message_of(row),
        row.get("答复意见", ""),
        asked_at=parse_date(row.get("留言时间")),
        answered_at=parse_date(row.get("答复时间")),
    )


def calibrate(rows: list[dict], *, seed: int = 0) -> dict:
    """Distribution of scores over real replies, and how well relevance tells them from shuffled pairs."""
    scores = [score_row(row) for row in rows]
    result: dict = {"count": len(rows)}
    for name in DIMENSIONS:
        result[name] = _summary([getattr(s, name) for s in scores])
    result["histogram"] = _histogram([s.total for s in scores])
    result["missing_share"] = _missing_share(scores)
    result["requests_per_message"] = round(statistics.fmean(len(s.requests) for s in scores), 2)
    result["relevance_auc"] = _relevance_auc(rows, seed=seed)
    return result


def _summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "mean": round(statistics.fmean(ordered), 3),
        "median": round(statistics.median(ordered), 3),
        "p10": round(_percentile(ordered, 10), 3),
        "p90": round(_percentile(ordered, 90), 3),
    }


def _percentile(ordered: list[float], q: int) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * q / 100))]


def _histogram(totals: list[int]) -> dict:
    bins = {f"{low}-{low + 9 if low < 90 else 100}": 0 for low in range(0, 100, 10)}
    for total in totals:
        low = min(90, total // 10 * 10)
        bins[f"{low}-{low + 9 if low < 90 else 100}"] += 1
    return bins


def _missing_share(scores: list[replies.ReplyScore]) -> dict:
    """Share of replies missing each element; "requests" = at least one request left unanswered."""
    counts: dict[str, int] = {}
    for s in scores:
        keys = {"requests" if c.key.startswith("request:") else c.key for c in s.missing}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    order = ("substance", "relevance", "requests", "basis", "action", "contact", "timeliness")
    return {key: round(counts.get(key, 0) / len(scores), 3) for key in order}


def _relevance_auc(rows: list[dict], *, seed: int) -> dict:
    """AUC of the raw relevance of real pairs against pairs whose replies were shuffled."""
    messages = [clean(message_of(r)) for r in rows]
    answers = [clean(r.get("答复意见", "")) for r in rows]
    if len(rows) < 2:
        return {"auc": None}
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    # A derangement: no message keeps its own reply.
    order = [j if j != i else (i + 1) % len(rows) for i, j in enumerate(order)]
    asked = [replies.text_profile(m) for m in messages]
    given = [replies.text_profile(a) for a in answers]
    real = [replies.profile_similarity(m, a) for m, a in zip(asked, given, strict=True)]
    shuffled = [replies.profile_similarity(asked[i], given[j]) for i, j in enumerate(order)]
    auc = roc_auc_score([1] * len(real) + [0] * len(shuffled), real + shuffled)
    real_sorted, shuffled_sorted = sorted(real), sorted(shuffled)
    return {
        "auc": round(float(auc), 4),
        "raw_real": {f"p{q}": round(_percentile(real_sorted, q), 3) for q in (10, 25, 50)},
        "raw_shuffled": {f"p{q}": round(_percentile(shuffled_sorted, q), 3) for q in (50, 90, 99)},
        "bounds": {"zero": replies.RELEVANCE_ZERO, "full": replies.RELEVANCE_FULL},
    }


def _date_option(name: str, value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise DataError(_("无法识别的日期：%(value)s") % {"value": value})
    return parsed


def _as_json(score: replies.ReplyScore) -> dict:
    data = asdict(score)
    data["missing"] = [c.key for c in score.missing]
    return data
