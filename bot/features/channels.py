"""Channel specifics: Teams mention rule, Slack (both routes), and the local web chat page."""
from __future__ import annotations

import logging

from aiohttp import web

from bot import appkeys
from bot.adapter import on_turn_error
from bot.channels import directline, directline_connector, teams
from bot.channels.slack import SLACK, SlackSettings, normalise_click, slack_activity
from bot.registry import Registry
from bot.settings import SettingsError

log = logging.getLogger(__name__)

WEBCHAT_MODES = ("auto", "off")


def webchat_enabled(settings) -> bool:
    """The local web chat is on unless WEBCHAT=off, and never once MicrosoftAppId is set."""
    mode = (settings.env.get("WEBCHAT") or "auto").strip().lower()
    if mode not in WEBCHAT_MODES:
        raise SettingsError("WEBCHAT", f"must be one of {', '.join(WEBCHAT_MODES)}, got {mode!r}")
    return mode == "auto" and not settings.auth_enabled


def register(registry: Registry, services) -> None:
    settings = services.settings
    registry.renderers[SLACK] = slack_activity
    registry.renderers["msteams"] = teams.teams_activity
    registry.on_inbound("msteams", teams.addressed_to_bot)
    registry.on_inbound(SLACK, normalise_click)

    slack = SlackSettings.from_env(settings.env)
    if slack is not None:
        from bot.channels.slack_adapter import GuidanceSlackAdapter

        adapter = GuidanceSlackAdapter(slack, services.clock, on_turn_error)
        services.slack_adapter = adapter
        registry.workers.append(adapter.connections)

        async def slack_user(context) -> tuple[str, str]:
            """Name and email from Slack's users.info (ids from Azure look like U123:T456)."""
            user = await adapter.user_info(context.activity.from_property.id.split(":")[0])
            profile = user.get("profile") or {}
            return profile.get("real_name") or user.get("real_name") or "", profile.get("email") or ""

        services.people.lookups[SLACK] = slack_user

        async def slack_events(request: web.Request) -> web.Response:
            """Take one request from Slack (events, button clicks, slash commands)."""
            return await adapter.process(request, request.app[appkeys.BOT].on_turn)

        registry.routes.append(lambda app: app.router.add_post("/api/slack", slack_events))

    if webchat_enabled(settings):
        registry.routes.append(lambda app: directline.add_routes(app, services.clock))
        registry.routes.append(directline_connector.add_connector_routes)
    else:
        log.info("local web chat is off (MicrosoftAppId is set or WEBCHAT=off)")
