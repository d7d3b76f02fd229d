"""Real app processes (`python app.py`) for multi-instance tests, stopped by the PIDs started here."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp

from .harness import deployment_defaults

ROOT = Path(__file__).resolve().parents[2]

# Settings of the test process that must not leak into an instance unless a test asks for them.
_CLEARED = ("DATABASE_URL", "DATA_DIR", "PORT", "HOST", "MicrosoftAppId", "MicrosoftAppPassword",
            "CONTACTS_FILE", "REPORT_ENCRYPTION_KEY", "ROSTER_FILE")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_database_url(url: str) -> str:
    """The DATABASE_URL an instance is given (postgresql://... or SQLAlchemy's sqlite form)."""
    return "postgresql://" + url[len("postgresql+asyncpg://"):] if url.startswith("postgresql+asyncpg://") else url


class AppProcess:
    """One instance of the bot as a child process, on its own port and DATA_DIR."""

    def __init__(self, name: str, env: dict[str, str], log: Path):
        self.name = name
        self.port = free_port()
        self.env = {**{k: v for k, v in os.environ.items() if k not in _CLEARED},
                    "HOST": "127.0.0.1", "PORT": str(self.port), "PYTHONUNBUFFERED": "1",
                    **deployment_defaults(env), **env}
        self.log = log
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def messages_url(self) -> str:
        return self.url + "/api/messages"

    async def start(self, timeout: float = 60.0) -> AppProcess:
        """Start the process and wait until /healthz answers 200."""
        Path(self.env["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as out:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=self.env, stdout=out,
                                         stderr=subprocess.STDOUT)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        async with aiohttp.ClientSession() as session:
            while loop.time() < deadline:
                if self.proc.poll() is not None:
                    raise AssertionError(f"{self.name} exited ({self.proc.returncode}): {self.tail()}")
                try:
                    async with session.get(self.url + "/healthz") as resp:
                        if resp.status == 200:
                            return self
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.05)
        self.stop()
        raise AssertionError(f"{self.name} did not become healthy in {timeout} s: {self.tail()}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Stop this process (by its PID), killing it if it does not exit promptly."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


class Instances:
    """Start N instances sharing one database; `stop_all()` stops each by its own PID."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.started: list[AppProcess] = []

    async def start(self, count: int, database_url: str, env: dict[str, str] | None = None) -> list[AppProcess]:
        """Start `count` instances at once (so their migrations race) on `database_url`."""
        first = len(self.started)
        procs = [AppProcess(f"instance{i}", {"DATA_DIR": str(self.tmp_path / f"instance{i}"),
                                             "DATABASE_URL": app_database_url(database_url), **(env or {})},
                            self.tmp_path / f"instance{i}.log")
                 for i in range(first, first + count)]
        self.started.extend(procs)
        await asyncio.gather(*(p.start() for p in procs))
        return procs

    def stop_all(self) -> None:
        """Signal every instance first, then wait for each, so they shut down together."""
        for proc in self.started:
            if proc.proc is not None and proc.proc.poll() is None:
                proc.proc.send_signal(signal.SIGTERM)
        for proc in self.started:
            proc.stop()


class Alternating:
    """Send like one person whose every message reaches the other instance than the last one
    (a load balancer without session affinity); `send` as `BotHarness.send`."""

    def __init__(self, channels):
        self.channels, self.sent = channels, 0

    async def send(self, conversation, text=None, **kw):
        self.sent += 1
        return await self.channels[self.sent % len(self.channels)].send(conversation, text, **kw)
