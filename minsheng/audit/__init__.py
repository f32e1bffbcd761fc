"""Append-only, hash-chained log. ``from minsheng import audit; audit.record(...)``."""


def record(**kwargs):
    from minsheng.audit.chain import record as _record

    return _record(**kwargs)
