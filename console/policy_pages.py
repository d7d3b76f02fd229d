"""Policies: the live version of each, its history and each version's text; a new version of a
policy (uploaded or pasted), and another policy imported from its document."""
from __future__ import annotations

from aiohttp import web

from policy_kb.bundle import PRIMARY, clause_entries
from policy_kb.revision.draft import policy_draft, revision_draft, slug
from policy_kb.revision.importer import DocumentError, from_text, read_document

from .knowledge import shipped_bundle
from .web import CONTEXT, FORM, HEADERS, Visitor, owner, page, render, reviewer

SHIPPED = "as shipped"


def base_bundle(ctx, policy: str) -> dict | None:
    """The live version of a policy as data, before the review queue's decisions."""
    live = ctx.live.current.policy(policy)
    if live is None:
        return None
    return live.bundle if live.bundle is not None else shipped_bundle()


@page(reviewer, "policies")
async def policies(request: web.Request, visitor: Visitor) -> web.Response:
    """Each policy: its live version, its history, and what an owner can do with it."""
    ctx = request.app[CONTEXT]
    rows = []
    for live in ctx.live.current.policies:
        history = [(v.number, v.adopted_on, v.published_at, v.published_by) for v in await ctx.library.versions(live.policy)]
        if live.policy == PRIMARY:
            seed = shipped_bundle()
            history.append((seed["version"], seed["date"], None, SHIPPED))
        rows.append((live, history))
    drafts = await ctx.library.open_drafts()
    return render(request, "policies.html.j2", visitor=visitor, rows=rows, drafts=drafts,
                  published=request.query.get("published", ""))


@page(reviewer, "version text")
async def version(request: web.Request, visitor: Visitor) -> web.Response:
    """One version: its text as adopted, and its clauses."""
    ctx = request.app[CONTEXT]
    policy, number = request.match_info["policy"], request.match_info["number"]
    bundle = await ctx.library.bundle(policy, number)
    if bundle is None and policy == PRIMARY and number == shipped_bundle()["version"]:
        bundle = shipped_bundle()
    if bundle is None:
        raise web.HTTPNotFound(text="No such version.", headers=HEADERS)
    return render(request, "version.html.j2", visitor=visitor, bundle=bundle,
                  clauses=[entry for _, entry in clause_entries(bundle)])


@page(owner, "new version form")
async def new_version_form(request: web.Request, visitor: Visitor) -> web.Response:
    ctx = request.app[CONTEXT]
    live = ctx.live.current.policy(request.match_info["policy"])
    if live is None:
        raise web.HTTPNotFound(text="No such policy.", headers=HEADERS)
    return render(request, "upload.html.j2", visitor=visitor, live=live, problem="")


def _document(form, known_headings=()):
    """The uploaded file, else the pasted text; DocumentError when neither can be read."""
    upload = form.get("file")
    if isinstance(upload, tuple) and upload[1]:
        document = read_document(*upload)
        return from_text(document.text, (*known_headings, *document.headings)) if known_headings else document
    pasted = str(form.get("text", "")).strip()
    if not pasted:
        raise DocumentError("choose a file, or paste the policy's text")
    return from_text(pasted, tuple(known_headings))


@page(owner)
async def new_version(request: web.Request, visitor: Visitor) -> web.StreamResponse:
    """Compare an uploaded text with the live version and open a draft to review."""
    ctx = request.app[CONTEXT]
    policy = request.match_info["policy"]
    live = ctx.live.current.policy(policy)
    if live is None:
        raise web.HTTPNotFound(text="No such policy.", headers=HEADERS)
    try:
        document = _document(request[FORM], live.kb.headings)
    except DocumentError as exc:
        return render(request, "upload.html.j2", status=400, visitor=visitor, live=live,
                      problem=f"That document could not be read: {exc}. Nothing was changed.")
    questions, situations = ctx.references() if policy == PRIMARY else ([], [])
    draft = revision_draft(base_bundle(ctx, policy), live.kb, document, questions, situations)
    draft_id = await ctx.library.create_draft(policy, "revision", draft, visitor.identity.actor)
    flagged = sum(1 for item in draft["items"])
    await ctx.audit.record(visitor.identity.actor, "draft created", f"draft {draft_id}",
                           f"new version of {policy}: {flagged} item(s) to review")
    raise web.HTTPSeeOther(f"/console/drafts/{draft_id}", headers=HEADERS)


@page(owner, "import form")
async def import_form(request: web.Request, visitor: Visitor) -> web.Response:
    return render(request, "import.html.j2", visitor=visitor, problem="", title="")


@page(owner)
async def import_policy(request: web.Request, visitor: Visitor) -> web.StreamResponse:
    """Another policy: draft one clause per bullet and sentence of its document."""
    ctx = request.app[CONTEXT]
    form = request[FORM]
    title = " ".join(str(form.get("title", "")).split())[:120]
    try:
        if not title:
            raise DocumentError("give the policy's title")
        document = _document(form)
    except DocumentError as exc:
        return render(request, "import.html.j2", status=400, visitor=visitor, title=title,
                      problem=f"That document could not be read: {exc}. Nothing was changed.")
    taken = {*(p.policy for p in ctx.live.current.policies), *(d.policy for d in await ctx.library.open_drafts())}
    policy, number = slug(title, 30), 2
    while policy in taken:
        policy, number = f"{slug(title, 28)}_{number}", number + 1
    topics = [line for line in str(form.get("out_of_scope", "")).split("\n") if line.strip()]
    draft = policy_draft(policy, title, document, topics)
    draft_id = await ctx.library.create_draft(policy, "new_policy", draft, visitor.identity.actor)
    await ctx.audit.record(visitor.identity.actor, "draft created", f"draft {draft_id}",
                           f"new policy {policy}: {len(draft['items'])} block(s) to review")
    raise web.HTTPSeeOther(f"/console/drafts/{draft_id}", headers=HEADERS)


def routes(app: web.Application) -> None:
    app.router.add_get("/console/policies", policies)
    app.router.add_get("/console/policies/{policy}/versions/{number}", version)
    app.router.add_get("/console/policies/{policy}/new", new_version_form)
    app.router.add_post("/console/policies/{policy}/new", new_version)
    app.router.add_get("/console/import", import_form)
    app.router.add_post("/console/import", import_policy)
