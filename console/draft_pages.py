"""A draft: the diff against the live version, every flagged item with its review form, and
publishing once nothing is left to review."""
from __future__ import annotations

import asyncio
from collections import Counter

from aiohttp import web

from policy_kb import STANCES, KnowledgeBaseError
from policy_kb.bundle import knowledge_base_from_bundle
from policy_kb.model import CONTACTS
from policy_kb.revision.draft import ReviewError, decide, open_items, publish_bundle

from .policy_pages import base_bundle
from .web import CONTEXT, FORM, HEADERS, Visitor, owner, page, render

KINDS = ("clause", "sentence", "question", "situation")


async def _draft(request: web.Request):
    ctx = request.app[CONTEXT]
    try:
        found = await ctx.library.draft(int(request.match_info["draft"]))
    except ValueError:
        found = None
    if found is None:
        raise web.HTTPNotFound(text="No such draft.", headers=HEADERS)
    return found


async def _page(request, visitor, draft, status=200, problem="", problem_item="", posted=None) -> web.Response:
    ctx = request.app[CONTEXT]
    state = draft.state
    waiting = [d for d in await ctx.library.decisions(state["policy"]) if d.kind == "needs_clause" and d.undone_at is None]
    return render(request, "draft.html.j2", status=status, visitor=visitor, draft=draft, state=state,
                  counts=Counter(c["kind"] for c in state["changes"]), open=len(open_items(state)),
                  items={kind: [i for i in state["items"] if i["type"] == kind] for kind in KINDS},
                  stances=STANCES, contacts=CONTACTS, problem=problem, problem_item=problem_item,
                  posted=posted or {}, waiting=waiting)


@page(owner, "draft")
async def show(request: web.Request, visitor: Visitor) -> web.Response:
    return await _page(request, visitor, await _draft(request))


@page(owner)
async def decide_item(request: web.Request, visitor: Visitor) -> web.StreamResponse:
    """Record the owner's decision on one item (a problem is shown at the item, with what was typed)."""
    ctx = request.app[CONTEXT]
    draft = await _draft(request)
    form = request[FORM]
    if draft.status != "open":
        return await _page(request, visitor, draft, 409, "This draft is no longer open.")
    fields = {key: str(form.get(key, "")) for key in ("action", "text", "headline", "stance", "answer", "keywords",
                                                      "examples")}
    fields["contacts"] = ",".join(str(c) for c in form.getall("contacts", []))
    item_id = str(form.get("item", ""))
    try:
        state = decide(draft.state, item_id, fields)
    except ReviewError as exc:
        return await _page(request, visitor, draft, 400, str(exc), item_id, fields)
    await ctx.library.save_draft(draft.id, state)
    await ctx.audit.record(visitor.identity.actor, "draft decision", f"draft {draft.id} {item_id}", fields["action"])
    raise web.HTTPSeeOther(f"/console/drafts/{draft.id}#{item_id.replace(':', '-')}", headers=HEADERS)


@page(owner)
async def publish(request: web.Request, visitor: Visitor) -> web.StreamResponse:
    """Publish a finished draft: it becomes the live version on every instance."""
    ctx = request.app[CONTEXT]
    draft = await _draft(request)
    form = request[FORM]
    number, adopted = str(form.get("number", "")), str(form.get("adopted", ""))
    posted = {"number": number, "adopted": adopted}
    if draft.status != "open":
        return await _page(request, visitor, draft, 409, "This draft is no longer open.")
    try:
        bundle = publish_bundle(draft.state, base_bundle(ctx, draft.policy) if draft.kind == "revision" else None,
                                number, adopted)
        kb = knowledge_base_from_bundle(bundle)
        await asyncio.to_thread(ctx.check_version, draft.policy, kb)
    except (ReviewError, KnowledgeBaseError) as exc:
        return await _page(request, visitor, draft, 400, str(exc), "publish", posted)
    if not await ctx.library.publish(draft.id, bundle, visitor.identity.actor):
        return await _page(request, visitor, draft, 400, f"version {number.strip()} already exists: choose another number",
                           "publish", posted)
    await ctx.audit.record(visitor.identity.actor, "published", f"{draft.policy} {bundle['version']}",
                           f"draft {draft.id}, adopted {bundle['date']}")
    await ctx.live.refresh()
    raise web.HTTPSeeOther(f"/console/policies?published={draft.policy}:{bundle['version']}", headers=HEADERS)


@page(owner)
async def discard(request: web.Request, visitor: Visitor) -> web.StreamResponse:
    ctx = request.app[CONTEXT]
    draft = await _draft(request)
    await ctx.library.discard_draft(draft.id)
    await ctx.audit.record(visitor.identity.actor, "draft discarded", f"draft {draft.id}")
    raise web.HTTPSeeOther("/console/policies", headers=HEADERS)


def routes(app: web.Application) -> None:
    app.router.add_get("/console/drafts/{draft}", show)
    app.router.add_post("/console/drafts/{draft}/decide", decide_item)
    app.router.add_post("/console/drafts/{draft}/publish", publish)
    app.router.add_post("/console/drafts/{draft}/discard", discard)
