"""One typed settings object, read from the environment and validated at start-up."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from store.database import async_url

APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")
GUID = re.compile(r"^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$")
# Where proactive messages to Teams go when no conversation in the tenant has given a serviceUrl
# yet (Microsoft's public global endpoint; a serviceUrl seen in the tenant is always preferred).
TEAMS_GLOBAL_SERVICE_URL = "https://smba.trafficmanager.net/teams/"
HOST_NAME = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])"
                       r"(?::[0-9]{1,5})?$")


class SettingsError(ValueError):
    """A setting is missing or bad; the message names the variable to fix."""

    def __init__(self, variable: str, problem: str):
        super().__init__(f"{variable}: {problem}")
        self.variable = variable
        self.problem = problem


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 3978
    data_dir: Path = Path("data")
    app_id: str = ""
    app_password: str = field(default="", repr=False)
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    database_url: str = ""
    max_body_bytes: int = 256 * 1024
    # The trust's Microsoft 365 tenants (TRUST_TENANT_IDS, lower case): in Teams, an email or AAD
    # object id counts as someone's identity only in these (and MicrosoftAppTenantId).
    trust_tenant_ids: tuple[str, ...] = ()
    teams_service_url: str = TEAMS_GLOBAL_SERVICE_URL  # TEAMS_SERVICE_URL
    # How long a person's account is skipped for proactive messages after Teams refused it for
    # good (403/404: the bot removed, the conversation gone); PROACTIVE_PAUSE_MINUTES.
    proactive_pause_minutes: float = 10.0
    # Extra Host values the local web chat answers to (WEBCHAT_HOSTS), besides 127.0.0.1,
    # localhost and [::1] on the port it is served on.
    webchat_hosts: tuple[str, ...] = ()
    # The raw environment, for features that read settings of their own.
    env: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def auth_enabled(self) -> bool:
        return bool(self.app_id)

    @property
    def trust_tenants(self) -> frozenset[str]:
        """TRUST_TENANT_IDS and MicrosoftAppTenantId: the tenants whose people the trust vouches for."""
        given = {self.app_tenant_id.lower()} if self.app_tenant_id else set()
        return frozenset(self.trust_tenant_ids) | given

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL in SQLAlchemy's async form (SQLite under DATA_DIR by default)."""
        if not self.database_url:
            return f"sqlite+aiosqlite:///{(self.data_dir / 'bot.db').resolve()}"
        return async_url(self.database_url)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> Settings:
        """Build settings from the environment; explicit overrides win. Raises SettingsError."""
        env = dict(os.environ if env is None else env)
        values = {
            "host": env.get("HOST", cls.host).strip() or cls.host,
            "port": _port(env.get("PORT")),
            "data_dir": Path(env.get("DATA_DIR") or "data"),
            "app_id": env.get("MicrosoftAppId", "").strip(),
            "app_password": env.get("MicrosoftAppPassword", ""),
            "app_type": env.get("MicrosoftAppType", "").strip() or "MultiTenant",
            "app_tenant_id": env.get("MicrosoftAppTenantId", "").strip(),
            "database_url": env.get("DATABASE_URL", "").strip(),
            "max_body_bytes": env_int(env, "MAX_BODY_BYTES", cls.max_body_bytes, minimum=1024),
            "trust_tenant_ids": _tenant_ids(env.get("TRUST_TENANT_IDS", "")),
            "teams_service_url": _https_url(env, "TEAMS_SERVICE_URL", cls.teams_service_url),
            "proactive_pause_minutes": env_float(env, "PROACTIVE_PAUSE_MINUTES", cls.proactive_pause_minutes,
                                                 minimum=0.0),
            "webchat_hosts": _hosts(env.get("WEBCHAT_HOSTS", "")),
            "env": env,
        }
        values.update(overrides)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        """Check values that depend on each other; raise SettingsError naming the variable."""
        if not (0 <= self.port <= 65535):
            raise SettingsError("PORT", f"must be between 0 and 65535, got {self.port}")
        if self.app_type not in APP_TYPES:
            raise SettingsError("MicrosoftAppType", f"must be one of {', '.join(APP_TYPES)}, got {self.app_type!r}")
        if self.app_id:
            if self.app_type != "UserAssignedMSI" and not self.app_password:
                raise SettingsError("MicrosoftAppPassword", "must be set when MicrosoftAppId is set")
            if self.app_type == "SingleTenant" and not self.app_tenant_id:
                raise SettingsError("MicrosoftAppTenantId", "must be set when MicrosoftAppType is SingleTenant")
        if self.database_url and not self.database_url.startswith(("postgresql://", "postgres://", "sqlite")):
            raise SettingsError("DATABASE_URL", "must start with postgresql:// (or be unset for SQLite under DATA_DIR)")
        try:
            async_url(self.database_url)
        except ValueError as exc:
            raise SettingsError("DATABASE_URL", str(exc)) from None
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SettingsError("DATA_DIR", f"cannot create {self.data_dir}: {exc.strerror}") from None
        if not os.access(self.data_dir, os.W_OK):
            raise SettingsError("DATA_DIR", f"{self.data_dir} is not writable")


