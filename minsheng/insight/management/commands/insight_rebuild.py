"""`manage.py insight_rebuild [--since YYYY-MM-DD] [--source petition]`: recompute the rollups (repair)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from minsheng.insight import rollups
from minsheng.insight.models import Source


class Command(BaseCommand):
    help = "从业务记录重新计算统计汇总表（全部，或自某日起）；分批提交并显示进度。"

    def add_arguments(self, parser):
        parser.add_argument("--since", help="YYYY-MM-DD：只重算该日起的汇总")
        parser.add_argument("--source", action="append", choices=Source.values, help="只重算该来源（可重复）")

    def handle(self, *args, since=None, source=None, **options):
        try:
            first = date.fromisoformat(since) if since else None
        except ValueError:
            raise CommandError(_("日期格式应为 YYYY-MM-DD。")) from None
        rows = rollups.rebuild(since=first, sources=source, progress=self.stdout.write)
        self.stdout.write(_("统计汇总已重算：%(rows)s 行。") % {"rows": rows})
