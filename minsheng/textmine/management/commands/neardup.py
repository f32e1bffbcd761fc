"""``manage.py neardup rebuild|stats``: re-create the near-duplicate index from the records, or report
its size."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from minsheng.textmine import neardup, sources


class Command(BaseCommand):
    help = _("查重索引：从业务记录重建（rebuild），或报告记录数与占用空间（stats）")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild = sub.add_parser("rebuild", help=_("按已登记的业务来源重建查重索引"))
        rebuild.add_argument("--domain", help=_("只重建这个业务（默认全部）"))
        sub.add_parser("stats", help=_("每个业务一行 JSON：记录数与每条记录占用的字节数"))

    def handle(self, *args, action, **options):
        if action == "rebuild":
            self.rebuild(options["domain"])
        else:
            self.stats()

    def rebuild(self, domain: str | None) -> None:
        registered = sources.registered()
        if domain is not None:
            registered = [s for s in registered if s.domain == domain]
            if not registered:
                known = ", ".join(s.domain for s in sources.registered()) or "—"
                raise CommandError(
                    _("未知业务：%(domain)s（已登记：%(known)s）") % {"domain": domain, "known": known},
                    returncode=2,
                )
        for source in registered:
            count = neardup.rebuild(source.domain, source.texts())
            self.stdout.write(json.dumps({"domain": source.domain, "indexed": count}, ensure_ascii=False))

    def stats(self) -> None:
        figures = neardup.stats()
        total_records = sum(figures["domains"].values())
        total_bytes = figures["bytes"]
        per_record = round(total_bytes / total_records) if total_bytes is not None and total_records else None
        # The bucket table carries no domain column, so bytes per record are those of the whole index.
        for domain, records in figures["domains"].items():
            line = {"domain": domain, "records": records, "bytes_per_record": per_record}
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        if not figures["domains"]:
            self.stdout.write(json.dumps({"domain": None, "records": 0, "bytes_per_record": None}))
