"""``manage.py backup [PATH]``: database + uploaded files + key fingerprints + manifest, one archive."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from minsheng.ops.backup import create_backup
from minsheng.ops.errors import OpsError


class Command(BaseCommand):
    help = _("备份：数据库、上传文件、密钥指纹与清单，写成一个 .tar.gz 文件（密钥本身不在其中）。")

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help=_("备份文件路径或目录（默认 DATA_DIR/backups/minsheng-<时间>.tar.gz）"),
        )

    def handle(self, *args, path=None, **options):
        try:
            report = create_backup(path=path, progress=self.stdout.write)
        except OpsError as e:
            raise CommandError(str(e)) from e
        manifest = report.manifest
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "备份完成：%(path)s（%(size)s 字节，用时 %(seconds).1f 秒）\n"
                    "  数据库 %(engine)s：%(tables)s 张表，共 %(rows)s 行\n"
                    "  文件 %(files)s 个，共 %(bytes)s 字节\n"
                    "  个人信息密钥指纹 %(pii)s；盲索引密钥指纹 %(bi)s（恢复时必须配置这些密钥）"
                )
                % {
                    "path": report.path,
                    "size": report.size,
                    "seconds": report.seconds,
                    "engine": manifest["database"]["engine"],
                    "tables": len(manifest["tables"]),
                    "rows": rows,
                    "files": len(manifest["files"]),
                    "bytes": sum(f["size"] for f in manifest["files"]),
                    "pii": ", ".join(fp[:16] for fp in manifest["keys"]["pii"]),
                    "bi": manifest["keys"]["blind_index"][:16],
                }
            )
        )
