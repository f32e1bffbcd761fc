"""Bulk writers: COPY on PostgreSQL (psycopg 3), ``executemany`` in large transactions on SQLite.

Rows are dicts keyed by column name; every concrete column of the model gets a value (the model's
default when the row has none), so the writer never depends on database defaults.
"""

from collections.abc import Iterable

from django.db import connection, models, transaction


def columns_of(model: type[models.Model]) -> list[tuple[str, object]]:
    """``(column, value when missing)`` for every concrete column of ``model``."""
    out = []
    for f in model._meta.concrete_fields:
        if f.has_default():
            missing = f.get_default()
        elif f.null:
            missing = None
        elif isinstance(f, (models.CharField, models.TextField)):
            missing = ""
        else:
            missing = None
        out.append((f.column, missing))
    return out


class BulkWriter:
    """Writes rows of one table in batches; ``flush`` sends what is buffered."""

    def __init__(self, model: type[models.Model], *, batch: int = 20_000):
        self.table = model._meta.db_table
        self.columns = columns_of(model)
        self.batch = batch
        self.buffer: list[tuple] = []
        self.written = 0

    @property
    def columns(self) -> list[tuple[str, object]]:
        return self._columns

    @columns.setter
    def columns(self, value: list[tuple[str, object]]) -> None:
        self._columns = value
        self.names = [c for c, _ in value]
        self.missing = [m for _, m in value]

    def add(self, row: dict) -> None:
        # map() with two iterables calls row.get(column, missing) in C: the hot loop of a bulk load.
        self.buffer.append(tuple(map(row.get, self.names, self.missing)))
        if len(self.buffer) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        write_rows(self.table, [c for c, _ in self.columns], self.buffer)
        self.written += len(self.buffer)
        self.buffer = []


def write_rows(table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` as fast as the engine allows."""
    quote = connection.ops.quote_name
    cols = ", ".join(quote(c) for c in columns)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(table)} ({cols}) VALUES ({marks})", list(rows))


def next_id(model: type[models.Model]) -> int:
    """The first free primary key; the caller writes explicit keys from there and then ``sync_sequence``."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE(MAX(id), 0) + 1 FROM {connection.ops.quote_name(model._meta.db_table)}"
        )
        return cursor.fetchone()[0]


def sync_sequence(model: type[models.Model]) -> None:
    """After writing explicit keys, move PostgreSQL's id sequence past them (SQLite follows by itself)."""
    if connection.vendor != "postgresql":
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE((SELECT MAX(id) FROM {table}), 1))",
            [table],
        )


def analyze(*models_: type[models.Model]) -> None:
    """Fresh planner statistics for the tables just filled."""
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


class suspend_indexes:
    """Drop the secondary indexes of ``model``'s table (not those behind unique constraints) and its
    foreign keys, and build them again on exit (the keys checked in one pass); the time the rebuild
    took is left in the yielded dict under "seconds"."""

    def __init__(self, model: type[models.Model], *, enabled: bool = True, rebuild_on_error: bool = True):
        self.table = model._meta.db_table
        self.enabled = enabled and connection.vendor == "postgresql"
        # Inside a transaction that an error rolls back, the dropped indexes come back by themselves.
        self.rebuild_on_error = rebuild_on_error
        self.saved: list[tuple[str, str]] = []
        self.foreign_keys: list[tuple[str, str]] = []
        self.timing: dict[str, float] = {}

    def __enter__(self) -> dict[str, float]:
        if not self.enabled:
            return self.timing
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            # Foreign keys too: checking each row's references one by one costs more than the rows;
            # adding the constraint back checks them all in one join. Checks pending in this
            # transaction must run first: PostgreSQL alters no table that has some.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f'",
                [self.table],
            )
            self.foreign_keys = cursor.fetchall()
            for name, _definition in self.foreign_keys:
                cursor.execute(f"ALTER TABLE {quote(self.table)} DROP CONSTRAINT {quote(name)}")
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
                "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
                [self.table, self.table],
            )
            self.saved = cursor.fetchall()
            for name, _definition in self.saved:
                cursor.execute(f"DROP INDEX {quote(name)}")
        return self.timing

    def __exit__(self, *exc) -> None:
        if not (self.saved or self.foreign_keys) or (exc[0] is not None and not self.rebuild_on_error):
            return
        import time

        started = time.perf_counter()
        with connection.cursor() as cursor:
            # More memory per sort makes a 10M-row index build several times faster.
            cursor.execute("SET maintenance_work_mem = '512MB'")
            # Django's foreign keys are checked at commit; PostgreSQL builds no index on a table with
            # checks pending in the same transaction, so run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _name, definition in self.saved:
                cursor.execute(definition)
            quote = connection.ops.quote_name
            for name, definition in self.foreign_keys:
                cursor.execute(f"ALTER TABLE {quote(self.table)} ADD CONSTRAINT {quote(name)} {definition}")
        self.timing["seconds"] = time.perf_counter() - started
