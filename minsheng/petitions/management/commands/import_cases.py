"""`manage.py import_cases FILE`: historical cases from CSV or Excel, checked row by row."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from minsheng.core.errors import InvalidInput
from minsheng.petitions.imports import COLUMNS, import_cases, write_errors_csv


class Command(BaseCommand):
    help = (
        "导入历史信访件（CSV 或 Excel）。列：" + "、".join(COLUMNS) + "。"
        "默认只检查（--commit 才写入）；有错误的行全部列出，除非 --partial，否则一行都不导入；"
        "已存在的编号跳过（可重复导入）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=".csv（UTF-8 或 GBK）或 .xlsx")
        parser.add_argument("--commit", action="store_true", help="写入数据库（默认只检查，不写入）")
        parser.add_argument("--partial", action="store_true", help="有错误时仍导入正确的行")
        parser.add_argument("--errors", help="把错误行写入该 CSV 文件")
        parser.add_argument(
            "--rebuild-indexes",
            action="store_true",
            help="（PostgreSQL）导入期间删除并在结束时重建信访件表的索引：大批量导入快得多，但导入期间锁表，仅用于迁移窗口",
        )
        parser.add_argument("--quiet-progress", action="store_true", help="不显示进度")

    def handle(self, *args, file, commit, partial, errors, quiet_progress, rebuild_indexes, **options):
        started = time.perf_counter()

        def progress(rows: int) -> None:
            rate = rows / max(time.perf_counter() - started, 1e-9)
            sys.stderr.write(f"\r已读取 {rows:,} 行  {rate:,.0f} 行/秒   ")
            sys.stderr.flush()

        try:
            report = import_cases(
                file, dry_run=not commit, partial=partial, now=timezone.now(),
                progress=None if quiet_progress else progress, rebuild_indexes=rebuild_indexes,
            )  # fmt: skip
        except (InvalidInput, OSError) as e:
            raise CommandError(str(getattr(e, "message", e))) from None
        if not quiet_progress:
            sys.stderr.write("\n")
        seconds = time.perf_counter() - started
        for e in report.errors[:50]:
            self.stdout.write(f"第{e.row}行 {e.column}：{e.message}")
        if len(report.errors) > 50:
            self.stdout.write(f"……另有{len(report.errors) - 50}个错误")
        if errors:
            with open(errors, "w", encoding="utf-8-sig", newline="") as out:
                write_errors_csv(report, out)
        mode = "检查" if not commit else "导入"
        self.stdout.write(
            f"{mode}完成：读取{report.rows}行，正确{report.valid}行，错误{len(report.errors)}个，"
            f"写入{report.saved}行；用时{seconds:.2f}秒（{report.rows / max(seconds, 1e-9):,.0f} 行/秒）。"
        )
        if commit and report.errors and not partial:
            self.stdout.write("因有错误未写入任何数据；改正后重新导入，或加 --partial 只导入正确的行。")
        if report.errors:
            sys.exit(1)
