"""The Slack app manifest in manifest/slack validates against Slack's schema and matches the adapter."""
import json
from pathlib import Path

from tests.support.schemas import slack_manifest_validator

MANIFEST = Path(__file__).resolve().parents[2] / "manifest" / "slack" / "app-manifest.json"


def load() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def test_slack_manifest_is_valid():
    assert [e.message for e in slack_manifest_validator().iter_errors(load())] == []


def test_the_schema_check_would_catch_a_wrong_manifest():
    manifest = load()
    del manifest["display_information"]["name"]
    manifest["oauth_config"]["scopes"]["bot"] = "chat:write"
    assert len(list(slack_manifest_validator().iter_errors(manifest))) >= 2


def test_manifest_sends_what_the_adapter_handles_to_api_slack():
    settings = load()["settings"]
    assert settings["event_subscriptions"]["request_url"].endswith("/api/slack")
    assert settings["interactivity"]["request_url"].endswith("/api/slack")
    # Direct messages and @mentions only: in channels the bot answers when mentioned.
    assert sorted(settings["event_subscriptions"]["bot_events"]) == ["app_mention", "message.im"]
    assert [c["url"] for c in load()["features"]["slash_commands"]] == [settings["interactivity"]["request_url"]]
    scopes = load()["oauth_config"]["scopes"]["bot"]
    assert {"chat:write", "commands", "users:read", "users:read.email"} <= set(scopes)
