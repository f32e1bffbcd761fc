"""Per-table row counts and checksums, computed the same way on SQLite and PostgreSQL.

Rows are read in primary-key order through the models (so the values are Python values after the
engine's own conversions), each row is rendered as canonical JSON text and the lines are hashed with
SHA-256. Tables that no model describes (``django_migrations`` and the like) are read with a raw cursor,
ordered by every column. The backup manifest and the restore check both call ``table_checksums``.
"""

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.apps import apps
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

CHUNK = 2000


@dataclass(frozen=True)
class TableSum:
    rows: int
    sha256: str

    def as_dict(self) -> dict:
        return {"rows": self.rows, "sha256": self.sha256}


def render(value):
    """A value as canonical JSON-able data: equal values give equal text whichever engine read them."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        # SQLite gives naive UTC or aware UTC, PostgreSQL aware in the session's zone: compare in UTC.
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return repr(value.total_seconds())
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return str(value)


def _line(row) -> bytes:
    text = json.dumps([render(v) for v in row], ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode() + b"\n"


def _models_by_table() -> dict:
    found = {MigrationRecorder.Migration._meta.db_table: MigrationRecorder.Migration}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        found.setdefault(meta.db_table, model)
    return found


def _model_sum(model, using: str) -> TableSum:
    names = [f.attname for f in model._meta.concrete_fields]
    digest, rows = hashlib.sha256(), 0
    query = model._base_manager.using(using).order_by("pk").values_list(*names)
    for row in query.iterator(chunk_size=CHUNK):
        digest.update(_line(row))
        rows += 1
    return TableSum(rows, digest.hexdigest())


def _raw_sum(table: str, using: str) -> TableSum:
    connection = connections[using]
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
        order = ", ".join(connection.ops.quote_name(c) for c in columns)
        cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")
        digest, rows = hashlib.sha256(), 0
        while batch := cursor.fetchmany(CHUNK):
            for row in batch:
                digest.update(_line(row))
                rows += 1
    return TableSum(rows, digest.hexdigest())


def table_names(using: str = "default") -> list[str]:
    """Every table of the database (no views, no engine-internal tables), sorted."""
    connection = connections[using]
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def table_checksums(using: str = "default") -> dict[str, TableSum]:
    """Row count and SHA-256 of every table of database ``using``, by table name."""
    models = _models_by_table()
    connection = connections[using]
    result = {}
    for table in table_names(using):
        model = models.get(table)
        if model is not None:
            with connection.cursor() as cursor:
                columns = {c.name for c in connection.introspection.get_table_description(cursor, table)}
            # A model ahead of (or behind) its migrations cannot read the table: read it raw instead.
            if columns != {f.column for f in model._meta.concrete_fields}:
                model = None
        result[table] = _model_sum(model, using) if model is not None else _raw_sum(table, using)
    return result
