"""Build the Microsoft Teams app package: `python -m tools.teams_package build/teams-app.zip`.

`make teams-package` runs it. It writes manifest.json from manifest/teams/manifest.json.j2 (the
bot id from MicrosoftAppId, the command list from the commands the features register) and the
two icons.
"""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping
from urllib.parse import urlsplit

import jinja2

from app import create_app
from bot import appkeys
from bot.settings import Settings

MANIFEST_DIR = Path(__file__).resolve().parents[1] / "manifest" / "teams"
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
# Teams shows at most 10 commands per list; titles up to 32 characters, descriptions up to 128.
MAX_COMMANDS, MAX_TITLE, MAX_DESCRIPTION = 10, 32, 128


class PackageError(ValueError):
    """The Teams package cannot be built; the message says what to set."""


@dataclass(frozen=True)
class TeamsApp:
    """What goes into the manifest besides the command list."""

    bot_id: str
    teams_app_id: str = ""
    version: str = "1.0.0"
    developer_name: str = "Cockburn Multi Academy Trust"
    website_url: str = "https://www.example.org/"
    privacy_url: str = "https://www.example.org/privacy"
    terms_url: str = "https://www.example.org/terms"
    valid_domains: tuple[str, ...] = field(default_factory=tuple)
    # CONSOLE_URL (https): the console is added as a personal tab, and its host to validDomains.
    console_url: str = ""
    full_description: str = (
        "Answers staff questions about the trust's social media policy by quoting the policy "
        "itself with its section, guides staff through the situations they meet, takes "
        "safeguarding concerns to the designated person for Child Protection, and runs the "
        "new-starter onboarding quiz. In a team channel, @mention the bot to ask it something.")

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> TeamsApp:
        """Read MicrosoftAppId (required, a GUID) and the optional TEAMS_APP_* settings."""
        bot_id = (env.get("MicrosoftAppId") or "").strip()
        if not bot_id:
            raise PackageError("MicrosoftAppId is not set: set it to the bot's Microsoft App ID "
                               "(a GUID, from the Azure Bot resource) before building the Teams package")
        if not GUID.match(bot_id):
            raise PackageError(f"MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000, "
                               f"got {bot_id!r}")
        app_id = (env.get("TEAMS_APP_ID") or bot_id).strip()
        if not GUID.match(app_id):
            raise PackageError(f"TEAMS_APP_ID must be a GUID, got {app_id!r}")
        values = {"bot_id": bot_id, "teams_app_id": app_id}
        for name, variable in (("version", "TEAMS_APP_VERSION"), ("developer_name", "TEAMS_DEVELOPER_NAME"),
                               ("website_url", "TEAMS_WEBSITE_URL"), ("privacy_url", "TEAMS_PRIVACY_URL"),
                               ("terms_url", "TEAMS_TERMS_URL")):
            if (env.get(variable) or "").strip():
                values[name] = env[variable].strip()
        for name in ("website_url", "privacy_url", "terms_url"):
            if not values.get(name, getattr(cls, name)).lower().startswith("https://"):
                raise PackageError(f"TEAMS_{name.upper().replace('_URL', '')}_URL must start with https://")
        if not re.match(r"^\d+\.\d+\.\d+$", values.get("version", cls.version)):
            raise PackageError("TEAMS_APP_VERSION must look like 1.2.3")
        domains = [d.strip() for d in (env.get("TEAMS_VALID_DOMAINS") or "").split(",") if d.strip()]
        console = (env.get("CONSOLE_URL") or "").strip().rstrip("/")
        if console:
            if not console.lower().startswith("https://") or not urlsplit(console).hostname:
                raise PackageError("CONSOLE_URL must be the https:// address the app is served at (Teams shows only "
                                   "https tabs)")
            values["console_url"] = console
            domains.append(urlsplit(console).netloc)
        values["valid_domains"] = tuple(dict.fromkeys(domains))
        return cls(**values)


def manifest_commands(commands: Iterable) -> list[dict]:
    """The visible registry commands as Teams command-list entries (first 10)."""
    entries = []
    for command in commands:
        if command.hidden:
            continue
        entries.append({"title": command.words[0][:MAX_TITLE],
                        "description": (command.description or command.name)[:MAX_DESCRIPTION]})
    return entries[:MAX_COMMANDS]


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(MANIFEST_DIR), autoescape=False,
                              undefined=jinja2.StrictUndefined)


def build_manifest(app: TeamsApp, commands: Iterable) -> dict:
    """The manifest.json content for this app and command registry."""
    text = _templates().get_template("manifest.json.j2").render(app=app, commands=manifest_commands(commands))
    return json.loads(text)


def write_package(path: Path, app: TeamsApp, commands: Iterable) -> Path:
    """Write the zip Teams sideloads: manifest.json, color.png, outline.png at its root."""
    manifest = build_manifest(app, commands)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for icon in ("color.png", "outline.png"):
            bundle.write(MANIFEST_DIR / icon, icon)
    return path


def registered_commands() -> list:
    """The commands the features register, read from an app built (not started) for the purpose."""
    with tempfile.TemporaryDirectory() as data_dir:
        app = create_app(Settings.from_env({"DATA_DIR": data_dir}))
        return list(app[appkeys.REGISTRY].commands)


def main(argv: list[str]) -> int | str:
    """Build the package at argv[0] (default build/teams-app.zip)."""
    out = Path(argv[0] if argv else "build/teams-app.zip")
    try:
        app = TeamsApp.from_env(os.environ)
    except PackageError as exc:
        return f"Cannot build the Teams package: {exc}"
    write_package(out, app, registered_commands())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
