"""`manage.py generate_load --cases N`: synthetic case history for the scale benchmarks."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from minsheng.demo.load import generate


class Command(BaseCommand):
    help = "生成合成的历史信访件（十年、真实分布，PostgreSQL 用 COPY 写入），用于规模基准测试。"

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, required=True, help="要生成的信访件数")
        parser.add_argument("--persons", type=int, default=None, help="信访人数（默认为信访件数的四分之一）")
        parser.add_argument("--seed", type=int, default=1, help="随机种子")

    def handle(self, *args, cases, persons, seed, **options):
        if cases < 1:
            raise CommandError("--cases 须为正整数。")
        started = time.perf_counter()

        def progress(what: str, done: int, total: int) -> None:
            rate = done / max(time.perf_counter() - started, 1e-9)
            sys.stderr.write(f"\r{what}: {done:,}/{total:,}  {rate:,.0f}/s   ")
            sys.stderr.flush()

        report = generate(cases, seed=seed, persons=persons, progress=progress)
        sys.stderr.write("\n")
        self.stdout.write(
            f"{connection.vendor}: {report.cases:,} cases + {report.persons:,} persons in "
            f"{report.seconds:.1f} s ({report.rows_per_second:,.0f} rows/s; "
            f"{report.cases / report.seconds:,.0f} cases/s; index rebuild {report.index_seconds:.1f} s)"
        )
