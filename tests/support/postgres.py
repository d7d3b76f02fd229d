"""A throwaway PostgreSQL server for the tests (Debian's postgresql), or TEST_DATABASE_URL."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if not path:
        raise PostgresUnavailable(f"{name} not found: install Debian's postgresql (make test does)")
    return path


class ThrowawayPostgres:
    """initdb + pg_ctl in a temp dir on a free loopback port; trust auth; removed at stop()."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="guidance-pg-"))
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0  # initdb refuses to run as root

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def start(self) -> str:
        data = self.dir / "data"
        if self._as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run(_bin("pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "60", "-l", str(self.dir / "log"), "start")
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(_bin("pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        except Exception:  # noqa: BLE001 - best effort at teardown
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def create_database(server_url: str) -> str:
    """A fresh, empty database on the server; returns its URL."""
    name = "t_" + uuid.uuid4().hex[:12]
    base, _, _ = server_url.rpartition("/")
    deadline = time.monotonic() + 30
    while True:
        result = subprocess.run([_bin("psql"), server_url, "-v", "ON_ERROR_STOP=1", "-qc", f"CREATE DATABASE {name}"],
                                capture_output=True, text=True, timeout=60)
        if result.returncode == 0:
            return f"{base}/{name}"
        if time.monotonic() > deadline:
            raise PostgresUnavailable(result.stderr.strip())
        time.sleep(0.2)
