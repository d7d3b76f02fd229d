"""The review queue: link a question to a clause (it becomes one of its example questions), mark
it not covered (a negative example), or say it needs a new clause. The matcher uses each decision
at once, on every instance; each is audited and can be undone."""
from __future__ import annotations

from urllib.parse import urlencode

from aiohttp import web

from policy_kb.bundle import PRIMARY

from .queue import queue
from .web import CONTEXT, FORM, HEADERS, Visitor, page, render, reviewer

KINDS = {"link": "linked to a clause", "not_covered": "not covered", "needs_clause": "needs a new clause"}
MAX_QUESTION = 500


@page(reviewer, "review queue")
async def show(request: web.Request, visitor: Visitor) -> web.Response:
    ctx = request.app[CONTEXT]
    current = ctx.live.current
    policy = current.policy(request.query.get("policy", PRIMARY)) or current.primary
    decisions = await ctx.library.decisions(policy.policy)
    items = await queue(ctx.db, policy.policy, decisions)
    return render(request, "review.html.j2", visitor=visitor, policy=policy, policies=current.policies, items=items,
                  decisions=decisions, kinds=KINDS, problem=request.query.get("problem", ""))


def _back(policy: str, problem: str = "") -> web.HTTPSeeOther:
    query = urlencode({"policy": policy, **({"problem": problem} if problem else {})})
    return web.HTTPSeeOther(f"/console/review?{query}", headers=HEADERS)


@page(reviewer)
async def decide(request: web.Request, visitor: Visitor) -> web.StreamResponse:
    """Take one decision on a queued question."""
    ctx = request.app[CONTEXT]
    form = request[FORM]
    current = ctx.live.current
    policy = current.policy(str(form.get("policy", ""))) or current.primary
    question = " ".join(str(form.get("question", "")).split())[:MAX_QUESTION]
    kind = str(form.get("kind", ""))
    if kind not in KINDS or not question:
        raise _back(policy.policy, "choose what to do with the question")
    clause = None
    if kind == "link":
        clause = str(form.get("clause", "")) or None
        if clause is None or current.holding(clause) is None:
            raise _back(policy.policy, "choose the clause that answers the question")
    elif kind == "not_covered" and str(form.get("answered_by", "")) in policy.kb.by_id:
        clause = str(form.get("answered_by"))  # the clause that answered it must not; else the whole policy
    number = await ctx.library.decide(policy.policy, kind, clause, question, visitor.identity.actor)
    await ctx.audit.record(visitor.identity.actor, "review decision", f"decision {number}",
                           f"{policy.policy}: {KINDS[kind]}" + (f" ({clause})" if clause else ""))
    await ctx.live.refresh()
    raise _back(policy.policy)


@page(reviewer)
async def undo(request: web.Request, visitor: Visitor) -> web.StreamResponse:
    """Undo a decision: the question goes back to the queue, and the matcher forgets it."""
    ctx = request.app[CONTEXT]
    form = request[FORM]
    try:
        number = int(str(form.get("decision", "")))
    except ValueError:
        number = 0
    undone = await ctx.library.undo(number, visitor.identity.actor)
    if undone is None:
        raise _back(str(form.get("policy", PRIMARY)), "that decision was already undone")
    await ctx.audit.record(visitor.identity.actor, "review undo", f"decision {number}", f"{undone.policy}: "
                           f"{KINDS.get(undone.kind, undone.kind)}")
    await ctx.live.refresh()
    raise _back(undone.policy)


def routes(app: web.Application) -> None:
    app.router.add_get("/console/review", show)
    app.router.add_post("/console/review/decide", decide)
    app.router.add_post("/console/review/undo", undo)
