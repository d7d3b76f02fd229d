"""Typed keys for what create_app stores on the aiohttp Application."""
from aiohttp import web

SETTINGS = web.AppKey("settings", object)
SERVICES = web.AppKey("services", object)
REGISTRY = web.AppKey("registry", object)
ADAPTER = web.AppKey("adapter", object)
BOT = web.AppKey("bot", object)
