"""``manage.py hotspots evaluate --csv PATH``: hot issues of a message-board CSV, one JSON line per issue.

The CSV is the 2020 泰迪杯 layout (UTF-8, header row): 留言编号, 留言用户, 留言主题, 留言时间,
留言详情, 反对数, 点赞数 (the last two optional). Dates may be ``2019/2/28 11:25:05`` or
``2019-02-28 11:25:05``; rows whose date cannot be read are skipped and counted on stderr.
"""

import csv
import json
import re
import sys
import time
from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from minsheng.textmine.csvdata import DataError, read_rows
from minsheng.textmine.hotspots import Message, find_issues

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

COLUMNS = ("留言编号", "留言用户", "留言主题", "留言时间", "留言详情")
SAMPLE_TITLES = 3
_DATE = re.compile(
    r"(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})(?:\D{1,3}?(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?"
)


def parse_when(value: str) -> datetime | None:
    """A datetime from the mixed formats of the published data; None when there is none."""
    m = _DATE.search(value or "")
    if not m:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in m.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def read_messages(path) -> tuple[list[Message], dict[str, str], int]:
    """(messages, title by id, rows skipped for an unreadable date) from a message-board CSV."""
    messages, titles, skipped = [], {}, 0
    for row in read_rows(path, COLUMNS):
        at = parse_when(row["留言时间"])
        if at is None:
            skipped += 1
            continue
        key = (row["留言编号"] or "").strip()
        title = (row["留言主题"] or "").strip()
        titles[key] = title
        messages.append(
            Message(
                id=key,
                text=f"{title}\n{row['留言详情'] or ''}",
                at=at,
                author=(row["留言用户"] or "").strip(),
                likes=_count(row.get("点赞数")),
            )
        )
    return messages, titles, skipped


def _count(value) -> int:
    try:
        return max(int(float(value or 0)), 0)
    except ValueError:
        return 0


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(_("日期应为 YYYY-MM-DD：%(value)s") % {"value": value}) from None


class Command(BaseCommand):
    help = _("热点问题：在留言 CSV 上找出并排序热点问题（evaluate）")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ev = sub.add_parser("evaluate", help=_("读取留言 CSV，每个热点问题输出一行 JSON"))
        ev.add_argument(
            "--csv",
            required=True,
            help=_("留言 CSV（留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数）"),
        )
        ev.add_argument("--top", type=int, default=5)
        ev.add_argument("--since", help=_("起始日期 YYYY-MM-DD"))
        ev.add_argument("--until", help=_("截止日期 YYYY-MM-DD"))

    def handle(self, *args, action, **options):
        try:
            self.evaluate(**options)
        except DataError as e:
            raise CommandError(str(e), returncode=2) from e

    def evaluate(self, *, csv, top, since, until, **_options):
        since_day = _day(since) if since else None
        until_day = _day(until) if until else None
        messages, titles, skipped = read_messages(csv)
        if skipped:
            self.stderr.write(_("跳过 %(n)d 行：留言时间无法识别") % {"n": skipped})
        started = time.perf_counter()
        issues = find_issues(messages, top=top, since=since_day, until=until_day)
        seconds = time.perf_counter() - started
        for rank, issue in enumerate(issues, 1):
            line = {
                "rank": rank,
                "heat": issue.heat,
                "keywords": issue.keywords,
                "place": issue.place,
                "start": issue.start.isoformat(sep=" "),
                "end": issue.end.isoformat(sep=" "),
                "messages": issue.size,
                "people": issue.people,
                "likes": issue.likes,
                "growth": issue.growth,
                "sample_titles": [titles.get(str(i), "") for i in issue.message_ids[:SAMPLE_TITLES]],
            }
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        self.stderr.write(_("%(n)d 条留言，%(s).1f 秒") % {"n": len(messages), "s": seconds})
