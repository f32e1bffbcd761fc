"""``restore_backup``: check the archive, restore into a new database, verify, then switch.

Order, so that a failure leaves the running system as it was:

1. unpack into a work directory and compare every file with the manifest (size and SHA-256);
2. refuse when the keys configured here are not those the data needs (fingerprints), when the engine
   differs, or when the target database or file trees are not empty (unless ``force``);
3. restore the database into a *new* database (SQLite: a new file beside the target; PostgreSQL: a new
   database ``<target>_restoring_<stamp>``) and compare every table's row count and checksum with the
   manifest, then verify the audit chain; on any mismatch the new database is dropped;
4. only then switch: the new database takes the target's name, the unpacked trees take the place of
   MEDIA_ROOT and DATA_DIR/models. What was there before is kept beside (``*.pre-restore-<stamp>``).
"""

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from minsheng.audit.chain import verify as verify_audit
from minsheng.ops import archive, engines
from minsheng.ops.checksums import table_checksums
from minsheng.ops.errors import OpsError
from minsheng.people import crypto


@dataclass
class RestoreReport:
    manifest: dict
    target: str
    kept_database: str | None = None
    kept_trees: dict = field(default_factory=dict)
    tables: int = 0
    rows: int = 0
    files: int = 0
    file_bytes: int = 0
    audit_events: int = 0
    warnings: list = field(default_factory=list)
    seconds: float = 0.0


def check_keys(manifest: dict) -> None:
    """Refuse when a key the backed-up data needs is not configured here (compared by fingerprint)."""
    reference = manifest["keys"]
    current = crypto.pii_fingerprints()
    missing = [fp for fp in reference["pii"] if fp not in current]
    if missing:
        raise OpsError(
            _(
                "密钥不符，拒绝恢复：备份中的个人信息由指纹为 %(missing)s 的密钥加密，当前配置的 "
                "MINSHENG_PII_KEYS 中没有它（当前指纹：%(current)s）。请先配置备份时使用的密钥"
                "（密钥与备份分开保管，见 docs/backup.md）。"
            )
            % {
                "missing": ", ".join(fp[:16] for fp in missing),
                "current": ", ".join(fp[:16] for fp in current),
            }
        )
    if reference["blind_index"] != crypto.blind_index_fingerprint():
        raise OpsError(
            _(
                "密钥不符，拒绝恢复：备份的盲索引密钥指纹为 %(backup)s，"
                "当前 MINSHENG_BLIND_INDEX_KEY 的指纹为 %(current)s。"
                "用错的盲索引密钥恢复后，按身份证号、电话、姓名都查不到人。"
            )
            % {"backup": reference["blind_index"][:16], "current": crypto.blind_index_fingerprint()[:16]}
        )


def compare_tables(expected: dict, actual: dict) -> list[str]:
    """Differences between the manifest's tables and the restored ones, one sentence each."""
    problems = []
    for table in sorted(set(expected) | set(actual)):
        if table not in actual:
            problems.append(_("表 %(table)s 没有恢复") % {"table": table})
        elif table not in expected:
            problems.append(_("表 %(table)s 不在清单中") % {"table": table})
        elif actual[table].rows != expected[table]["rows"]:
            problems.append(
                _("表 %(table)s 行数不符：清单 %(expected)s，恢复后 %(actual)s")
                % {"table": table, "expected": expected[table]["rows"], "actual": actual[table].rows}
            )
        elif actual[table].sha256 != expected[table]["sha256"]:
            problems.append(_("表 %(table)s 的校验和与清单不符") % {"table": table})
    return problems


def _has_files(root: Path) -> bool:
    return root.is_dir() and any(p.is_file() for p in root.rglob("*"))


def _verify_database(alias: str, manifest: dict, report: RestoreReport, allow_broken_audit: bool) -> None:
    actual = table_checksums(alias)
    problems = compare_tables(manifest["tables"], actual)
    if problems:
        raise OpsError(
            _("恢复后的数据与备份清单不符，已放弃本次恢复：%(problems)s") % {"problems": "；".join(problems)}
        )
    report.tables, report.rows = len(actual), sum(s.rows for s in actual.values())
    verdict = verify_audit(using=alias)
    if not verdict.ok:
        message = _("审计日志哈希链在第 %(id)s 号事件处断开（%(reason)s）：备份时的日志已被改动。") % {
            "id": verdict.first_bad_id,
            "reason": verdict.reason,
        }
        if not allow_broken_audit:
            raise OpsError(message + _("已放弃本次恢复；确需恢复请加 --allow-broken-audit。"))
        report.warnings.append(message)
    report.audit_events = verdict.checked
    executor = MigrationExecutor(connections[alias])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        report.warnings.append(_("备份早于当前程序版本：恢复后请运行 python manage.py migrate。"))


