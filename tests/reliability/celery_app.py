"""The project's Celery app, plus what only the reliability tests' workers load (``-A`` this module).

It adds the test-only tasks of ``probe_tasks`` and, from MINSHENG_PROBE_* variables, a short Redis
visibility timeout and a beat schedule of seconds. Production workers use ``-A config`` and never
import this module.
"""

import json
import os

from config.celery import app

if os.environ.get("MINSHENG_PROBE_VISIBILITY"):
    # Seconds, and the unacknowledged messages checked every second (instead of every 10).
    app.conf.broker_transport_options = {
        "visibility_timeout": int(os.environ["MINSHENG_PROBE_VISIBILITY"]),
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }
if os.environ.get("MINSHENG_PROBE_BEAT"):
    # {"name": [task, seconds, kwargs], ...}
    app.conf.beat_schedule = {
        name: {"task": task, "schedule": float(seconds), "kwargs": kwargs}
        for name, (task, seconds, kwargs) in json.loads(os.environ["MINSHENG_PROBE_BEAT"]).items()
    }

import tests.reliability.probe_tasks  # noqa: F401  (registers the test-only tasks)

__all__ = ["app"]
