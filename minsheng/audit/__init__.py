"""Append-only, hash-chained log. ``from minsheng import audit; audit.record(...)``."""


def record(**kwargs):
    from minsheng.audit.chain import record as _record

    return _record(**kwargs)


def record_many(events: list[dict]):
    from minsheng.audit.chain import record_many as _record_many

    return _record_many(events)
