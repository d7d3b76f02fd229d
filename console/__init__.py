"""The policy owners' and leaders' console: a small web app served beside the bot (`/console`).

Server-rendered with jinja2, a session cookie opened by a single-use link the bot gives
(`console` in chat). It imports nothing from botbuilder nor from `bot/`: bot/features/console.py
builds a `ConsoleContext` with what it needs and adds its routes.
"""
