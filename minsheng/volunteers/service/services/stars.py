"""Approved minutes and star level of volunteers, recomputed from the records in set-based SQL.

``Volunteer.approved_minutes`` and ``stars`` are denormalized for lists and the profile; they are only
ever written here, always from the sum of approved records, so a recomputation can never drift.
Rows whose figures are already right are not rewritten: a full recomputation after a day's approvals
touches only the volunteers whose totals changed.
"""

from django.db import connection

from minsheng.volunteers.models import Volunteer
from minsheng.volunteers.service import conf
from minsheng.volunteers.service.hours import stars_for
from minsheng.volunteers.service.models import ServiceRecord, Status


def _tables() -> tuple[str, str]:
    q = connection.ops.quote_name
    return q(Volunteer._meta.db_table), q(ServiceRecord._meta.db_table)


def _stars_sql(column: str) -> tuple[str, list]:
    """``CASE`` giving the star level for minutes in ``column`` (the pure rule: ``hours.stars_for``)."""
    thresholds = conf.get("STAR_HOURS")
    whens = [f"WHEN {column} >= %s THEN {level}" for level in range(len(thresholds), 0, -1)]
    params = [h * 60 for h in reversed(thresholds)]
    return f"CASE {' '.join(whens)} ELSE 0 END", params


def recompute(volunteer_ids=None) -> int:
    """Recompute every volunteer (``None``) or the given ones; returns how many rows changed."""
    if volunteer_ids is None:
        return _recompute_all()
    ids = sorted({int(i) for i in volunteer_ids})
    if not ids:
        return 0
    volunteers, records = _tables()
    stars_sql, stars_params = _stars_sql("s.m")
    marks = ", ".join(["%s"] * len(ids))
    # The chosen volunteers joined to their approved sums, so one without any falls back to zero.
    sql = (
        f"UPDATE {volunteers} SET approved_minutes = s.m, stars = {stars_sql}"
        f" FROM (SELECT v2.id AS vid, COALESCE(a.m, 0) AS m FROM {volunteers} v2"
        f" LEFT JOIN (SELECT volunteer_id, SUM(minutes) AS m FROM {records}"
        f" WHERE status = %s AND volunteer_id IN ({marks}) GROUP BY volunteer_id) a"
        f" ON a.volunteer_id = v2.id WHERE v2.id IN ({marks})) s"
        f" WHERE {volunteers}.id = s.vid"
        f" AND ({volunteers}.approved_minutes <> s.m OR {volunteers}.stars <> {stars_sql})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*stars_params, Status.APPROVED.value, *ids, *ids, *stars_params])
        return cursor.rowcount


TOTALS = "vs_recompute_totals"


def _recompute_all() -> int:
    """Everyone, in two statements: find the volunteers whose figures differ from the sum of their
    approved records (zero without any) into a temporary table — one read of the partial covering
    index, in parallel where the database can — then write just those rows."""
    volunteers, records = _tables()
    stars_sql, stars_params = _stars_sql("COALESCE(a.m, 0)")
    pg = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if pg:
            # Millions of index entries in one pass: let every core take a share (CREATE TABLE AS may
            # run in parallel, an UPDATE may not), and keep the million groups in memory.
            for setting in ("work_mem = '256MB'", "parallel_setup_cost = 0", "parallel_tuple_cost = 0"):
                cursor.execute(f"SET LOCAL {setting}")
        cursor.execute(f"DROP TABLE IF EXISTS {TOTALS}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {TOTALS} AS"
            f" SELECT v.id AS vid, COALESCE(a.m, 0) AS m, {stars_sql} AS s"
            f" FROM {volunteers} v LEFT JOIN (SELECT volunteer_id, SUM(minutes) AS m FROM {records}"
            f" WHERE status = %s GROUP BY volunteer_id) a ON a.volunteer_id = v.id"
            f" WHERE v.approved_minutes <> COALESCE(a.m, 0) OR v.stars <> {stars_sql}",
            [*stars_params, Status.APPROVED.value, *stars_params],
        )
        cursor.execute(f"ANALYZE {TOTALS}")
        cursor.execute(
            f"UPDATE {volunteers} SET approved_minutes = t.m, stars = t.s FROM {TOTALS} t"
            f" WHERE {volunteers}.id = t.vid"
        )
        changed = cursor.rowcount
        cursor.execute(f"DROP TABLE {TOTALS}")
    return changed


def recompute_one(volunteer_id: int) -> tuple[int, int]:
    """One volunteer's (minutes, stars), read from the partial covering index and written back."""
    volunteers, records = _tables()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE(SUM(minutes), 0) FROM {records} WHERE volunteer_id = %s AND status = %s",
            [volunteer_id, Status.APPROVED.value],
        )
        minutes = int(cursor.fetchone()[0])
        level = stars_for(minutes, conf.get("STAR_HOURS"))
        cursor.execute(
            f"UPDATE {volunteers} SET approved_minutes = %s, stars = %s WHERE id = %s",
            [minutes, level, volunteer_id],
        )
    return minutes, level
