"""Persistent near-duplicate index: earlier records whose text is nearly the same as a new one.

Two tables (``NearDupRecord``: one 128-byte MinHash signature a record; ``NearDupBucket``: 8 LSH
bucket keys a record) live in the main database, so the index changes in the transaction that
writes the record, survives restarts and needs no record in memory. A lookup is one indexed query
(``bucket IN (8 keys)`` joined to the candidates' signatures) and a numpy comparison; see
``minhash`` for the arithmetic and ``bench/neardup.py`` for measured speed, size and recall.

``similarity`` is the estimated share of the shorter text's 3-character shingles that occur in the
other text (overlap coefficient, not Jaccard): a copy with an added paragraph or greeting scores like
a copy. A copy with 2% of its characters edited scores about 0.95, a heavily rewritten one (20%)
about 0.6, unrelated petitions on the same subject 0.05–0.3. Texts shorter than 10 characters after
clean-up match only identical texts (1.0).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

import numpy as np
from django.db import connection, transaction
from django.db.models import Count

from minsheng.textmine import minhash
from minsheng.textmine.minhash import Sketch
from minsheng.textmine.models import NearDupBucket, NearDupRecord

# Overlap. The LSH bands bring a same-length pair to the scoring step with probability 0.5 at 0.7
# and 0.99 at 0.9 (a 2% edited copy is at ~0.95: 0.9993).
DEFAULT_THRESHOLD = 0.7
_PARAMS = 500  # ids a query: well under SQLite's bound-parameter limit
_BUCKET_ROWS = _PARAMS // 2  # (bucket, record id) rows an insert
# Two plain index lookups, the buckets' record ids and then their signatures, rather than one join:
# neither SQLite nor PostgreSQL can plan them badly. Joined, PostgreSQL chose to hash every signature
# of the domain whenever its statistics were older than the table's growth (any new deployment, or
# an intake benchmark: 1 ms a lookup at 2,000 cases, growing with them); SQLite needed a CROSS JOIN.
# A text copied by thousands (a campaign letter) fills its buckets; scoring every copy on each lookup
# would grow without bound, and any few thousand of them show the matter as well as all of them.
MAX_CANDIDATE_ROWS = 1000  # a record matching in all 8 bands counts 8 times
_CANDIDATES_SQL = (
    f"SELECT record_id FROM {NearDupBucket._meta.db_table} WHERE bucket IN (%s) LIMIT {MAX_CANDIDATE_ROWS}"
)
_SIGNATURES_SQL = (
    f"SELECT record_id, size, signature FROM {NearDupRecord._meta.db_table}"
    " WHERE domain = %%s AND record_id IN (%s)"
)


@dataclass(frozen=True)
class Match:
    record_id: int
    similarity: float  # estimated overlap of shingle sets, 0–1 (see the module docstring)


def index(domain: str, record_id: int, text: str, *, new: bool = False) -> None:
    """Add or replace a record's entry (an empty text only removes it). ``new``: the record was just
    created, so there is nothing to replace (saves a read and a savepoint on every registration).

    Call it inside the transaction that writes the record: the index then changes exactly when the
    record commits.
    """
    sk = minhash.sketch(text)
    if new:
        if sk is not None:
            _insert(domain, record_id, sk)
        return
    with transaction.atomic():
        remove(domain, record_id)
        if sk is not None:
            _insert(domain, record_id, sk)


def index_new(domain: str, records: list[tuple[int, str]]) -> None:
    """``index(..., new=True)`` for many (record id, text) pairs at once: two inserts in all."""
    sketches = [(record_id, minhash.sketch(text)) for record_id, text in records]
    _insert_many(domain, [(record_id, sk) for record_id, sk in sketches if sk is not None])


def _insert(domain: str, record_id: int, sk: Sketch) -> None:
    _insert_many(domain, [(record_id, sk)])


def _insert_many(domain: str, sketches: list[tuple[int, Sketch]]) -> None:
    NearDupRecord.objects.bulk_create(
        NearDupRecord(domain=domain, record_id=record_id, size=sk.size, signature=sk.signature)
        for record_id, sk in sketches
    )
    rows = [(key, record_id) for record_id, sk in sketches for key in minhash.bucket_keys(domain, sk)]
    if not rows:
        return
    # Two integers a row, a row for every band of every record: the ORM's per-value preparation
    # cost more than the insert, so the values go to the database as they are.
    table = connection.ops.quote_name(NearDupBucket._meta.db_table)
    with connection.cursor() as cursor:
        for chunk in batched(rows, _BUCKET_ROWS):
            values = ", ".join(["(%s, %s)"] * len(chunk))
            cursor.execute(f"INSERT INTO {table} (bucket, record_id) VALUES {values}", list(chain(*chunk)))


def remove(domain: str, record_id: int) -> None:
    """Remove a record's entry; nothing happens if it has none."""
    row = NearDupRecord.objects.filter(domain=domain, record_id=record_id).values_list("size", "signature")
    for size, signature in row:
        keys = minhash.bucket_keys(domain, Sketch(size, bytes(signature)))
        NearDupBucket.objects.filter(bucket__in=keys, record_id=record_id).delete()
        NearDupRecord.objects.filter(domain=domain, record_id=record_id).delete()


