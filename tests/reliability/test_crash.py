"""Submissions survive kill -9 of the server: every acknowledged one is stored exactly once, whole.

A small CI version of bench/crash.py: petitions and hotline orders over HTTP from client threads to
gunicorn, the server killed with -9 at random moments and started again, failed requests retried with
the same Idempotency-Key. PostgreSQL itself is restarted only by the bench (here it would cut the
connections of the test process too).
"""

from tests.reliability.crashrun import crash_run
from tests.reliability.stack import free_port, site


def test_it_keeps_every_acknowledged_submission_exactly_once_across_server_kills(db_kind, gunicorn, require):
    from tests.reliability.stack import pg_admin

    if db_kind == "postgres":
        require(pg_admin, "SELECT 1")
    with site(db_kind, "h3_rel_crash") as s:
        result = crash_run(
            s, port=free_port(18300, 18309), count=120, threads=6, kills=3, time_limit=55, workers=1
        )
    print(result)
    assert result["kills"] == 3, "the server was not killed: the run proved nothing"
    assert result["refused"] == []
    assert result["unacknowledged"] == 0
    assert result["acknowledged"] == 120
    assert result["stored"] == 120
    assert result["lost"] == 0
    assert result["duplicates"] == 0
    assert result["half_written"] == 0, result["problems"]
    assert result["unacknowledged_stored"] == 0
    assert result["orphan_people"] == 0
    assert result["number_gaps"] == 0
    assert result["audit_ok"] is True
