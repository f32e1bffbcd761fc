from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from minsheng.core.calendar_store import import_year, parse_notice_rows, read_notice_file
from minsheng.core.errors import InvalidInput


class Command(BaseCommand):
    help = (
        "Replace a year's official holiday arrangement with a State Council notice table "
        "(.csv or .xlsx with columns 日期, 类型, 名称; 类型 is 休/班 or holiday/workday)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--source",
            default="",
            help="the notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知 (default: that title)",
        )

    def handle(self, *args, file: Path, year: int, source: str, **options):
        try:
            content = file.read_bytes()
        except OSError as e:
            raise CommandError(f"cannot read {file}: {e.strerror}") from None
        source = source or f"国务院办公厅关于{year}年部分节假日安排的通知"
        try:
            rows = parse_notice_rows(read_notice_file(file.name, content), year=year)
            count = import_year(year=year, rows=rows, source=source)
        except InvalidInput as e:
            raise CommandError(str(e.message)) from None
        holidays = sum(1 for _d, kind, _n in rows if kind == "holiday")
        self.stdout.write(
            f"{year}: imported {count} days ({holidays} holidays, {count - holidays} make-up working days)"
        )
