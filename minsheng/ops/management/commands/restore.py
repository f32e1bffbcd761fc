"""``manage.py restore ARCHIVE``: restore a backup into an empty database (or ``--force`` over one)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from minsheng.ops.errors import OpsError
from minsheng.ops.restore import restore_backup


class Command(BaseCommand):
    help = _(
        "从备份恢复：核对文件校验和与密钥指纹，恢复到新库并核对各表与审计链，通过后才替换现有数据库和上传文件。"
        "恢复前请停止应用。"
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help=_("backup 命令写出的 .tar.gz 文件"))
        parser.add_argument(
            "--target",
            help=_("恢复到哪个数据库：SQLite 为文件路径，PostgreSQL 为库名（默认当前配置的数据库）"),
        )
        parser.add_argument("--media-root", help=_("上传文件恢复到哪个目录（默认 MEDIA_ROOT）"))
        parser.add_argument("--models-dir", help=_("分派模型恢复到哪个目录（默认 DATA_DIR/models）"))
        parser.add_argument(
            "--force", action="store_true", help=_("目标不空时也恢复（原库、原目录改名保留在旁）")
        )
        parser.add_argument(
            "--allow-broken-audit", action="store_true", help=_("审计链断开时仍然恢复（会在报告中警告）")
        )

    def handle(self, *args, archive, target, media_root, models_dir, force, allow_broken_audit, **options):
        from minsheng.ops.archive import file_trees

        trees = file_trees()
        if media_root:
            trees["media"] = Path(media_root)
        if models_dir:
            trees["models"] = Path(models_dir)
        try:
            report = restore_backup(
                path=Path(archive),
                target=target,
                trees=trees,
                force=force,
                allow_broken_audit=allow_broken_audit,
                progress=self.stdout.write,
            )
        except OpsError as e:
            raise CommandError(str(e)) from e
        manifest = report.manifest
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "恢复完成（用时 %(seconds).1f 秒）：备份时间 %(created)s\n"
                    "  数据库 %(target)s：%(tables)s 张表、%(rows)s 行，行数与校验和全部与清单一致\n"
                    "  审计日志：%(events)s 个事件，哈希链完整\n"
                    "  文件 %(files)s 个（%(bytes)s 字节），校验和一致"
                )
                % {
                    "seconds": report.seconds,
                    "created": manifest["created_at"],
                    "target": report.target,
                    "tables": report.tables,
                    "rows": report.rows,
                    "events": report.audit_events,
                    "files": report.files,
                    "bytes": report.file_bytes,
                }
            )
        )
        if report.kept_database:
            self.stdout.write(
                _("  原数据库保留为 %(name)s，确认无误后可删除。") % {"name": report.kept_database}
            )
        for tree, kept in report.kept_trees.items():
            self.stdout.write(_("  原目录（%(tree)s）保留为 %(path)s。") % {"tree": tree, "path": kept})
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(_("  注意：%(warning)s") % {"warning": warning}))
