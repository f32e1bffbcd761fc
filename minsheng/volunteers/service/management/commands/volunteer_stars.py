"""``manage.py volunteer_stars recompute [--volunteer ID]``: approved minutes and stars from the records."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from minsheng.volunteers.service.services import stars


class Command(BaseCommand):
    help = _("按已认定的服务记录重新计算志愿者累计时长和星级")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["recompute"])
        parser.add_argument("--volunteer", type=int, help=_("只重算这一名志愿者（编号）"))

    def handle(self, *args, action, volunteer=None, **options):
        started = time.perf_counter()
        with transaction.atomic():
            if volunteer is not None:
                minutes, level = stars.recompute_one(volunteer)
                if minutes == 0 and level == 0:
                    from minsheng.volunteers.models import Volunteer

                    if not Volunteer.objects.filter(pk=volunteer).exists():
                        raise CommandError(f"no volunteer {volunteer}")
                self.stdout.write(f"volunteer {volunteer}: {minutes} min, {level} stars")
            else:
                changed = stars.recompute()
                self.stdout.write(f"{changed} volunteers changed")
        self.stdout.write(f"{time.perf_counter() - started:.3f} s")
