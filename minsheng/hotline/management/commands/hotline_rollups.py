from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from minsheng.hotline.services import rollups


class Command(BaseCommand):
    help = "接诉即办每日统计：rebuild 按工单重算；check 核对统计与工单是否一致。"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check"])

    def handle(self, *args, action, **options):
        if action == "rebuild":
            n = rollups.rebuild()
            self.stdout.write(_("已重算每日统计：%(n)s行。") % {"n": n})
            return
        expected, stored = rollups.recompute(), rollups.stored()
        expected = {k: v for k, v in expected.items() if any(v.values())}
        if expected != stored:
            differing = sum(1 for k in set(expected) | set(stored) if expected.get(k) != stored.get(k))
            raise CommandError(_("每日统计与工单不一致：%(n)s行不同，请执行 rebuild。") % {"n": differing})
        self.stdout.write(_("每日统计与工单一致：%(n)s行。") % {"n": len(stored)})
