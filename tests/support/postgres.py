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


def _scratch_root() -> str | None:
    """RAM-backed /dev/shm when it has room, else the usual temporary directory. Each test creates
    a database, which copies the template (about 8 MB): about 0.3 s on this disk, 0.03 s in RAM."""
    try:
        if os.access("/dev/shm", os.W_OK) and shutil.disk_usage("/dev/shm").free >= 2 * 1024 ** 3:
            return "/dev/shm"
    except OSError:
        pass
    return None


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

    def __init__(self, ssl: bool = False):
        self.dir = Path(tempfile.mkdtemp(prefix="guidance-pg-", dir=_scratch_root()))
        self.port = _free_port()
        self.ssl = ssl  # serve TLS with a self-signed certificate (as Azure requires TLS)
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
        if self.ssl:
            _self_signed(data)
        self.resume()
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def pause(self) -> None:
        """Stop the server (fast shutdown: connections are terminated); `resume()` starts it again."""
        self._run(_bin("pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        if self.ssl:
            options += " -c ssl=on"
        self._run(_bin("pg_ctl"), "-D", str(self.dir / "data"), "-o", options, "-w", "-t", "60",
                  "-l", str(self.dir / "log"), "start")

    def stop(self) -> None:
        try:
            self._run(_bin("pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        except Exception:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def _self_signed(data: Path) -> None:
    """server.crt and server.key in the data directory, readable only by the server's user."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    (data / "server.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (data / "server.key").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                        serialization.NoEncryption()))
    for file in ("server.crt", "server.key"):
        os.chmod(data / file, 0o600)
        if os.geteuid() == 0:
            shutil.chown(data / file, "postgres", "postgres")


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
