"""Trained routers on disk and in ``RouterModel`` rows: publish a new version, load the newest.

One router per target (``sources.CATEGORY``: the problem category; ``sources.UNIT``: the
responsible unit). Files live under ``DATA_DIR/models``; rows say when, on what and how well.
"""

from datetime import datetime
from pathlib import Path

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
    return RouterModel.objects.create(
        version=version,
        target=target,
        created_at=now,
        trained_on=scores["n"],
        labels=router.labels,
        scores=scores,
        path=str(path),
    )


_loaded: dict[str, tuple[str, Router]] = {}  # target → (version, router): one model per target in memory


def load_newest(target: str = CATEGORY) -> Router | None:
    """The newest published router for ``target``, loaded once per process and version; None if there
    is none or its file is missing."""
    from minsheng.textmine.models import RouterModel

    row = RouterModel.objects.filter(target=target).order_by("-created_at", "-id").first()
    if row is None:
        return None
    cached = _loaded.get(target)
    if cached is None or cached[0] != row.version:
        try:
            _loaded[target] = (row.version, load(Path(row.path)))
        except (OSError, ValueError):
            return None
    return _loaded[target][1]
