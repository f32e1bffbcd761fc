"""Real processes for the reliability tests and bench/crash.py: a database of their own, gunicorn,
Celery workers and beat, each started in its own process group so that it can be killed with -9.

Nothing here touches the test's own database: every server process gets a fresh data dir (secrets,
media, the SQLite file) and, on PostgreSQL, a database of its own that is dropped at the end.
"""

import atexit
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"  # the servers only ever listen here, and the clients only ever call here
PG_DEFAULT = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_DEFAULT = "redis://127.0.0.1:6379"
START_TIMEOUT = 60.0


class Missing(Exception):
    """A service the test needs (PostgreSQL, Redis, gunicorn, celery) is not there."""


# ---------------------------------------------------------------- services


def pg_admin_url() -> str:
    """The maintenance database of the PostgreSQL server the run uses (DATABASE_URL's server if given)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url.rsplit("/", 1)[0] + "/postgres"
    return PG_DEFAULT


def pg_admin(sql: str) -> None:
    import psycopg

    try:
        with psycopg.connect(pg_admin_url(), autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql)
    except psycopg.OperationalError as exc:
        raise Missing(f"PostgreSQL is not reachable: {exc}") from exc


def redis_url(db: int) -> str:
    """A Redis database of this area (5–7), checked to answer."""
    import redis

    url = f"{REDIS_DEFAULT}/{db}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        raise Missing(f"Redis is not reachable at {url}: {exc}") from exc
    return url


def restart_postgres(cluster: str = "main") -> float:
    """Restart a local PostgreSQL cluster (every connection is cut); returns the seconds it took."""
    versions = os.listdir("/etc/postgresql") if os.path.isdir("/etc/postgresql") else []
    if not versions or not shutil.which("pg_ctlcluster"):
        raise Missing("no local PostgreSQL cluster to restart")
    started = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[0], cluster, "restart"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return time.monotonic() - started


# ---------------------------------------------------------------- a database for the servers


class Site:
    """The environment every server process of one run shares: data dir, database, broker."""

    def __init__(self, kind: str, name: str, broker: str = ""):
        self.kind, self.name = kind, name
        self.data_dir = tempfile.mkdtemp(prefix=f"minsheng-{name}-")
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "DATABASE_REPLICA_URL")
            and not k.startswith(("PYTEST_", "MINSHENG_PROBE_"))
        }
        env.update(
            MINSHENG_DATA_DIR=self.data_dir,
            DJANGO_DEBUG="0",
            DJANGO_SETTINGS_MODULE="config.settings",
            PYTHONPATH=str(ROOT),
            LOG_LEVEL="WARNING",
        )
        if kind == "postgres":
            env["DATABASE_URL"] = pg_admin_url().rsplit("/", 1)[0] + f"/{name}"
        if broker:
            env["CELERY_BROKER_URL"] = broker
        self.env = env

    def create(self, template: "Site | None" = None) -> "Site":
        """An empty, migrated database: a copy of ``template`` (migrated once) when given."""
        if self.kind == "postgres":
            pg_admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
            pg_admin(f"CREATE DATABASE {self.name}" + (f" TEMPLATE {template.name}" if template else ""))
        elif template is not None:
            for path in Path(template.data_dir).glob("minsheng.sqlite3*"):
                shutil.copy(path, Path(self.data_dir) / path.name)
        if template is not None:
            shutil.copy(Path(template.data_dir) / "secrets.json", Path(self.data_dir) / "secrets.json")
        else:
            self.manage("migrate", "--noinput", timeout=300)
        return self

    def drop(self) -> None:
        if self.kind == "postgres":
            try:
                pg_admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
            except Missing:
                pass
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def manage(self, *args: str, timeout: float = 120) -> str:
        return self.run([sys.executable, "manage.py", *args], timeout=timeout)

    def probe(self, *args: str, timeout: float = 120) -> dict:
        """Run ``tests/reliability/probe.py`` (Django set up on this site) and return its JSON answer."""
        out = self.run([sys.executable, "-m", "tests.reliability.probe", *args], timeout=timeout)
        return json.loads(out.strip().splitlines()[-1])

    def run(self, cmd: list[str], timeout: float) -> str:
        done = subprocess.run(
            cmd, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[1:4])} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def log(self, name: str):
        return open(Path(self.data_dir) / f"{name}.log", "a")

    def log_text(self, name: str) -> str:
        path = Path(self.data_dir) / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


_templates: dict[str, Site] = {}


def template(kind: str) -> Site:
    """A migrated site of ``kind``, made once per process and copied by ``site``: migrating takes a
    while, copying a file or a PostgreSQL template does not. Dropped when the process exits."""
    if kind not in _templates:
        t = Site(kind, f"h3_rel_tpl_{os.getpid()}")
        try:
            t.create()
        except BaseException:
            t.drop()
            raise
        atexit.register(t.drop)
        _templates[kind] = t
    return _templates[kind]


@contextmanager
def site(kind: str, name: str, broker: str = ""):
    """A migrated, empty site; dropped (database and data dir) on exit."""
    s = Site(kind, name, broker)
    try:
        yield s.create(template(kind))
    finally:
        s.drop()


# ---------------------------------------------------------------- processes


class Proc:
    """A command in its own process group: ``kill()`` is kill -9 of the whole group."""

    def __init__(self, site: Site, name: str, cmd: list[str], env: dict | None = None):
        self.site, self.name, self.cmd = site, name, cmd
        self.env = {**site.env, **(env or {})}
        self.popen: subprocess.Popen | None = None

    def start(self) -> "Proc":
        log = self.site.log(self.name)
        self.popen = subprocess.Popen(
            self.cmd, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
        )
        log.close()
        return self

    @property
    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL to the process and everything it forked: no shutdown handler runs."""
        if self.popen is None:
            return
        try:
            os.killpg(self.popen.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.popen.wait(timeout=10)

    def stop(self, timeout: float = 15) -> None:
        """A polite stop (SIGTERM), then -9 if it does not go."""
        if not self.alive:
            self.kill()
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        else:
            self.kill()  # children that outlived their parent


def need(program: str) -> None:
    try:
        cmd = [sys.executable, "-m", program, "--version"]
        subprocess.run(cmd, capture_output=True, check=True, timeout=30)
    except (subprocess.CalledProcessError, OSError) as exc:
        raise Missing(f"{program} is not installed in this environment") from exc


def port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port(first: int, last: int) -> int:
    """A free port of this area's range (18300–18399)."""
    for port in range(first, last + 1):
        if port_free(port):
            return port
    raise RuntimeError(f"no free port in {first}-{last}")


class Web(Proc):
    """gunicorn serving config.wsgi on 127.0.0.1:port (--preload: the app loads once, restarts quicker)."""

    def __init__(self, site: Site, port: int, *, workers: int = 2, threads: int = 4, name: str = ""):
        cmd = [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"{HOST}:{port}", "--workers", str(workers), "--threads", str(threads),
            "--worker-class", "gthread", "--timeout", "30", "--graceful-timeout", "5",
            "--log-level", "warning", "--preload",
        ]  # fmt: skip
        super().__init__(site, name or f"web-{port}", cmd)
        self.port = port

    def start(self) -> "Web":
        self.launch()
        self.wait_ready()
        return self

    def launch(self) -> "Web":
        """Start without waiting for the first answer (``wait_ready``)."""
        deadline = time.monotonic() + 10
        while not port_free(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)  # the killed server's socket is still closing
        super().start()
        return self

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if not self.alive:
                raise RuntimeError(f"gunicorn exited:\n{self.site.log_text(self.name)[-2000:]}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
                conn.request("GET", "/api/v1/openapi.json")
                conn.getresponse().read()
                conn.close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not answer in time")


def celery_cmd(app: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", app, *args]


def wait_for(predicate, timeout: float, step: float = 0.2, what: str = "condition"):
    """Poll ``predicate`` until it returns something true; that value, or TimeoutError."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise TimeoutError(f"timed out waiting for {what}")
