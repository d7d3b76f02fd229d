"""Microsoft Teams: answer in channels only when @mentioned, and build the app package.

`python -m bot.channels.teams build/teams-app.zip` (what `make teams-package` runs) writes the
package: manifest.json from manifest/teams/manifest.json.j2 with the bot id from MicrosoftAppId,
and the two icons.
"""
from __future__ import annotations

import json
import os
import re
import sys
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import jinja2
from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.replies import CardAttachment, OutgoingActivity
from cards import CardView, render_adaptive, render_text
from cards.adaptive import ADAPTIVE_CONTENT_TYPE

MANIFEST_DIR = Path(__file__).resolve().parents[2] / "manifest" / "teams"
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
# Teams shows at most 10 commands per list; titles up to 32 characters, descriptions up to 128.
MAX_COMMANDS, MAX_TITLE, MAX_DESCRIPTION = 10, 32, 128
# Conversations where several people talk, so the bot must be addressed by name.
SHARED_CONVERSATIONS = ("channel", "groupChat")


class PackageError(ValueError):
    """The Teams package cannot be built; the message says what to set."""


# ---- cards --------------------------------------------------------------------------------
def teams_activity(view: CardView) -> Activity:
    """The Adaptive Card 1.5 for Teams, full width (Teams' own `msteams` property) so quotes stay readable."""
    content = render_adaptive(view)
    content["msteams"] = {"width": "Full"}
    return OutgoingActivity(type=ActivityTypes.message,
                            summary=view.summary or render_text(view, numbered_buttons=False),
                            attachments=[CardAttachment(content_type=ADAPTIVE_CONTENT_TYPE, content=content)])


# ---- in a team channel, answer only when @mentioned -----------------------------------------
def mentions_bot(activity) -> bool:
    """Whether the activity carries a Teams mention of the bot (its recipient)."""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        props = entity.additional_properties or {}
        if entity.type == "mention":
            mentioned = props.get("mentioned") or {}
            if bot_id and mentioned.get("id") == bot_id:
                return True
    return False


def addressed_to_bot(context: TurnContext) -> bool:
    """False for a Teams channel or group-chat message that does not @mention the bot.

    Card button clicks (a submit with a value) always count: the person clicked the bot's own card.
    The mention text itself is removed later by bot.turn.message_text.
    """
    activity = context.activity
    if activity.channel_id != "msteams" or activity.type != ActivityTypes.message:
        return True
    conversation_type = activity.conversation.conversation_type if activity.conversation else None
    if conversation_type not in SHARED_CONVERSATIONS:
        return True
    if isinstance(activity.value, dict):
        return True
    return mentions_bot(activity)


# ---- the app package ------------------------------------------------------------------------
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
    full_description: str = (
        "Answers staff questions about the trust's social media policy by quoting the policy "
        "itself with its section, guides staff through the situations they meet, takes "
        "safeguarding concerns to the designated person for Child Protection, and runs the "
        "new-starter onboarding quiz. In a team channel, @mention the bot to ask it something.")

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "TeamsApp":
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
        domains = (env.get("TEAMS_VALID_DOMAINS") or "").split(",")
        values["valid_domains"] = tuple(d.strip() for d in domains if d.strip())
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
    import tempfile

    from app import create_app  # here, not at the top: app imports the features, which import this module
    from bot import appkeys
    from bot.settings import Settings

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
