"""A stock botbuilder 4.17 echo bot: CloudAdapter + ConfigurationBotFrameworkAuthentication defaults.

The yardstick for `make bench`. Nothing here is tuned. Usage: PORT=3979 python bench/echo_bot.py
"""
from __future__ import annotations

import os

from aiohttp import web
from botbuilder.core import ActivityHandler, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication


class DefaultConfig:
    APP_ID = os.environ.get("MicrosoftAppId", "")  # noqa: SIM112 - the name botbuilder documents
    APP_PASSWORD = os.environ.get("MicrosoftAppPassword", "")  # noqa: SIM112
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext):
        """Say back what was said."""
        await turn_context.send_activity(f"Echo: {turn_context.activity.text}")


def create_app() -> web.Application:
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(DefaultConfig()))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot)

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "3979")),
                access_log=None, print=None)