def similar(
    domain: str,
    text: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 20,
    exclude: Iterable[int] = (),
) -> list[Match]:
    """Indexed records of ``domain`` whose similarity to ``text`` is at least ``threshold``, best
    first (ties: older record id first), at most ``limit``."""
    sk = minhash.sketch(text)
    if sk is None:
        return []
    keys = minhash.bucket_keys(domain, sk)
    skip = set(exclude)
    # Raw SQL: the ORM's query building cost more than these two index lookups.
    with connection.cursor() as cursor:
        cursor.execute(_CANDIDATES_SQL % _placeholders(keys), keys)
        ids = list(dict.fromkeys(record_id for (record_id,) in cursor.fetchall() if record_id not in skip))
    if not ids:  # a new matter, the common case: one lookup only
        return []
    scores = _scores(sk, _rows(domain, ids))
    found = sorted(
        (Match(record_id, score) for record_id, score in scores.items() if score >= threshold),
        key=lambda m: (-m.similarity, m.record_id),
    )
    return found[:limit]


def _placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def similarity_to(domain: str, text: str, record_ids: Iterable[int]) -> dict[int, float]:
    """Similarity of ``text`` to each given record, from the stored signatures (no LSH, no threshold).

    Every requested id is in the result; a record without an entry (not indexed, or empty) scores 0.
    """
    wanted = list(dict.fromkeys(record_ids))
    result = dict.fromkeys(wanted, 0.0)
    sk = minhash.sketch(text)
    if sk is None or not wanted:
        return result
    result.update(_scores(sk, _rows(domain, wanted)))
    return result


def _rows(domain: str, record_ids: Iterable[int]) -> list[tuple[int, int, bytes]]:
    """(record id, size, signature) of those of the records that are indexed."""
    rows = []
    with connection.cursor() as cursor:
        for chunk in batched(record_ids, _PARAMS):
            cursor.execute(_SIGNATURES_SQL % _placeholders(chunk), [domain, *chunk])
            rows += cursor.fetchall()
    return rows


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last one shorter); itertools.batched needs Python 3.12."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _scores(sk: Sketch, rows: list[tuple[int, int, bytes]]) -> dict[int, float]:
    if sk.size == 0:  # a short text: identical or nothing
        return {rid: float(size == 0 and bytes(sig) == sk.signature) for rid, size, sig in rows}
    scores = {rid: 0.0 for rid, size, _sig in rows if size == 0}
    long_rows = [row for row in rows if row[1] > 0]
    if long_rows:
        sigs = np.frombuffer(b"".join(bytes(row[2]) for row in long_rows), dtype=np.uint8)
        sigs = sigs.reshape(len(long_rows), minhash.SIGNATURE_BYTES)
        sizes = np.array([row[1] for row in long_rows])
        jac = minhash.jaccard(np.frombuffer(sk.signature, dtype=np.uint8), sigs)
        overlap = minhash.overlap(jac, sk.size, sizes)
        scores.update((row[0], round(float(s), 4)) for row, s in zip(long_rows, overlap, strict=True))
    return scores


def rebuild(domain: str, records: Iterable[tuple[int, str]], *, batch: int = 5000) -> int:
    """Drop and re-create the index of ``domain`` from (record id, text) pairs with unique ids.

    One transaction (lookups see the old index until it commits), bulk inserts, ``batch`` texts in
    memory at a time. Returns the number of records indexed (empty texts are not).
    """
    count = 0
    with transaction.atomic():
        _drop(domain)
        for chunk in batched(records, batch):
            ids = [record_id for record_id, _text in chunk]
            sketched = [
                (rid, sk)
                for rid, sk in zip(ids, minhash.sketches([t for _rid, t in chunk]), strict=True)
                if sk is not None
            ]
            _bulk_insert(domain, sketched)
            count += len(sketched)
        if connection.vendor == "postgresql":
            # Fresh statistics now rather than at autovacuum's leisure: the planner should keep
            # using the bucket index after a million rows arrived at once.
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {NearDupRecord._meta.db_table}, {NearDupBucket._meta.db_table}")
    return count


