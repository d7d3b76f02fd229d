"""The console's HTTP side: sessions from the cookie, roles, CSRF, headers, templates, the audit of
every view. Pages are plain aiohttp handlers wrapped by `page(...)`."""
from __future__ import annotations

import functools
import hmac
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

import jinja2
from aiohttp import web
from multidict import MultiDict

from policy_kb.revision.diff import word_marks

from .roles import Identity, RoleBook, Roles
from .signin import Session

log = logging.getLogger(__name__)

COOKIE = "console_session"
TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_FORM_BYTES = 256 * 1024
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# The console may be a personal tab in Teams, which shows it in a frame.
FRAME_ANCESTORS = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft"
HEADERS = {
    "Content-Security-Policy": f"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                               f"form-action 'self'; base-uri 'none'; frame-ancestors {FRAME_ANCESTORS}",
    "X-Content-Type-Options": "nosniff",
    # A sign-in link never leaves in a Referer header ("no-referrer" would make browsers send Origin: null).
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@dataclass
class ConsoleContext:
    """What the console needs from the app (bot/features/console.py builds it)."""

    db: Any
    clock: Callable
    library: Any  # console.library.Library
    audit: Any  # console.audit.Audit
    signin: Any  # console.signin.SignIn
    roles: RoleBook
    live: Any  # has .current (console.knowledge.LiveSet), async refresh(), matcher(policy)
    references: Callable[[], tuple[list, list]]  # quiz questions and situations, as impact.Reference
    check_version: Callable[[str, Any], None]  # (policy, kb): ReviewError when the matcher cannot use it
    quiz: Any = None  # records, pass mark and due days for the completion chart (None: no quiz)
    directory: Any = None  # safeguarding.contacts.Directory, when reporting is set up
    public_url: str = ""  # CONSOLE_URL: how sign-in links start ("" = as this request came in)
    templates: jinja2.Environment | None = None


CONTEXT = web.AppKey("console", ConsoleContext)
FORM = web.RequestKey("console.form", MultiDict)  # the posted fields, read once by `page`


@dataclass(frozen=True)
class Visitor:
    identity: Identity
    roles: Roles
    csrf: str


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["day"] = lambda value: f"{value:%d %b %Y}" if value else ""
    env.filters["minute"] = lambda value: f"{value:%d %b %Y %H:%M} UTC" if value else ""
    env.globals["marks"] = word_marks
    return env


def render(request: web.Request, template: str, status: int = 200, **values) -> web.Response:
    ctx = request.app[CONTEXT]
    html = ctx.templates.get_template(template).render(**{"problem": "", "message": "", **values})
    return web.Response(text=html, content_type="text/html", status=status, headers=HEADERS)


def secure(request: web.Request) -> bool:
    """Served over HTTPS (here, or at the proxy in front, as Azure App Service does)."""
    return request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"


def set_session_cookie(response: web.StreamResponse, request: web.Request, token: str, max_age: int) -> None:
    """HttpOnly always. Over HTTPS: Secure, and SameSite=None with Partitioned so that the Teams tab
    (a frame on a Microsoft site) keeps it; every change is then guarded by the CSRF token and
    Origin check. Over plain HTTP (this machine): SameSite=Lax. Written by hand: Python 3.11's
    http.cookies knows no Partitioned attribute."""
    https = secure(request)
    attributes = [f"{COOKIE}={token}", f"Max-Age={max_age}", "Path=/console", "HttpOnly"]
    attributes += ["Secure", "SameSite=None", "Partitioned"] if https else ["SameSite=Lax"]
    response.headers.add("Set-Cookie", "; ".join(attributes))


def clear_session_cookie(response: web.StreamResponse, request: web.Request) -> None:
    """The same cookie, expired (a partitioned cookie is only replaced by one that says so)."""
    set_session_cookie(response, request, "", 0)


def same_origin(request: web.Request) -> bool:
    """A POST from a page of this site (browsers send Origin on every POST): the host it was sent to,
    or CONSOLE_URL's, should a proxy in front change the Host header."""
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        return origin is None
    public = urlsplit(request.app[CONTEXT].public_url).netloc.lower()
    return urlsplit(origin).netloc.lower() in {request.host.lower(), public} - {""}


async def read_form(request: web.Request) -> MultiDict:
    """The posted fields; an uploaded file is `(filename, bytes)`. Uploads may be larger than the
    app's body limit, so multipart is read part by part with its own limit."""
    if request.content_type != "multipart/form-data":
        if (request.content_length or 0) > MAX_FORM_BYTES:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_FORM_BYTES, actual_size=request.content_length)
        return MultiDict(await request.post())
    form: MultiDict = MultiDict()
    reader = await request.multipart()
    total = 0
    while (part := await reader.next()) is not None:
        data = bytearray()
        while chunk := await part.read_chunk():
            data += chunk
            total += len(chunk)
            if total > MAX_UPLOAD_BYTES:
                raise web.HTTPRequestEntityTooLarge(max_size=MAX_UPLOAD_BYTES, actual_size=total)
        if part.filename is not None:
            form.add(part.name, (part.filename, bytes(data)))
        else:
            form.add(part.name, data.decode(part.get_charset(default="utf-8"), errors="replace"))
    return form


Handler = Callable[[web.Request, Visitor], Awaitable[web.StreamResponse]]


def page(allowed: Callable[[Roles], bool] | None = None, what: str = "") -> Callable[[Handler], Callable]:
    """Wrap a handler: a session is needed (else the sign-in page), a role (else 403, audited), the
    CSRF token on a POST; every GET is audited as a view."""
    def wrap(handler: Handler):
        @functools.wraps(handler)
        async def run(request: web.Request) -> web.StreamResponse:
            ctx = request.app[CONTEXT]
            session: Session | None = await ctx.signin.session(request.cookies.get(COOKIE))
            if session is None:
                return render(request, "signin.html.j2", status=401, visitor=None, token="", problem="")
            visitor = Visitor(session.identity, ctx.roles.roles(session.identity), session.csrf)
            if not visitor.roles.any or (allowed is not None and not allowed(visitor.roles)):
                await ctx.audit.record(visitor.identity.actor, "refused", request.path, what)
                return render(request, "refused.html.j2", status=403, visitor=visitor)
            if request.method == "POST":
                form = await read_form(request)
                if not same_origin(request) or not hmac.compare_digest(str(form.get("csrf", "")), session.csrf):
                    await ctx.audit.record(visitor.identity.actor, "refused", request.path, "stale or forged form")
                    return render(request, "refused.html.j2", status=403, visitor=visitor,
                                  message="That form was out of date. Go back, reload the page and try again.")
                request[FORM] = form
            else:
                await ctx.audit.record(visitor.identity.actor, "view", request.path_qs, what)
            return await handler(request, visitor)

        return run

    return wrap


def owner(roles: Roles) -> bool:
    return roles.owner


def reviewer(roles: Roles) -> bool:
    return roles.owner or roles.reviewer
