"""``manage.py router evaluate|train``: measure the routing model on files, or train and publish one."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.textmine import router, router_store, sources
from minsheng.textmine.csvdata import DataError, read_pairs, stratified_split


class Command(BaseCommand):
    help = _("分类模型：在文件上评估（evaluate），或用已确认的分类训练并发布（train）")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ev = sub.add_parser("evaluate", help=_("在 CSV 文件上与基线对比评估，输出一行 JSON"))
        ev.add_argument("--train", help=_("训练集 CSV"))
        ev.add_argument("--test", help=_("测试集 CSV"))
        ev.add_argument("--data", help=_("单个 CSV，按 --split 分层留出测试集"))
        ev.add_argument("--split", type=float, default=0.2)
        ev.add_argument("--seed", type=int, default=0)
        ev.add_argument("--text-column", default="text")
        ev.add_argument("--label-column", default="label")
        tr = sub.add_parser("train", help=_("用数据库中已确认的分类和分派（或 CSV）训练并发布新模型"))
        tr.add_argument(
            "--target",
            choices=[*sources.TARGETS, "all"],
            default="all",
            help=_("预测对象：category（问题分类）、unit（责任单位）或 all"),
        )
        tr.add_argument("--from-csv", help=_("改用 CSV 文件训练（预测对象默认为 category）"))
        tr.add_argument("--text-column", default="text")
        tr.add_argument("--label-column", default="label")

    def handle(self, *args, action, **options):
        try:
            if action == "evaluate":
                self.stdout.write(json.dumps(self.evaluate(**options), ensure_ascii=False))
            else:
                self.train(**options)
        except (DataError, ValueError) as e:
            raise CommandError(str(e), returncode=2) from e

    def evaluate(self, *, train, test, data, split, seed, text_column, label_column, **_options):
        if data and (train or test):
            raise DataError(_("--data 不能与 --train/--test 同时使用"))
        if data:
            pairs = read_pairs(data, text_column, label_column)
            train_pairs, test_pairs = stratified_split(pairs, split, seed)
        elif train and test:
            train_pairs = read_pairs(train, text_column, label_column)
            test_pairs = read_pairs(test, text_column, label_column)
        else:
            raise DataError(_("请给出 --train 和 --test，或 --data"))
        result = router.evaluate(train_pairs, test_pairs)
        if data:
            result.update(split=split, seed=seed)
        return result

    def train(self, *, from_csv, target, text_column, label_column, **_options):
        if from_csv:
            name = sources.CATEGORY if target == "all" else target
            plan = [(name, read_pairs(from_csv, text_column, label_column))]
        else:
            targets = sources.TARGETS if target == "all" else (target,)
            plan = [(t, confirmed_routings(t)) for t in targets]
        for name, pairs in plan:
            if len({label for _text, label in pairs}) < 2:
                if target == "all" and not from_csv:
                    # A new office has routed nothing to units yet: train what can be trained.
                    self.stderr.write(_("跳过 %(target)s：已确认的类别不足两个") % {"target": name})
                    continue
            row = router_store.train_and_publish(
                pairs, now=timezone.now(), data_dir=settings.DATA_DIR, target=name
            )
            self.stdout.write(
                json.dumps(
                    {"target": name, "version": row.version, "trained_on": row.trained_on,
                     "labels": row.labels, "scores": row.scores, "path": row.path},
                    ensure_ascii=False,
                )
            )  # fmt: skip


def confirmed_routings(target: str) -> list[tuple[str, str]]:
    """(text, label) of every routing people confirmed, from every domain that registered a source."""
    return [pair for source in sources.registered() for pair in source.routings(target)]