class BotFrameworkConfig:
    """The attribute names botbuilder's configuration factories read."""

    def __init__(self, settings: Settings):
        self.APP_ID = settings.app_id or None
        self.APP_PASSWORD = settings.app_password or None
        self.APP_TYPE = settings.app_type
        self.APP_TENANTID = settings.app_tenant_id or None


def _tenant_ids(raw: str) -> tuple[str, ...]:
    """TRUST_TENANT_IDS: comma-separated tenant ids (GUIDs), in lower case."""
    ids = [part.strip().lower() for part in raw.split(",") if part.strip()]
    for tenant in ids:
        if not GUID.match(tenant):
            raise SettingsError("TRUST_TENANT_IDS", f"must be comma-separated Microsoft 365 tenant ids (GUIDs such as "
                                                    f"00000000-0000-0000-0000-000000000000), got {tenant!r}")
    return tuple(dict.fromkeys(ids))


def _https_url(env: Mapping[str, str], name: str, default: str) -> str:
    raw = str(env.get(name, "")).strip()
    if not raw:
        return default
    if not raw.startswith("https://") or len(raw) <= len("https://"):
        raise SettingsError(name, f"must be an https:// URL, got {raw!r}")
    return raw


def _hosts(raw: str) -> tuple[str, ...]:
    """WEBCHAT_HOSTS: comma-separated host or host:port values, in lower case."""
    hosts = [part.strip().lower() for part in raw.split(",") if part.strip()]
    for host in hosts:
        if not HOST_NAME.match(host):
            raise SettingsError("WEBCHAT_HOSTS", f"must be comma-separated host names or host:port (e.g. "
                                                 f"bot.local:3978), got {host!r}")
    return tuple(hosts)


def _port(raw: str | None) -> int:
    if raw is None or raw.strip() == "":
        return Settings.port
    try:
        return int(raw)
    except ValueError:
        raise SettingsError("PORT", f"must be a whole number, got {raw!r}") from None


def env_int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    """Read an integer feature setting; raise SettingsError naming it when bad."""
    return _env_number(env, name, default, minimum, int, "a whole number")


def env_float(env: Mapping[str, str], name: str, default: float, minimum: float = 0.0) -> float:
    """Read a decimal feature setting; raise SettingsError naming it when bad."""
    return _env_number(env, name, default, minimum, float, "a number")


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def env_flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    """Read an on/off setting (1/0, true/false, yes/no, on/off); raise SettingsError naming it when bad."""
    raw = str(env.get(name, "")).strip().lower()
    if not raw:
        return default
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise SettingsError(name, f"must be 1 or 0, got {raw!r}")


def _env_number(env, name, default, minimum, parse, what):
    raw = str(env.get(name, "")).strip()
    if not raw:
        return default
    try:
        value = parse(raw)
    except ValueError:
        raise SettingsError(name, f"must be {what}, got {raw!r}") from None
    if value < minimum:
        raise SettingsError(name, f"must be at least {minimum}, got {value}")
    return value
