"""The policy owners' and leaders' console (`/console`): the `console` command that signs people in
with a single-use link, the live knowledge base every instance reloads, and policy questions
answered across every published policy. The web side is the `console` package."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.registry import Registry
from bot.settings import SettingsError, env_float
from bot.turn import Turn
from cards import Button, CardView, Text
from console import auth_pages, chart_pages, draft_pages, policy_pages, review_pages
from console.audit import Audit
from console.knowledge import lexicon_for
from console.library import Library
from console.roles import Identity, RoleBook, parse_ids
from console.signin import SignIn
from console.tables import MIGRATIONS
from console.web import CONTEXT, ConsoleContext, environment
from policy_kb.bundle import PRIMARY
from policy_kb.revision.draft import ReviewError
from policy_kb.revision.impact import Reference
from policy_kb.search import Matcher

from . import console_answers
from .console_live import LiveKnowledge

GROUP_TYPES = ("groupChat", "channel")


@dataclass(frozen=True)
class ConsoleConfig:
    owners: frozenset[str]  # POLICY_OWNERS
    url: str  # CONSOLE_URL ("" = this machine, http://127.0.0.1:PORT)
    link_minutes: float  # CONSOLE_LINK_MINUTES
    session_hours: float  # CONSOLE_SESSION_HOURS
    poll_seconds: float  # KB_POLL_SECONDS

    @classmethod
    def from_env(cls, env) -> ConsoleConfig:
        url = env.get("CONSOLE_URL", "").strip().rstrip("/")
        if url:
            parts = urlsplit(url)
            local = parts.hostname in ("127.0.0.1", "localhost", "::1")
            if parts.scheme not in ("https", "http") or not parts.hostname or (parts.scheme == "http" and not local):
                raise SettingsError("CONSOLE_URL", f"must be the https:// address the app is served at, got {url!r}")
        return cls(parse_ids(env.get("POLICY_OWNERS", "")), url,
                   env_float(env, "CONSOLE_LINK_MINUTES", 5.0, minimum=0.5),
                   env_float(env, "CONSOLE_SESSION_HOURS", 8.0, minimum=0.1),
                   env_float(env, "KB_POLL_SECONDS", 2.0, minimum=0.1))


def references(services) -> tuple[list[Reference], list[Reference]]:
    """The quiz questions and situations of the first policy, with the clauses each rests on."""
    bank = services.quiz.bank if services.quiz is not None else None
    questions = [Reference(q.id, q.prompt, (q.clause, *(c for o in q.options for c in o.clauses)))
                 for q in (bank.questions if bank else ())]
    book = services.scenarios
    situations = [Reference(s.id, s.title, (*s.key_clauses, *(c for o in s.outcomes() for a in o.actions
                                                                for c in a.clauses)))
                  for s in (book.scenarios if book else ())]
    return questions, situations


def check_version(policy: str, kb, live: LiveKnowledge) -> None:
    """Build the matcher a version would use and put every example question through it (and the
    questions the live version was built on), so a version the matcher cannot use never goes live."""
    primary = policy == PRIMARY
    matcher = Matcher(kb) if primary else Matcher(kb, lexicon_for(kb))
    questions = [q for clause in (*kb.clauses, *(live.shipped.clauses if primary else ())) for q in
                 (*clause.examples, *clause.not_about)]
    for question in questions:
        try:
            matcher.answer(question)
        except Exception as exc:  # noqa: BLE001 - any failure here must stop the publish, with its reason
            raise ReviewError(f"the bot could not answer “{question}” from this version ({type(exc).__name__}: "
                              f"{exc}); a clause it relies on may have been retired") from None


class ConsoleCommand:
    def __init__(self, services, ctx: ConsoleContext, config: ConsoleConfig):
        self.services, self.ctx, self.config = services, ctx, config

    def base_url(self) -> str:
        settings = self.services.settings
        host = settings.host if settings.host not in ("0.0.0.0", "::", "") else "127.0.0.1"
        return self.config.url or f"http://{host}:{settings.port}"

    async def open(self, turn: Turn) -> None:
        """Give a single-use sign-in link to the console, for the identity the channel gave."""
        conversation = turn.context.activity.conversation
        if conversation is not None and (conversation.is_group or conversation.conversation_type in GROUP_TYPES):
            await turn.send("I only give console sign-in links in our 1:1 chat: message me there and type console.")
            return
        person = await self.services.people.person(turn.context)
        who = Identity(person.user_key, person.email, person.aad_object_id, person.name)
        roles = self.ctx.roles.roles(who)
        if not roles.any:
            await self.ctx.audit.record(who.actor, "signin refused", "console command", "no console role")
            await turn.send("The console is for the policy owners, quiz admins, Q&A reviewers and safeguarding "
                            "leads. You aren't set up as one of them.")
            return
        token = await self.ctx.signin.make_link(who)
        url = f"{self.base_url()}/console/signin?t={token}"
        await self.ctx.audit.record(who.actor, "link issued", "console command", ", ".join(roles.names))
        minutes = f"{self.config.link_minutes:g}"
        await turn.send(CardView(
            title="Sign in to the console",
            blocks=(Text("You're signed in as: " + "; ".join(roles.names) + "."),
                    Text(f"The link works once, for {minutes} minutes. Don't forward it.", style="subtle"),
                    Text(f"To sign in inside the Console tab in Teams, paste this link there: {url}", style="subtle")),
            buttons=(Button("Open the console", url=url),)))


def register(registry: Registry, services) -> None:
    config = ConsoleConfig.from_env(services.settings.env)
    library = Library(services.db, lambda: services.clock())
    live = LiveKnowledge(services, registry, library, config.poll_seconds)
    quiz = services.quiz
    roles = RoleBook(config.owners, services.qa.admins if services.qa else frozenset(),
                     quiz.config.admins if quiz is not None else {},
                     getattr(services.reports, "directory", None))
    clock = lambda: services.clock()
    ctx = ConsoleContext(services.db, clock, library, Audit(services.db, clock),
                         SignIn(services.db, clock, config.link_minutes, config.session_hours), roles, live,
                         lambda: references(services), lambda policy, kb: check_version(policy, kb, live), quiz,
                         roles.directory, config.url, environment())
    if services.reports is not None:
        services.reports.store.policy_version = lambda: services.kb.version
    registry.migrations.extend(MIGRATIONS)
    registry.workers.append(live.worker())
    console_answers.register(registry, services, live)

    def add_routes(app) -> None:
        app[CONTEXT] = ctx
        for pages in (auth_pages, policy_pages, draft_pages, review_pages, chart_pages):
            pages.routes(app)

    registry.routes.append(add_routes)
    command = ConsoleCommand(services, ctx, config)
    registry.command("console", ("console", "open console", "console link", "sign in to the console"), command.open,
                     "Policy owners and leaders: sign in to the console", hidden=True)
