"""Slack, both ways: the Azure Bot Service Slack channel and the self-hosted route.

1. Azure Bot Service: activities arrive at /api/messages with channelId "slack". Cards go out
   as Block Kit in channelData (`slack_activity`, registered in Registry.renderers).
2. Self-hosted: `POST /api/slack` takes Slack's Events API, interactivity and slash-command
   requests directly (bot.channels.slack_adapter, on slack_sdk), configured by SLACK_BOT_TOKEN,
   SLACK_CLIENT_SIGNING_SECRET and SLACK_VERIFICATION_TOKEN.

Either way a button click (`block_actions`) becomes a message whose `value` is the button's
card data, exactly what an Adaptive Card Action.Submit sends, so dialogs work the same.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.settings import SettingsError
from cards import CardView, render_text
from cards.blockkit import BUTTON_PREFIX, render_blocks

SLACK = "slack"
DEFAULT_API_URL = "https://slack.com/api/"
_MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")


# ---- outgoing -------------------------------------------------------------------------------
def slack_activity(view: CardView) -> Activity:
    """A message whose channelData is the Slack message: Block Kit blocks plus fallback text."""
    text = view.summary or render_text(view, numbered_buttons=False)
    return Activity(type=ActivityTypes.message, text=text,
                    channel_data={"text": text, "blocks": render_blocks(view)})


# ---- incoming button clicks -----------------------------------------------------------------
def _input_value(element: Mapping[str, Any]) -> str | None:
    """An input's value from a block_actions `state`, as an Adaptive Card would submit it."""
    kind = element.get("type")
    if kind == "plain_text_input":
        return element.get("value") or ""
    if kind in ("radio_buttons", "static_select"):
        option = element.get("selected_option") or {}
        return option.get("value", "")
    if kind in ("checkboxes", "multi_static_select"):
        return ",".join(o.get("value", "") for o in element.get("selected_options") or [])
    if kind == "datepicker":
        return element.get("selected_date") or ""
    return None


def card_submit(payload: Mapping[str, Any]) -> dict | None:
    """The card data a Block Kit button click carries, with the message's inputs merged in.

    None when the payload is not a click on one of our card buttons.
    """
    if not isinstance(payload, Mapping) or payload.get("type") != "block_actions":
        return None
    action = next((a for a in payload.get("actions") or []
                   if isinstance(a, Mapping) and str(a.get("action_id", "")).startswith(BUTTON_PREFIX)), None)
    if action is None:
        return None
    try:
        data = json.loads(action.get("value") or "")
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    values = (payload.get("state") or {}).get("values") or {}
    for fields in values.values():
        for input_id, element in (fields or {}).items():
            value = _input_value(element or {})
            if value is not None:
                data.setdefault(input_id, value)  # the button's own data wins, as its action must
    return data


def _abs_payload(activity: Activity) -> Mapping[str, Any] | None:
    """The Slack interactivity payload the Azure Bot Service passes along, if any."""
    candidates = []
    if isinstance(activity.channel_data, Mapping):
        candidates += [activity.channel_data.get("Payload"), activity.channel_data.get("payload")]
    candidates.append(activity.value)
    for candidate in candidates:
        if isinstance(candidate, str):
            try:
                candidate = json.loads(candidate)
            except ValueError:
                continue
        if isinstance(candidate, Mapping) and candidate.get("type") == "block_actions":
            return candidate
    return None


def normalise_click(context: TurnContext) -> bool:
    """Turn a Slack button click arriving through Azure Bot Service into a card submit."""
    activity = context.activity
    if activity.channel_id != SLACK:
        return True
    payload = _abs_payload(activity)
    if payload is not None:
        data = card_submit(payload)
        if data is not None:
            activity.type = ActivityTypes.message
            activity.value = data
            activity.text = None
    return True


def strip_mentions(text: str) -> str:
    """Slack's `<@U123>` mention markup removed from a message."""
    return " ".join(_MENTION.sub(" ", text or "").split())


# ---- settings for the self-hosted route -----------------------------------------------------
@dataclass(frozen=True)
class SlackSettings:
    bot_token: str = field(repr=False)
    signing_secret: str = field(repr=False)
    verification_token: str = field(default="", repr=False)
    api_url: str = DEFAULT_API_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SlackSettings | None:
        """None when Slack is not configured; SettingsError when it is half configured."""
        token = (env.get("SLACK_BOT_TOKEN") or "").strip()
        secret = (env.get("SLACK_CLIENT_SIGNING_SECRET") or "").strip()
        verification = (env.get("SLACK_VERIFICATION_TOKEN") or "").strip()
        if not (token or secret or verification):
            return None
        if not token:
            raise SettingsError("SLACK_BOT_TOKEN", "must be set (the xoxb- token) to serve Slack at /api/slack")
        if not secret:
            raise SettingsError("SLACK_CLIENT_SIGNING_SECRET",
                                "must be set (Basic Information > Signing Secret) so requests from Slack can be verified")
        api_url = (env.get("SLACK_API_URL") or DEFAULT_API_URL).strip()
        if not api_url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise SettingsError("SLACK_API_URL", "must be an https:// URL")
        return cls(token, secret, verification, api_url if api_url.endswith("/") else api_url + "/")
