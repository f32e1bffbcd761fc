"""Copying a database out and in: SQLite with its backup API, PostgreSQL with pg_dump / pg_restore.

Restores always go into a *new* database (a new file, a new database name) that is checked before it
takes the place of the old one, so a failed restore leaves the running database untouched.
"""

import copy
import os
import re
import shutil
import sqlite3
import subprocess
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.db import connections, transaction
from django.db.utils import load_backend
from django.utils.translation import gettext as _

from minsheng.ops.errors import OpsError


def vendor(using: str = "default") -> str:
    """``sqlite`` or ``postgresql``; anything else is refused."""
    name = connections[using].vendor
    if name not in ("sqlite", "postgresql"):
        message = _("不支持的数据库类型：%(vendor)s（只支持 SQLite 和 PostgreSQL）。")
        raise OpsError(message % {"vendor": name})
    return name


@contextmanager
def alias_for(name, base: str = "default"):
    """A temporary connection alias to database ``name`` (a file for SQLite), configured like ``base``.

    The connection is made directly rather than added to settings.DATABASES: it lives only as long
    as this block and never becomes a database Django (or its test runner) manages.
    """
    alias = f"ops_{uuid.uuid4().hex[:10]}"
    settings_dict = copy.deepcopy(connections[base].settings_dict)
    settings_dict["NAME"] = str(name)
    connection = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias)
    connections[alias] = connection
    try:
        yield alias
    finally:
        connection.close()
        del connections[alias]


def is_empty(using: str) -> bool:
    """No table at all (a fresh database, before ``migrate``)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


# -- SQLite ------------------------------------------------------------------------------------


def sqlite_snapshot(dest: Path, using: str = "default") -> None:
    """A consistent copy of the live database, page by page, while the application keeps writing."""
    connection = connections[using]
    connection.ensure_connection()
    target = sqlite3.connect(dest)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def sqlite_files(path: Path) -> list[Path]:
    """The database file and its WAL companions (they belong together)."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def sqlite_switch(staged: Path, target: Path, stamp: str) -> Path | None:
    """Put ``staged`` in place of ``target``; an existing target is kept beside as ``*.pre-restore-STAMP``."""
    kept = None
    if target.exists():
        kept = target.with_name(f"{target.name}.pre-restore-{stamp}")
        for part, new in zip(sqlite_files(target), sqlite_files(kept), strict=True):
            if part.exists():
                os.replace(part, new)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, target)
    return kept


def sqlite_target_empty(target: Path) -> bool:
    if not target.exists() or target.stat().st_size == 0:
        return True
    with alias_for(target) as alias:
        return is_empty(alias)


# -- PostgreSQL --------------------------------------------------------------------------------


def _pg_env(settings_dict: dict) -> dict:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    options = settings_dict.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = options["sslmode"]
    return env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise OpsError(
            _(
                "找不到 %(tool)s：PostgreSQL 的备份与恢复需要与服务器同一大版本的客户端工具"
                "（Debian/Ubuntu：postgresql-client-<版本>），装好后放在 PATH 中再试。"
            )
            % {"tool": name}
        )
    return path


def _tool_major(path: str) -> int:
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    found = re.search(r"(\d+)(?:\.\d+)?", out)
    return int(found.group(1)) if found else 0


def pg_check_tools(using: str = "default") -> dict:
    """pg_dump and pg_restore found and not older than the server (they refuse a newer server)."""
    server = connections[using].pg_version // 10000
    found = {}
    for name in ("pg_dump", "pg_restore"):
        path = _tool(name)
        major = _tool_major(path)
        if major < server:
            raise OpsError(
                _(
                    "%(tool)s 的版本（%(client)s）低于数据库服务器（%(server)s），"
                    "请安装 %(server)s 版的客户端工具。"
                )
                % {"tool": name, "client": major, "server": server}
            )
        found[name] = path
    return {"server_major": server, **found}


def pg_dump(dest: Path, using: str, on_snapshot) -> object:
    """Dump database ``using`` (custom format) and call ``on_snapshot(alias)`` on the very same snapshot.

    A REPEATABLE READ transaction exports its snapshot; pg_dump reads that snapshot and the checksums
    are computed inside the transaction, so dump and manifest describe the same instant.
    """
    tools = pg_check_tools(using)
    base = connections[using].settings_dict
    with alias_for(base["NAME"], base=using) as alias:
        connection = connections[alias]
        connection.ensure_connection()
        with transaction.atomic(using=alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            command = [
                tools["pg_dump"],
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={dest}",
                f"--dbname={base['NAME']}",
            ]
            _run(command, _pg_env(base))
            return on_snapshot(alias)


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise OpsError(
            _("%(tool)s 失败（退出码 %(code)s）：%(error)s")
            % {"tool": Path(command[0]).name, "code": done.returncode, "error": done.stderr.strip()[-2000:]}
        )


def _nodb_execute(sql: str, using: str = "default", params=None):
    with connections[using]._nodb_cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else None


def pg_exists(name: str, using: str = "default") -> bool:
    return bool(_nodb_execute("SELECT 1 FROM pg_database WHERE datname = %s", using, [name]))


def pg_target_empty(name: str, using: str = "default") -> bool:
    if not pg_exists(name, using):
        return True
    with alias_for(name, base=using) as alias:
        return is_empty(alias)


def pg_restore_new(dump: Path, name: str, using: str = "default") -> None:
    """Create database ``name`` (must not exist) and restore the dump into it."""
    tools = pg_check_tools(using)
    quote = connections[using].ops.quote_name
    _nodb_execute(f"CREATE DATABASE {quote(name)}", using)
    try:
        base = connections[using].settings_dict
        command = [
            tools["pg_restore"],
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",  # one commit instead of one per object: about twice as fast
            f"--dbname={name}",
            str(dump),
        ]
        _run(command, _pg_env(base))
    except BaseException:
        pg_drop(name, using)
        raise


def pg_drop(name: str, using: str = "default") -> None:
    quote = connections[using].ops.quote_name
    _nodb_execute(f"DROP DATABASE IF EXISTS {quote(name)} WITH (FORCE)", using)


def pg_switch(staged: str, target: str, stamp: str, using: str = "default") -> str | None:
    """Rename ``staged`` to ``target``; an existing target is kept as ``<target>_pre_restore_<stamp>``.

    Renaming needs the databases free of sessions: other sessions on the target are ended (the
    application must be stopped for a restore, see docs/backup.md).
    """
    quote = connections[using].ops.quote_name
    kept = None
    for conn in connections.all(initialized_only=True):
        if conn.settings_dict.get("NAME") == target:
            conn.close()
    if pg_exists(target, using):
        kept = f"{target}_pre_restore_{stamp}"[:63]
        _nodb_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            using,
            [target],
        )
        _nodb_execute(f"ALTER DATABASE {quote(target)} RENAME TO {quote(kept)}", using)
    _nodb_execute(f"ALTER DATABASE {quote(staged)} RENAME TO {quote(target)}", using)
    return kept
