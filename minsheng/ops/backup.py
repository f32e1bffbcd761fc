"""``create_backup``: database copy + file trees + key fingerprints + manifest, in one archive."""

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import django
from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from minsheng.ops import archive, engines
from minsheng.ops.checksums import table_checksums
from minsheng.people import crypto


@dataclass(frozen=True)
class BackupReport:
    path: Path
    manifest: dict
    seconds: float

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def default_path(now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"minsheng-{stamp}.tar.gz"


def key_reference() -> dict:
    """Fingerprints of the keys the data needs: never the keys themselves."""
    return {
        "algorithm": "sha256('minsheng-key:' + key)",
        "pii": crypto.pii_fingerprints(),
        "blind_index": crypto.blind_index_fingerprint(),
    }


def _migrations(using: str) -> dict[str, str]:
    """The newest applied migration of each app, to tell a restore which code the data expects."""
    newest = {}
    rows = MigrationRecorder.Migration.objects.using(using).order_by("id").values_list("app", "name")
    for app, name in rows:
        newest[app] = name
    return newest


def _database_facts(using: str) -> dict:
    checks = table_checksums(using)
    return {
        "tables": {name: s.as_dict() for name, s in checks.items()},
        "migrations": _migrations(using),
    }


def create_backup(*, path: Path | None = None, using: str = "default", progress=None) -> BackupReport:
    """Write a backup archive of database ``using`` and the file trees to ``path``.

    The table checksums are computed on the copy itself (SQLite) or on pg_dump's snapshot (PostgreSQL),
    so the manifest describes exactly what was dumped even while the application keeps writing.
    """
    say = progress or (lambda message: None)
    started = time.monotonic()
    as_dir = bool(path) and (str(path).endswith(os.sep) or Path(path).is_dir())
    path = Path(path) if path else default_path()
    if as_dir:
        path = path / default_path().name
    kind = engines.vendor(using)
    if kind == "postgresql":
        engines.pg_check_tools(using)  # refuse before writing anything
    path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".minsheng-backup-", dir=path.parent))
    writer = None
    try:
        if kind == "sqlite":
            dump = work / "db.sqlite3"
            say(_("复制 SQLite 数据库（在线备份接口）…"))
            engines.sqlite_snapshot(dump, using)
            with engines.alias_for(dump, base=using) as alias:
                say(_("计算各表行数与校验和…"))
                facts = _database_facts(alias)
            member = "database/db.sqlite3"
            server = connections[using].Database.sqlite_version
        else:
            dump = work / "db.pgdump"
            say(_("导出 PostgreSQL 数据库（pg_dump，自定义格式）并计算各表校验和…"))
            facts = engines.pg_dump(dump, using, _database_facts)
            member = "database/db.pgdump"
            server = str(connections[using].pg_version)
        writer = archive.Writer(path)
        say(_("写入备份文件 %(path)s …") % {"path": path})
        database = {"engine": kind, "server_version": server, "file": member, **writer.add_file(dump, member)}
        files = []
        for tree, root in archive.file_trees().items():
            files += writer.add_tree(root, tree)
        manifest = {
            "format": archive.FORMAT,
            "version": archive.VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "django": django.get_version(),
            "database": {**database, "migrations": facts["migrations"]},
            "tables": facts["tables"],
            "files": files,
            "keys": key_reference(),
        }
        writer.close(manifest)
        writer = None
    finally:
        if writer is not None:
            writer.abort()
        shutil.rmtree(work, ignore_errors=True)
    return BackupReport(path, manifest, time.monotonic() - started)
