"""``manage.py rotate_keys``: re-encrypt personal data under the first key; add and retire keys.

rotate_keys --status          which key encrypts how many values, per field
rotate_keys --new-key         generate a key in front of secrets.json (embedded default only)
rotate_keys [--batch-size N]  re-encrypt everything not under the first key (resumable)
rotate_keys --retire FP       remove an old key once no value needs it
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from minsheng.ops import blind, keys
from minsheng.ops.errors import OpsError
from minsheng.people import crypto


class Command(BaseCommand):
    help = _("个人信息密钥轮换：加入新密钥、用新密钥重新加密全部加密字段（分批、可中断后续跑）、停用旧密钥。")

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--status", action="store_true", help=_("列出各密钥加密的值的个数"))
        group.add_argument(
            "--new-key", action="store_true", help=_("生成新密钥并放在最前面（仅限 secrets.json）")
        )
        group.add_argument("--retire", metavar="FINGERPRINT", help=_("停用指纹以此开头的旧密钥"))
        group.add_argument(
            "--blind-index",
            action="store_true",
            help=_("更换 MINSHENG_BLIND_INDEX_KEY 后重算全部盲索引（须先停止应用）"),
        )
        parser.add_argument("--batch-size", type=int, default=500, help=_("每个事务处理的行数（默认 500）"))

    def handle(self, *args, status, new_key, retire, blind_index, batch_size, **options):
        try:
            if status:
                self._status()
            elif new_key:
                fp = keys.add_new_key()
                self.stdout.write(
                    self.style.SUCCESS(
                        _(
                            "已生成新密钥（指纹 %(fp)s）并放在 secrets.json 的最前面。"
                            "请先重启全部进程（网站与后台任务），再运行 rotate_keys。"
                        )
                        % {"fp": fp}
                    )
                )
            elif blind_index:
                self._blind_index(batch_size)
            elif retire:
                done = keys.retire(prefix=retire)
                if done["stored"]:
                    message = _("已停用密钥 %(fp)s（已从 secrets.json 删除）。请重启全部进程。")
                else:
                    message = _(
                        "没有任何值再用密钥 %(fp)s 加密："
                        "请从环境变量 MINSHENG_PII_KEYS 中删除它并重启全部进程。"
                    )
                self.stdout.write(self.style.SUCCESS(message % {"fp": done["fingerprint"]}))
            else:
                self._rotate(batch_size)
        except OpsError as e:
            raise CommandError(str(e)) from e

    def _status(self):
        fps = crypto.pii_fingerprints()
        for position, fp in enumerate(fps):
            role = _("加密与解密") if position == 0 else _("仅解密")
            self.stdout.write(_("密钥 %(fp)s：%(role)s") % {"fp": fp[SHORT_SLICE], "role": role})
        for label, counts in keys.status().items():
            detail = "，".join(f"{fp} {n}" for fp, n in sorted(counts.items())) or _("无数据")
            self.stdout.write(f"  {label}: {detail}")

    def _blind_index(self, batch_size: int):
        fp = crypto.blind_index_fingerprint()[SHORT_SLICE]
        self.stdout.write(_("用盲索引密钥 %(fp)s 重算盲索引…") % {"fp": fp})
        report = blind.recompute(batch=batch_size, progress=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                _("完成：检查 %(rows)s 行，更新 %(changed)s 行。")
                % {"rows": report.rows, "changed": report.changed}
            )
        )
        if report.lost:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "%(count)s 个新就业群体从业人员登记的撤回码换密钥后已不能使用"
                        "（系统只存撤回码的盲索引，无法重算）。"
                    )
                    % {"count": report.lost}
                )
            )

    def _rotate(self, batch_size: int):
        if batch_size < 1:
            raise CommandError(_("--batch-size 至少为 1。"))
        current = crypto.pii_fingerprints()[0][SHORT_SLICE]
        self.stdout.write(_("用当前密钥 %(fp)s 重新加密…") % {"fp": current})
        report = keys.rotate_all(batch=batch_size, progress=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                _("完成：检查 %(scanned)s 个加密值，重新加密 %(rotated)s 个。")
                % {"scanned": report.scanned, "rotated": report.rotated}
            )
        )
        if report.unreadable:
            self.stdout.write(
                self.style.WARNING(
                    _("有 %(count)s 个值任何已配置的密钥都解不开，未作改动。") % {"count": report.unreadable}
                )
            )


SHORT_SLICE = slice(0, keys.SHORT)
