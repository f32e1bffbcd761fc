"""`manage.py purge_personal_data [--dry-run] [--as-of DATE]`: erase personal data past retention.

Periods and reasons: ``minsheng/people/retention_conf.py`` (``settings.MINSHENG["RETENTION"]``).
"""

from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date

from minsheng.people import retention
from minsheng.people.retention_conf import BY_KEY


class Command(BaseCommand):
    help = "清除超过保管期限的个人信息（保留统计项）；--dry-run 只统计不清除。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="只统计将清除的记录，不做修改")
        parser.add_argument("--as-of", default="", help="按此日期计算保管期限（YYYY-MM-DD，默认今天）")
        parser.add_argument("--batch", type=int, default=500, help="每个事务处理的记录数")

    def handle(self, *args, dry_run: bool, as_of: str, batch: int, **options):
        when = timezone.now()
        if as_of:
            try:
                day = parse_date(as_of)
            except ValueError:
                day = None
            if day is None:
                raise CommandError(f"--as-of: {as_of!r} 不是 YYYY-MM-DD 格式的日期")
            when = timezone.make_aware(datetime.combine(day, time.min))
        report = retention.purge(as_of=when, dry_run=dry_run, batch=batch)
        verb = "将清除" if dry_run else "已清除"
        for key, count in report.counts.items():
            label = BY_KEY[key].record if key in BY_KEY else "群众身份信息"
            self.stdout.write(f"{verb} {key} ({label}): {count}")
        self.stdout.write(f"{'（试运行，未修改）' if dry_run else '合计'} {report.total}")