def _switch_tree(staged: Path, root: Path, stamp: str) -> Path | None:
    kept = None
    if root.exists():
        if _has_files(root):
            kept = root.with_name(f"{root.name}.pre-restore-{stamp}")
            os.replace(root, kept)
        else:
            shutil.rmtree(root)
    root.parent.mkdir(parents=True, exist_ok=True)
    if staged.is_dir():
        shutil.move(str(staged), str(root))
    else:
        root.mkdir()
    return kept


def _check_targets(manifest, kind, target, trees, force, using):
    """The target database (resolved) if it and the file trees may be written; refuses otherwise."""
    settings_name = connections[using].settings_dict["NAME"]
    if kind == "sqlite":
        target = Path(target or settings_name)
        empty = engines.sqlite_target_empty(target)
    else:
        target = str(target or settings_name)
        engines.pg_check_tools(using)
        empty = engines.pg_target_empty(target, using)
    if not empty and not force:
        raise OpsError(
            _("目标数据库 %(target)s 不是空的，未作改动。请恢复到空数据库，或加 --force（原库会保留在旁）。")
            % {"target": target}
        )
    for root in trees.values():
        if _has_files(Path(root)) and not force:
            raise OpsError(
                _("目录 %(root)s 不是空的，未作改动。请先清空，或加 --force（原目录会保留在旁）。")
                % {"root": root}
            )
    return target


def _restore_database(dump, kind, target, stamp, using, report, allow_broken_audit):
    """Restore into a new database, verify it, then put it in place; returns what was kept beside."""
    if kind == "sqlite":
        staged = target.with_name(f"{target.name}.restoring-{stamp}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dump, staged)
        try:
            with engines.alias_for(staged, base=using) as alias:
                _verify_database(alias, report.manifest, report, allow_broken_audit)
        except BaseException:
            for part in engines.sqlite_files(staged):
                part.unlink(missing_ok=True)
            raise
        connections[using].close()
        return engines.sqlite_switch(staged, target, stamp)
    staged = f"{target}_restoring_{stamp}"[:63]
    engines.pg_restore_new(dump, staged, using)
    try:
        with engines.alias_for(staged, base=using) as alias:
            _verify_database(alias, report.manifest, report, allow_broken_audit)
    except BaseException:
        engines.pg_drop(staged, using)
        raise
    return engines.pg_switch(staged, target, stamp, using)


def restore_backup(
    *,
    path: Path,
    target: str | Path | None = None,
    trees: dict[str, Path] | None = None,
    force: bool = False,
    allow_broken_audit: bool = False,
    using: str = "default",
    progress=None,
) -> RestoreReport:
    """Restore the archive at ``path`` into database ``target`` (default: the configured one).

    ``target`` is a file for SQLite and a database name for PostgreSQL; ``trees`` maps the archive's
    file trees to directories (default: MEDIA_ROOT and DATA_DIR/models).
    """
    say = progress or (lambda message: None)
    started = time.monotonic()
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    kind = engines.vendor(using)
    trees = trees or archive.file_trees()
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".minsheng-restore-", dir=settings.DATA_DIR))
    try:
        say(_("解开备份并逐个核对文件校验和…"))
        manifest = archive.extract(Path(path), work)
        problems = archive.check_files(manifest, work)
        if problems:
            raise OpsError(
                _("备份文件校验失败（已损坏或被改动），未恢复任何内容：%(problems)s")
                % {"problems": "；".join(problems[:10])}
            )
        if manifest["database"]["engine"] != kind:
            raise OpsError(
                _("这是 %(backup)s 数据库的备份，当前配置的是 %(current)s：不能跨数据库类型恢复。")
                % {"backup": manifest["database"]["engine"], "current": kind}
            )
        check_keys(manifest)
        target = _check_targets(manifest, kind, target, trees, force, using)
        report = RestoreReport(manifest=manifest, target=str(target))
        say(_("恢复数据库到新库并核对各表行数、校验和与审计链…"))
        kept = _restore_database(
            work / manifest["database"]["file"], kind, target, stamp, using, report, allow_broken_audit
        )
        report.kept_database = str(kept) if kept else None
        say(_("恢复上传文件…"))
        for tree, root in trees.items():
            kept_tree = _switch_tree(work / "files" / tree, Path(root), stamp)
            if kept_tree:
                report.kept_trees[tree] = str(kept_tree)
        report.files = len(manifest["files"])
        report.file_bytes = sum(e["size"] for e in manifest["files"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.seconds = time.monotonic() - started
    return report
