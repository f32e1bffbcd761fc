"""`manage.py bench_world`: the smallest world the intake benchmark needs; prints a token as JSON.

A region, its petition bureau and a clerk with a fresh API token. Running it again reuses the
region, bureau and clerk and issues another token.
"""

import json

from django.core.management.base import BaseCommand
from django.db import transaction

from minsheng.accounts.models import ApiToken, User
from minsheng.accounts.roles import Role
from minsheng.orgs.models import Membership, Region, Unit

REGION_CODE = "999901"


class Command(BaseCommand):
    help = "为登记接口基准测试建立最小数据（一个区域、信访局、登记员和接口令牌），以JSON输出令牌。"

    @transaction.atomic
    def handle(self, *args, **options):
        region, _ = Region.objects.get_or_create(
            code=REGION_CODE, defaults={"name": "基准测试县", "level": Region.Level.COUNTY}
        )
        bureau, _ = Unit.objects.get_or_create(
            kind=Unit.Kind.PETITION_BUREAU, region=region, defaults={"name": "基准测试县信访局"}
        )
        clerk, created = User.objects.get_or_create(
            username="bench_clerk", defaults={"display_name": "基准测试"}
        )
        if created:
            clerk.set_unusable_password()
            clerk.save(update_fields=["password"])
        Membership.objects.get_or_create(user=clerk, unit=bureau, role=Role.CLERK)
        _token, key = ApiToken.issue(user=clerk, name="intake benchmark")
        self.stdout.write(json.dumps({"token": key, "region": region.code, "unit": bureau.pk}))
