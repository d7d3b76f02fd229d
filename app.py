"""The staff guidance bot: `create_app(settings)` builds the aiohttp app; `python app.py` serves it."""
from __future__ import annotations

import asyncio
import gc
import logging
import sys
from functools import lru_cache

from aiohttp import web


@lru_cache(maxsize=1)
def default_knowledge_base():
    """The policy KB is immutable, so one process loads (and validates) it once."""
    from policy_kb import load_knowledge_base

    return load_knowledge_base()


def create_app(settings=None) -> web.Application:
    """Build the adapter, storage, knowledge base and features; nothing starts until the app runs."""
    from bot import appkeys
    from bot.adapter import create_adapter
    from bot.connector import close_connector_clients
    from bot.features import register_all
    from bot.http import add_routes
    from bot.people import People
    from bot.registry import Registry
    from bot.replies import Replies
    from bot.services import Services, utc_now
    from bot.settings import Settings
    from bot.storage import Deliveries, SqlStorage
    from bot.turn import GuidanceBot, ReadOnceConversationState
    from store import Database

    settings = settings or Settings.from_env()
    kb = default_knowledge_base()
    registry = Registry()
    db = Database(settings.sqlalchemy_url)
    storage = SqlStorage(db)
    services = Services(settings=settings, kb=kb, db=db, conversation_state=ReadOnceConversationState(storage),
                        people=People(db, utc_now), replies=Replies(registry.renderers))
    register_all(registry, services)
    db.migrations = registry.migrations

    app = web.Application(client_max_size=settings.max_body_bytes)
    app[appkeys.SETTINGS] = settings
    app[appkeys.SERVICES] = services
    app[appkeys.REGISTRY] = registry
    app[appkeys.ADAPTER] = create_adapter(settings, Deliveries(db))
    app[appkeys.BOT] = GuidanceBot(registry, services.conversation_state, services)
    add_routes(app)
    for add_feature_routes in registry.routes:
        add_feature_routes(app)

    async def database(app_: web.Application):
        await db.start()
        yield
        await db.close()

    app.cleanup_ctx.append(database)
    app.cleanup_ctx.append(close_connector_clients)
    app.cleanup_ctx.extend(registry.workers)
    return app


async def freeze_startup_heap(app: web.Application) -> None:
    """Move everything built at start-up (knowledge base, indexes, modules) out of the garbage
    collector's reach, so full collections while serving stay short (p99 latency)."""
    gc.collect()
    gc.freeze()


def event_loop(settings) -> asyncio.AbstractEventLoop | None:
    """The loop `python app.py` serves on: uvloop (libuv) unless UVLOOP=0 or it is not installed
    (it has no Windows build), else asyncio's own. uvloop costs about a tenth less CPU a turn and
    shortens the latency tail (`make bench`; README, Performance)."""
    from bot.settings import env_flag

    if not env_flag(settings.env, "UVLOOP", True):
        return None
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop()


def main() -> int | str:
    from bot.settings import Settings, SettingsError
    from policy_kb import KnowledgeBaseError

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = Settings.from_env()
        app = create_app(settings)
        loop = event_loop(settings)
    except (SettingsError, KnowledgeBaseError) as exc:
        return f"Cannot start: {exc}"
    app.on_startup.append(freeze_startup_heap)
    web.run_app(app, host=settings.host, port=settings.port, access_log=None, loop=loop,
                print=lambda msg: logging.getLogger("app").info("%s", msg))
    return 0


if __name__ == "__main__":
    sys.exit(main())
