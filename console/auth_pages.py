"""Signing in with the bot's single-use link, signing out, and the console's first page."""
from __future__ import annotations

import re

from aiohttp import web

from .web import (
    CONTEXT,
    COOKIE,
    HEADERS,
    Visitor,
    clear_session_cookie,
    page,
    read_form,
    render,
    same_origin,
    set_session_cookie,
)

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")


def token_in(text: str) -> str:
    """The token of a sign-in link, or the token itself, as pasted."""
    found = re.search(r"[?&]t=([A-Za-z0-9_-]+)", text or "")
    token = found.group(1) if found else (text or "").strip()
    return token if _TOKEN.fullmatch(token) else ""


async def signin_form(request: web.Request) -> web.Response:
    """A link was opened: ask for a click, so a link preview fetching it cannot use it up."""
    return render(request, "signin.html.j2", visitor=None, token=token_in(request.query.get("t", "")))


async def signin(request: web.Request) -> web.StreamResponse:
    """Redeem a link (once, before it expires) and open a session."""
    ctx = request.app[CONTEXT]
    form = await read_form(request)
    token = token_in(str(form.get("token", "")))
    if not same_origin(request) or not token:
        return render(request, "signin.html.j2", status=400, visitor=None, token="",
                      problem="That isn't a sign-in link. Type console to the bot for a new one.")
    session, who = await ctx.signin.redeem(token)
    if session is None:
        why = await ctx.signin.refusal(token)
        await ctx.audit.record(who.actor if who else "anonymous", "signin refused", "/console/signin", f"link {why}")
        return render(request, "signin.html.j2", status=403, visitor=None, token="",
                      problem=f"That sign-in link is {why}: each link works once, for a few minutes. "
                              "Type console to the bot for a new one.")
    await ctx.audit.record(who.actor, "signin", "/console/signin")
    response = web.HTTPSeeOther("/console", headers=HEADERS)
    set_session_cookie(response, request, session, int(ctx.signin.session_life.total_seconds()))
    raise response


@page(what="home")
async def home(request: web.Request, visitor: Visitor) -> web.Response:
    """The first page: what this person may do (without a session: how to sign in)."""
    ctx = request.app[CONTEXT]
    drafts = await ctx.library.open_drafts() if visitor.roles.owner else []
    return render(request, "home.html.j2", visitor=visitor, live=ctx.live.current, drafts=drafts)


@page()
async def signout(request: web.Request, visitor: Visitor) -> web.StreamResponse:
    """End the session here and now."""
    ctx = request.app[CONTEXT]
    await ctx.signin.end(request.cookies.get(COOKIE, ""))
    await ctx.audit.record(visitor.identity.actor, "signout", "/console/signout")
    response = web.HTTPSeeOther("/console", headers=HEADERS)
    clear_session_cookie(response, request)
    raise response


def routes(app: web.Application) -> None:
    app.router.add_get("/console", home)
    app.router.add_get("/console/signin", signin_form)
    app.router.add_post("/console/signin", signin)
    app.router.add_post("/console/signout", signout)
