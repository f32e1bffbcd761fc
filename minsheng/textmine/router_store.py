"""Trained routers on disk and in ``RouterModel`` rows: publish a new version, load the newest.

One router per target (``sources.CATEGORY``: the problem category; ``sources.UNIT``: the
responsible unit). Files live under ``DATA_DIR/models``; rows say when, on what and how well.
"""

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import transaction

from minsheng.textmine.router import Router, train
from minsheng.textmine.sources import CATEGORY

FORMAT = 1


def save(router: Router, path: Path) -> None:
    import joblib

    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"format": FORMAT, "pipeline": router.pipeline, "version": router.version}, path)


def load(path: Path) -> Router:
    import joblib

    payload = joblib.load(path)
    if payload.get("format") != FORMAT:
        raise ValueError(f"unsupported router file format: {payload.get('format')}")
    return Router(payload["pipeline"], version=payload["version"])


def train_and_publish(pairs, *, now: datetime, data_dir: Path, target: str = CATEGORY):
    """Train on (text, label) pairs, save ``router-<target>-<version>.joblib`` under ``data_dir/models``
    and record it as a ``RouterModel`` row; returns the row."""
    from minsheng.textmine.models import RouterModel

    router, scores = train(pairs, cross_validate=True)
    version = now.strftime("%Y%m%d%H%M%S")
    taken = set(RouterModel.objects.filter(version__startswith=version).values_list("version", flat=True))
    n = 1
    while version in taken:
        n += 1
        version = f"{now:%Y%m%d%H%M%S}-{n}"
    router.version = version
    path = Path(data_dir) / "models" / f"router-{target}-{version}.joblib"
    save(router, path)
    # Now for this process's own next read, and again at commit for any read in between.
    forget_loaded_routers()
    transaction.on_commit(forget_loaded_routers)
    return RouterModel.objects.create(
        version=version,
        target=target,
        created_at=now,
        trained_on=scores["n"],
        labels=router.labels,
        scores=scores,
        path=str(path),
    )


# Each process keeps the newest router per target and re-checks the database for a newer one every
# RECHECK_SECONDS (a training in another process shows there) rather than on every registration.
RECHECK_SECONDS = 30.0


@dataclass
class _Copy:
    version: str
    router: Router | None
    checked_at: float


_lock = threading.Lock()
_loaded: dict[str, _Copy] = {}


def load_newest(target: str = CATEGORY) -> Router | None:
    """The newest published router for ``target``, loaded once per process and version; None if there
    is none or its file is missing."""
    from minsheng.textmine.models import RouterModel

    with _lock:
        now = time.monotonic()
        copy = _loaded.get(target)
        if copy is not None and now - copy.checked_at < RECHECK_SECONDS:
            return copy.router
        row = RouterModel.objects.filter(target=target).order_by("-created_at", "-id").first()
        if row is None:
            _loaded[target] = _Copy("", None, now)
        elif copy is None or copy.version != row.version:
            try:
                router = load(Path(row.path))
            except (OSError, ValueError):
                router = None
            _loaded[target] = _Copy(row.version, router, now)
        else:
            copy.checked_at = now
        return _loaded[target].router


def forget_loaded_routers() -> None:
    """Drop this process's routers; the next ``load_newest`` reads the database again."""
    with _lock:
        _loaded.clear()
