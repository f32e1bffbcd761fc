"""`manage.py open311_key NAME [--centre CODE]`: issue an Open311 API key and print it (shown once)."""

from django.core.management.base import BaseCommand, CommandError

from minsheng.api.open311.keys import issue_key
from minsheng.core.errors import InvalidInput


class Command(BaseCommand):
    help = "签发Open311接口密钥（api_key）并打印；密钥只显示这一次，库中只存其哈希。"

    def add_arguments(self, parser):
        parser.add_argument("name", help="使用方名称，如“城市服务App”")
        parser.add_argument(
            "--centre", default="", help="接诉即办中心的名称或区划代码（只有一个中心时可省略）"
        )

    def handle(self, *args, name: str, centre: str, **options):
        try:
            self.stdout.write(issue_key(name=name, centre=centre))
        except InvalidInput as e:
            raise CommandError(str(e.message)) from None
