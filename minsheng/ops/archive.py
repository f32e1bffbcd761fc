"""The backup archive: one ``.tar.gz`` holding the database copy, the file trees and ``manifest.json``.

Layout::

    database/db.sqlite3  or  database/db.pgdump   the database (SQLite copy / pg_dump custom format)
    files/media/...                               uploaded files (MEDIA_ROOT)
    files/models/...                              the trained routers (DATA_DIR/models)
    manifest.json                                 what is inside, with SHA-256 of every file

The archive is written under a temporary name and renamed when complete, so a file with the final
name is always whole.
"""

import hashlib
import io
import json
import os
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from minsheng.ops.errors import OpsError

FORMAT = "minsheng-backup"
VERSION = 1
MANIFEST = "manifest.json"
BUFFER = 1024 * 1024


def file_trees() -> dict[str, Path]:
    """The directories a backup carries, by name: uploads and the trained routers.

    Not carried: DATA_DIR/imports and DATA_DIR/pending (uploads waiting minutes for a confirmation),
    staticfiles (rebuilt by collectstatic) and secrets.json (keys are kept apart from backups).
    """
    return {"media": Path(settings.MEDIA_ROOT), "models": Path(settings.DATA_DIR) / "models"}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(BUFFER):
            digest.update(chunk)
    return digest.hexdigest()


class _Hashing:
    """A file object that hashes what tarfile reads from it: the file is read once, hash and copy agree."""

    def __init__(self, f):
        self.f, self.digest = f, hashlib.sha256()

    def read(self, size=-1):
        data = self.f.read(size)
        self.digest.update(data)
        return data


class Writer:
    """Adds members to a new archive; ``close()`` writes the manifest and gives the file its name."""

    def __init__(self, path: Path):
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        path.parent.mkdir(parents=True, exist_ok=True)
        # 0600 from the first byte: the archive holds personal data.
        self.file = os.fdopen(os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
        self.tar = tarfile.open(fileobj=self.file, mode="w:gz", compresslevel=3, format=tarfile.PAX_FORMAT)

    def add_file(self, source: Path, name: str) -> dict:
        """Add ``source`` as member ``name``; returns its size and SHA-256."""
        with open(source, "rb") as f:
            info = self.tar.gettarinfo(fileobj=f, arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            hashing = _Hashing(f)
            self.tar.addfile(info, hashing)
        return {"size": info.size, "sha256": hashing.digest.hexdigest()}

    def add_tree(self, root: Path, tree: str) -> list[dict]:
        """Every regular file under ``root`` as ``files/<tree>/<relative path>``, sorted by path."""
        entries = []
        if not root.is_dir():
            return entries
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            relative = path.relative_to(root).as_posix()
            added = self.add_file(path, f"files/{tree}/{relative}")
            entries.append({"tree": tree, "path": relative, **added})
        return entries

    def close(self, manifest: dict) -> None:
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode, info.mtime = len(data), 0o600, int(time.time())
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        self.tar.close()
        self.file.close()
        self.partial.unlink(missing_ok=True)


def extract(path: Path, into: Path) -> dict:
    """Unpack the archive into ``into`` (paths outside it are refused) and return its manifest."""
    if not path.is_file():
        raise OpsError(_("找不到备份文件：%(path)s") % {"path": path})
    try:
        with tarfile.open(path, "r:*") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as e:
        raise OpsError(_("备份文件无法读取（已损坏或不是民声备份）：%(error)s") % {"error": e}) from e
    try:
        manifest = json.loads((into / MANIFEST).read_text())
    except (OSError, ValueError) as e:
        raise OpsError(_("备份文件中没有可读的清单（manifest.json），不是完整的民声备份。")) from e
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise OpsError(
            _("备份格式不受支持：%(format)s 第 %(version)s 版（本程序读取第 %(expected)s 版）。")
            % {"format": manifest.get("format"), "version": manifest.get("version"), "expected": VERSION}
        )
    return manifest


def check_files(manifest: dict, root: Path) -> list[str]:
    """Compare every file of the unpacked archive with the manifest; returns the problems found."""
    problems = []
    expected = {manifest["database"]["file"]: manifest["database"]}
    expected.update({f"files/{e['tree']}/{e['path']}": e for e in manifest["files"]})
    for name, entry in expected.items():
        path = root / name
        if not path.is_file():
            problems.append(_("缺少文件 %(name)s") % {"name": name})
        elif path.stat().st_size != entry["size"] or sha256_file(path) != entry["sha256"]:
            problems.append(_("文件 %(name)s 的校验和与清单不符") % {"name": name})
    present = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    for name in sorted(present - set(expected) - {MANIFEST}):
        problems.append(_("清单中没有的文件 %(name)s") % {"name": name})
    return problems
