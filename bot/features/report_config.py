"""Settings of the reporting feature, read from the environment and checked at start-up."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Mapping

from bot.settings import SettingsError, env_float, env_int
from safeguarding.contacts import ContactsError, Directory, load_contacts
from safeguarding.crypto import EncryptionKeyError, development_key, parse_key
from safeguarding.mailer import SmtpConfig

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONTACTS = ROOT / "config" / "contacts.yaml"
EXAMPLE_CONTACTS = ROOT / "config" / "contacts.example.yaml"
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


@dataclass(frozen=True)
class ReportSettings:
    directory: Directory
    escalate_after: timedelta
    smtp: SmtpConfig | None
    key: bytes = field(repr=False)
    poll_seconds: float = 5.0
    lease_seconds: float = 30.0
    retry_base_seconds: float = 2.0
    retry_cap_seconds: float = 300.0


def deployed(env: Mapping[str, str]) -> bool:
    """A real deployment (an Azure Bot app id, or a shared database): no development fallbacks."""
    return bool(str(env.get("MicrosoftAppId", "")).strip() or str(env.get("DATABASE_URL", "")).strip())


def contacts_path(env: Mapping[str, str]) -> Path:
    """CONTACTS_FILE, or config/contacts.yaml, or (on a fresh clone only) the committed example."""
    given = str(env.get("CONTACTS_FILE", "")).strip()
    if given:
        return Path(given)
    if DEFAULT_CONTACTS.is_file():
        return DEFAULT_CONTACTS
    if deployed(env):
        raise SettingsError("CONTACTS_FILE", "must name your safeguarding contacts file once MicrosoftAppId or "
                                             "DATABASE_URL is set (the fictional example is for local use only)")
    log.warning("CONTACTS_FILE is not set and %s does not exist: using the fictional contacts in %s. "
                "Set CONTACTS_FILE before real use, or alerts go to example.org addresses.",
                DEFAULT_CONTACTS, EXAMPLE_CONTACTS)
    return EXAMPLE_CONTACTS


def smtp_config(env: Mapping[str, str]) -> SmtpConfig | None:
    host = str(env.get("SMTP_HOST", "")).strip()
    if not host:
        log.info("email alerts are off: SMTP_HOST is not set (alerts go by Teams only)")
        return None
    sender = str(env.get("SMTP_FROM", "")).strip()
    if "@" not in sender:
        raise SettingsError("SMTP_FROM", "must be the sender address (e.g. safeguarding-bot@trust.example.org) "
                                         "when SMTP_HOST is set")
    starttls = str(env.get("SMTP_STARTTLS", "true")).strip().lower() or "true"
    if starttls not in TRUE + FALSE:
        raise SettingsError("SMTP_STARTTLS", f"must be true or false, got {starttls!r}")
    port = env_int(env, "SMTP_PORT", 587, minimum=1)
    if port > 65535:
        raise SettingsError("SMTP_PORT", f"must be at most 65535, got {port}")
    username = str(env.get("SMTP_USERNAME", "")).strip()
    password = str(env.get("SMTP_PASSWORD", ""))
    if username and not password:
        raise SettingsError("SMTP_PASSWORD", "must be set when SMTP_USERNAME is set")
    return SmtpConfig(host, port, username, password, sender, starttls in TRUE,
                      env_float(env, "SMTP_TIMEOUT_SECONDS", 20.0, minimum=1.0))


def trust_tenants(settings) -> frozenset[str]:
    """The trust's tenants; a bot registered with Azure (MicrosoftAppId) must name at least one, or
    anyone in any tenant whose profile email matched a contact's would be taken for that contact."""
    tenants = settings.trust_tenants
    if settings.app_id and not tenants:
        raise SettingsError("TRUST_TENANT_IDS", "must list your trust's Microsoft 365 tenant id(s), comma-separated, "
                                                "once MicrosoftAppId is set (or set MicrosoftAppTenantId): in Teams, "
                                                "emails count only from the trust's own tenants")
    if not tenants:
        log.info("TRUST_TENANT_IDS is not set: Teams emails from any tenant count (local use only)")
    return tenants


def load_report_settings(env: Mapping[str, str], data_dir: Path) -> ReportSettings:
    """Everything the feature needs, or SettingsError naming what to fix."""
    try:
        directory = load_contacts(contacts_path(env))
    except ContactsError as exc:
        raise SettingsError("CONTACTS_FILE", str(exc)) from None
    raw_key = str(env.get("REPORT_ENCRYPTION_KEY", "")).strip()
    if not raw_key and deployed(env):
        # A key generated per machine would be lost with an instance, and differ between instances.
        raise SettingsError("REPORT_ENCRYPTION_KEY", "must be set once MicrosoftAppId or DATABASE_URL is set")
    try:
        key = parse_key(raw_key) if raw_key else development_key(data_dir)
    except EncryptionKeyError as exc:
        raise SettingsError("REPORT_ENCRYPTION_KEY", str(exc)) from None
    return ReportSettings(
        directory=directory,
        escalate_after=timedelta(minutes=env_int(env, "ESCALATE_AFTER_MINUTES", 15, minimum=1)),
        smtp=smtp_config(env),
        key=key,
        poll_seconds=env_float(env, "OUTBOX_POLL_SECONDS", 5.0, minimum=0.05),
        lease_seconds=env_float(env, "OUTBOX_LEASE_SECONDS", 30.0, minimum=1.0),
        retry_base_seconds=env_float(env, "OUTBOX_RETRY_SECONDS", 2.0, minimum=0.01),
        retry_cap_seconds=env_float(env, "OUTBOX_RETRY_MAX_SECONDS", 300.0, minimum=0.01),
    )
