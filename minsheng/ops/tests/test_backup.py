"""Backup and restore round trip on the engine the tests run on (SQLite, or PostgreSQL by DATABASE_URL)."""

import json
import shutil
import tarfile
from datetime import UTC
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from minsheng.audit.chain import verify
from minsheng.ops import engines
from minsheng.ops.checksums import table_checksums
from minsheng.petitions.models import Attachment, Petition

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def target(tmp_path, request):
    """A database that does not exist yet: a new file on SQLite, a new database name on PostgreSQL."""
    if connection.vendor == "sqlite":
        yield str(tmp_path / "restored" / "minsheng.sqlite3")
        return
    missing = [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]
    if missing:
        message = f"PostgreSQL client tools not on PATH: {', '.join(missing)}"
        if request.config.minsheng_ci:
            pytest.fail(message)
        pytest.skip(message)
    name = f"{connection.settings_dict['NAME']}_rt"
    yield name
    for kept in engines._nodb_execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", params=[name + "%"]
    ):
        engines.pg_drop(kept[0])


def backup(tmp_path) -> Path:
    path = tmp_path / "backups" / "b.tar.gz"
    call_command("backup", str(path), stdout=open(tmp_path / "backup.log", "w"))
    return path


def restore(tmp_path, archive, target, *extra) -> str:
    out = tmp_path / "restore.log"
    with open(out, "w") as f:
        call_command(
            "restore",
            str(archive),
            "--target",
            target,
            "--media-root",
            str(tmp_path / "r" / "media"),
            "--models-dir",
            str(tmp_path / "r" / "models"),
            *extra,
            stdout=f,
        )
    return out.read_text()


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def rewrite(archive: Path, change) -> None:
    """Unpack, let ``change(dir)`` alter the contents, pack again (as someone tampering would)."""
    work = archive.parent / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    change(work)
    with tarfile.open(archive, "w:gz") as tar:
        for p in sorted(work.rglob("*")):
            if p.is_file():
                tar.add(p, arcname=p.relative_to(work).as_posix())


def test_it_restores_every_table_file_and_the_audit_chain_identically(data, tmp_path, target):
    archive = backup(tmp_path)
    report = restore(tmp_path, archive, target)

    assert "恢复完成" in report and "哈希链完整" in report
    with engines.alias_for(target) as alias:
        restored = table_checksums(alias)
        assert restored == table_checksums("default")
        assert verify(using=alias).ok
        assert Petition.objects.using(alias).count() == 2
        assert Attachment.objects.using(alias).count() == 2
    assert files_under(tmp_path / "r" / "media") == files_under(Path(settings.MEDIA_ROOT))
    assert files_under(tmp_path / "r" / "models") == {"router-category-1.joblib": b"trained router"}
    assert len(files_under(Path(settings.MEDIA_ROOT))) == 2


def test_it_records_key_fingerprints_and_never_the_keys(data, tmp_path):
    archive = backup(tmp_path)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
        contents = b"".join(tar.extractfile(m).read() for m in tar.getmembers() if m.isfile())
    assert all(not name.endswith("secrets.json") for name in names)
    for key in [*settings.MINSHENG_PII_KEYS, settings.MINSHENG_BLIND_INDEX_KEY]:
        assert key.encode() not in contents
    text = json.dumps(manifest)
    for key in [*settings.MINSHENG_PII_KEYS, settings.MINSHENG_BLIND_INDEX_KEY]:
        assert key not in text
    assert len(manifest["keys"]["pii"]) == len(settings.MINSHENG_PII_KEYS)
    assert manifest["tables"]["petitions_petition"]["rows"] == 2
    assert manifest["database"]["engine"] == connection.vendor
    assert {f["path"].rsplit(".", 1)[-1] for f in manifest["files"] if f["tree"] == "media"} == {"jpg", "pdf"}


def test_it_refuses_to_restore_with_other_keys(data, tmp_path, target, settings):
    archive = backup(tmp_path)
    settings.MINSHENG_PII_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="密钥不符"):
        restore(tmp_path, archive, target)
    assert not (tmp_path / "r" / "media").exists()


def test_it_refuses_with_another_blind_index_key(data, tmp_path, target, settings):
    archive = backup(tmp_path)
    settings.MINSHENG_BLIND_INDEX_KEY = "another-key"
    with pytest.raises(CommandError, match="盲索引"):
        restore(tmp_path, archive, target)


def test_it_refuses_an_archive_whose_files_were_changed(data, tmp_path, target):
    archive = backup(tmp_path)

    def swap_attachment(work):
        attachment = next(p for p in (work / "files" / "media").rglob("*.pdf"))
        attachment.write_bytes(b"%PDF-1.4 forged")

    rewrite(archive, swap_attachment)
    with pytest.raises(CommandError, match="校验失败"):
        restore(tmp_path, archive, target)
    assert (
        engines.sqlite_target_empty(Path(target))
        if connection.vendor == "sqlite"
        else not engines.pg_exists(target)
    )


def test_it_refuses_data_that_does_not_match_the_manifest_and_keeps_nothing(data, tmp_path, target):
    archive = backup(tmp_path)

    def forge_count(work):
        manifest = json.loads((work / "manifest.json").read_text())
        manifest["tables"]["petitions_petition"]["rows"] = 3
        (work / "manifest.json").write_text(json.dumps(manifest))

    rewrite(archive, forge_count)
    with pytest.raises(CommandError, match="petitions_petition 行数不符"):
        restore(tmp_path, archive, target)
    if connection.vendor == "sqlite":
        assert list(Path(target).parent.glob("*")) == []
    else:
        assert not engines._nodb_execute(
            "SELECT 1 FROM pg_database WHERE datname LIKE %s", params=[target + "%"]
        )
    assert not (tmp_path / "r" / "media").exists()


def test_it_restores_over_a_database_only_with_force_and_keeps_the_old_one(data, tmp_path, target):
    archive = backup(tmp_path)
    restore(tmp_path, archive, target)

    with pytest.raises(CommandError, match="不是空的"):
        restore(tmp_path, archive, target)
    report = restore(tmp_path, archive, target, "--force")

    assert "恢复完成" in report and "原数据库保留为" in report
    with engines.alias_for(target) as alias:
        assert table_checksums(alias) == table_checksums("default")


def test_it_renders_values_the_same_whichever_engine_read_them():
    from datetime import datetime, timedelta, timezone
    from decimal import Decimal

    from minsheng.ops.checksums import render

    instant = datetime(2026, 3, 11, 2, 0, tzinfo=UTC)
    assert render(instant) == render(instant.astimezone(timezone(timedelta(hours=8))))
    assert render(Decimal("12.50")) == render(Decimal("12.5")) == "12.5"
    assert render({"b": 1, "a": [2]}) == render({"a": [2], "b": 1})
