"""`manage.py demo_seed`: the project's own demo data; a second run only prints the logins again."""

import random
import time
from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.roles import Role
from minsheng.demo import data, world
from minsheng.demo.plan import plan_cases
from minsheng.demo.play import Player
from minsheng.orgs.models import Membership
from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.services import proposals
from minsheng.petitions.workflow import S

BASE_URL = "http://127.0.0.1:8000"
# Each domain beyond petitions adds its own demo data: a module with
# ``seed(demo, *, now, rng) -> list[str]`` (the lines to print), run in the seed's transaction.
DEMO_PARTS = (
    "minsheng.demo.receptions",
    "minsheng.suggestions.demo",
    "minsheng.hotline.demo",
    "minsheng.whistles.demo",
    "minsheng.api.open311.demo",
    "minsheng.registry.associations.demo",
    "minsheng.registry.twonew.demo",
    "minsheng.registry.newemployment.demo",
    "minsheng.volunteers.demo",
    "minsheng.volunteers.service.demo",
    "minsheng.talent.demo",
    "minsheng.accounts.demo",
    "minsheng.petitions.demo_retention",
    "minsheng.petitions.demo_batch",
    # Last: it counts what every part above made.
    "minsheng.insight.demo",
)


class Command(BaseCommand):
    help = "载入演示数据：虚构的省市区、单位、各角色账号和约300件各状态信访件（已载入时只打印登录信息）。"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="随机数种子（文本与时间线）")

    def handle(self, *args, seed: int, **options):
        password, new_password = world.demo_password()
        token = None
        if world.is_seeded():
            self.stdout.write(_("演示数据已存在，未作改动。"))
            if new_password:
                world.reset_passwords(password)
                self.stdout.write(_("未找到演示密码文件，已为演示账号生成新密码。"))
        else:
            token = self._seed(password, seed)
        self._print_logins(password, token)

    def _seed(self, password: str, seed: int) -> str:
        started = time.monotonic()
        rng = random.Random(seed)
        # One transaction: an interrupted seed leaves nothing half-made for the next run to skip.
        with transaction.atomic():
            demo = world.build(password)
            cases = plan_cases(demo, timezone.now(), rng)
            Player(demo, rng).play(cases)
            scan = services.scan_deadlines(now=timezone.now())
            token = world.issue_clerk_token(demo)
            part_lines = []
            for module in DEMO_PARTS:
                part_lines += import_module(module).seed(demo, now=timezone.now(), rng=rng)
        by_state = dict(Petition.objects.values_list("status").annotate(n=Count("pk")))
        self.stdout.write(
            _("已生成%(n)s件信访件（用时%(s).1f秒）；期限扫描：督办%(sup)s件，期满办结%(closed)s件。")
            % {
                "n": len(cases),
                "s": time.monotonic() - started,
                "sup": scan.supervised,
                "closed": scan.closed,
            }
        )
        self.stdout.write(
            "  " + "，".join(f"{S(state).label} {by_state.get(state, 0)}" for state in S.values)
        )
        for line in part_lines:
            self.stdout.write(line)
        for username in demo.kept_users:
            self.stdout.write(_("账号 %(u)s 在载入前已存在，其密码未更改。") % {"u": username})
        # Routers learnt from the demo's own categorized and routed cases; the cases still to be routed
        # then get their proposal (分类与派单建议), as they would have with a router in place.
        call_command("router", "train", stdout=self.stdout)
        n = proposals.petition_repropose_waiting()
        self.stdout.write(_("已为%(n)s件待转送/交办的信访件生成分派建议。") % {"n": n})
        return token

    @staticmethod
    def _where(username: str) -> str:
        """Units and roles, units with the same roles on one line: "东湖街道、西山街道·承办人/单位负责人"."""
        roles_by_unit: dict[str, list[str]] = {}
        for unit, role in Membership.objects.filter(user__username=username).values_list(
            "unit__short_name", "role"
        ):
            roles_by_unit.setdefault(unit, []).append(role)
        units_by_roles: dict[str, list[str]] = {}
        for unit, roles in roles_by_unit.items():
            labels = "/".join(str(r.label) for r in Role if r in roles)
            units_by_roles.setdefault(labels, []).append(unit)
        return "；".join(f"{'、'.join(units)}·{roles}" for roles, units in units_by_roles.items())

    def _print_logins(self, password: str, token: str | None) -> None:
        w = self.stdout.write
        w("")
        w(_("民声演示环境：%(url)s/") % {"url": BASE_URL})
        w(_("  工作人员登录：%(url)s/accounts/login/") % {"url": BASE_URL})
        w(_("  群众门户：    %(url)s/portal/") % {"url": BASE_URL})
        w(_("  管理后台：    %(url)s/admin/") % {"url": BASE_URL})
        w(_("  接口文档：    %(url)s/api/v1/docs") % {"url": BASE_URL})
        w("")
        w(_("演示账号（密码相同）："))
        for username, (display, what, _memberships, extra) in data.USERS.items():
            where = self._where(username)
            if not where or extra.get("is_superuser"):
                where = "；".join(filter(None, (where, str(what))))
            # CJK characters take two columns in a terminal.
            w(f"  {username:<10} {display}{' ' * (12 - 2 * len(display))}{where}")
        w("")
        w(_("密码：%(pw)s（保存在 %(path)s）") % {"pw": password, "path": world.password_path()})
        if token:
            w(_("登记员 clerk 的接口令牌（只显示这一次）：%(key)s") % {"key": token})
        else:
            w(_("接口令牌只在首次载入时显示；如需新令牌，请在管理后台签发。"))
        case = (
            Petition.objects.filter(account__username="citizen", status=S.ANSWERED)
            .order_by("-answered_at")
            .first()
        )
        if case:
            w(
                _("门户查询示例：%(url)s/portal/track/  信访件编号 %(number)s  查询码 %(code)s")
                % {"url": BASE_URL, "number": case.number, "code": services.query_code_of(case)}
            )