def _drop(domain: str) -> None:
    bucket_table = NearDupBucket._meta.db_table
    with connection.cursor() as cursor:
        if not NearDupRecord.objects.exclude(domain=domain).exists():
            cursor.execute(f"DELETE FROM {bucket_table}")  # the only domain: no need to find its keys
        else:
            # Bucket rows carry no domain: recompute each record's keys from its stored signature.
            rows = NearDupRecord.objects.filter(domain=domain).values_list("record_id", "size", "signature")
            for chunk in batched(rows.iterator(chunk_size=5000), 5000):
                pairs = [
                    (key, rid)
                    for rid, size, sig in chunk
                    for key in minhash.bucket_keys(domain, Sketch(size, bytes(sig)))
                ]
                cursor.executemany(f"DELETE FROM {bucket_table} WHERE bucket = %s AND record_id = %s", pairs)
    NearDupRecord.objects.filter(domain=domain).delete()


def _bucket_rows(domain: str, sketched: list[tuple[int, Sketch]]) -> tuple[np.ndarray, np.ndarray]:
    """(keys, record ids) of every bucket row of the sketches, as two int64 arrays."""
    long_ = [(rid, sk) for rid, sk in sketched if sk.size > 0]
    keys, ids = [], []
    if long_:
        sigs = np.frombuffer(b"".join(sk.signature for _rid, sk in long_), dtype=np.uint8)
        band_keys = minhash.band_keys(domain, sigs.reshape(len(long_), minhash.SIGNATURE_BYTES))
        keys.append(band_keys.ravel())
        ids.append(np.repeat(np.array([rid for rid, _sk in long_], dtype=np.int64), minhash.BANDS))
    short = [(rid, sk) for rid, sk in sketched if sk.size == 0]
    if short:
        keys.append(np.array([minhash.exact_key(domain, sk.signature) for _rid, sk in short], dtype=np.int64))
        ids.append(np.array([rid for rid, _sk in short], dtype=np.int64))
    if not keys:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    keys_, ids_ = np.concatenate(keys), np.concatenate(ids)
    order = np.argsort(keys_, kind="stable")  # sorted inserts touch fewer index pages
    return keys_[order], ids_[order]


def _bulk_insert(domain: str, sketched: list[tuple[int, Sketch]]) -> None:
    if not sketched:
        return
    keys, ids = _bucket_rows(domain, sketched)
    record_table, bucket_table = NearDupRecord._meta.db_table, NearDupBucket._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg 3: COPY is several times faster than INSERT
            with raw.copy(f"COPY {record_table} (domain, record_id, size, signature) FROM STDIN") as copy:
                for rid, sk in sketched:
                    copy.write_row((domain, rid, sk.size, sk.signature))
            with raw.copy(f"COPY {bucket_table} (bucket, record_id) FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(_binary_copy(keys, ids))
        else:
            cursor.executemany(
                f"INSERT INTO {record_table} (domain, record_id, size, signature) VALUES (%s, %s, %s, %s)",
                [(domain, rid, sk.size, sk.signature) for rid, sk in sketched],
            )
            cursor.executemany(
                f"INSERT INTO {bucket_table} (bucket, record_id) VALUES (%s, %s)",
                zip(keys.tolist(), ids.tolist(), strict=True),
            )


def _binary_copy(keys: np.ndarray, ids: np.ndarray) -> bytes:
    """PostgreSQL binary COPY data for (bigint, bigint) rows, built by numpy in one go."""
    row = np.dtype([("fields", ">i2"), ("len1", ">i4"), ("key", ">i8"), ("len2", ">i4"), ("id", ">i8")])
    rows = np.empty(len(keys), dtype=row)
    rows["fields"], rows["len1"], rows["key"], rows["len2"], rows["id"] = 2, 8, keys, 8, ids
    header = b"PGCOPY\n\xff\r\n\x00" + (0).to_bytes(4, "big") + (0).to_bytes(4, "big")
    return header + rows.tobytes() + (-1).to_bytes(2, "big", signed=True)


def stats() -> dict:
    """Records per domain and the index's bytes on disk (both tables with their indexes; None where
    the database cannot tell)."""
    counts = NearDupRecord.objects.values_list("domain").annotate(n=Count("record_id")).order_by("domain")
    return {"domains": dict(counts), "bytes": _bytes_on_disk()}


def _bytes_on_disk() -> int | None:
    tables = [NearDupRecord._meta.db_table, NearDupBucket._meta.db_table]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size(%s) + pg_total_relation_size(%s)", tables)
            return int(cursor.fetchone()[0])
        if connection.vendor == "sqlite":
            try:
                cursor.execute(
                    "SELECT SUM(pgsize) FROM dbstat WHERE name IN "
                    "(SELECT name FROM sqlite_master WHERE tbl_name IN (%s, %s))",
                    tables,
                )
            except Exception:  # dbstat is a compile-time option of SQLite
                return None
            return int(cursor.fetchone()[0] or 0)
    return None
