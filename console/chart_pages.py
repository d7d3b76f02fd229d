"""The leaders' charts, each filtered to the schools the person may see, with its table and CSV;
and the audit log for policy owners."""
from __future__ import annotations

from aiohttp import web

from .charts import svg, to_csv
from .stats import acknowledgement, concerns_per_week, feedback_per_clause, questions_per_week, quiz_completion
from .web import CONTEXT, HEADERS, Visitor, owner, page, render


async def tables_for(request: web.Request, visitor: Visitor) -> list:
    """Every chart this person may see: none of another school's figures, concerns only for the
    DSLs, deputies, heads and the trust's leads."""
    ctx = request.app[CONTEXT]
    roles, today = visitor.roles, ctx.clock().date()
    current = ctx.live.current
    tables = []
    if ctx.quiz is not None and roles.quiz_scope:
        tables.append(await quiz_completion(ctx.quiz.records, roles.quiz_scope, current.primary.kb.version, today,
                                            ctx.quiz.config.due_days))
    if roles.question_scope:
        tables.append(await questions_per_week(ctx.db, roles.question_scope, today))
    if roles.sees_feedback:
        titles = {p.policy: p.kb.title for p in current.policies}

        def headline(policy: str, clause_id: str) -> str:
            live = current.policy(policy)
            clause = live.kb.by_id.get(clause_id) if live else None
            return clause.headline if clause else f"{clause_id} (retired)"

        tables.append(await feedback_per_clause(ctx.db, titles, headline))
    if roles.safeguarding:
        tables += await concerns_per_week(ctx.db, ctx.directory, roles.safeguarding, today)
        tables.append(await acknowledgement(ctx.db, ctx.directory, roles.safeguarding, today))
    return tables


@page(what="charts")
async def charts(request: web.Request, visitor: Visitor) -> web.Response:
    tables = await tables_for(request, visitor)
    return render(request, "charts.html.j2", visitor=visitor, charts=[(t, svg(t)) for t in tables])


@page(what="chart csv")
async def chart_csv(request: web.Request, visitor: Visitor) -> web.Response:
    wanted = request.match_info["chart"]
    table = next((t for t in await tables_for(request, visitor) if t.id == wanted), None)
    if table is None:
        raise web.HTTPNotFound(text="No such chart.", headers=HEADERS)
    return web.Response(text=to_csv(table), content_type="text/csv", charset="utf-8",
                        headers={**HEADERS, "Content-Disposition": f'attachment; filename="{wanted}.csv"'})


@page(owner, "audit log")
async def audit_log(request: web.Request, visitor: Visitor) -> web.Response:
    ctx = request.app[CONTEXT]
    return render(request, "audit.html.j2", visitor=visitor, entries=await ctx.audit.recent())


def routes(app: web.Application) -> None:
    app.router.add_get("/console/charts", charts)
    app.router.add_get("/console/charts/{chart}.csv", chart_csv)
    app.router.add_get("/console/audit", audit_log)
