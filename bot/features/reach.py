"""Reach a person proactively (alerts, acknowledgement notices, reminders).

In Teams a proactive message goes only to the person's 1:1 conversation with the bot, never a
group chat or channel, even the one they last wrote in. Their accounts (several can share an
email: Teams and Slack, an old Teams account) are tried in order: a live 1:1 conversation first,
then the most recently used. An account without a 1:1 conversation gets a new one, opened with
botbuilder's `CloudAdapter.create_conversation` (Teams `createConversation`: the person's AAD
object id, or their Teams user id, and the tenant, `isGroup` false), as Microsoft's proactive
samples do. Teams accepts that only when the app is installed for the person (README: installing
for all staff). A conversation Teams refuses for good (403 or 404: the bot removed or blocked,
the conversation gone) is forgotten, and the account is not tried again for
PROACTIVE_PAUSE_MINUTES; the next account, or a new conversation, is tried instead.
Outside Teams the latest conversation is used, as it always was.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from botbuilder.core import TurnContext
from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationParameters, ConversationReference

from bot.channels.personal import Account
from bot.channels.tenants import PERSONAL, TEAMS
from cards import CardView

log = logging.getLogger(__name__)

# Connector answers that mean "not this conversation, not now, not later": the bot was removed or
# blocked (403), the conversation or the user is gone (404, 410). Anything else may pass.
REFUSED_FOR_GOOD = frozenset({403, 404, 410})


class Unreachable(Exception):
    """Nobody could be reached: no account, every account paused, or every one refused for good."""


@dataclass(frozen=True)
class Target:
    """Whom to reach: by email or AAD object id (trusted tenants only in Teams), or by user key."""

    email: str = ""
    aad_object_id: str = ""
    user_key: str = ""


@dataclass(frozen=True)
class Reached:
    activity_id: str | None
    reference: ConversationReference


def status_of(exc: BaseException) -> int | None:
    """The HTTP status of a refused Connector call (botframework's ErrorResponseException keeps the
    response as `.response`), or None."""
    status = getattr(getattr(exc, "response", None), "status_code", None)
    return status if isinstance(status, int) else None


def refused_for_good(exc: BaseException) -> bool:
    return status_of(exc) in REFUSED_FOR_GOOD


def failure(exc: BaseException) -> str:
    status = status_of(exc)
    return f"{status} {type(exc).__name__}" if status else type(exc).__name__


def ordered(accounts: list[Account], now) -> list[Account]:
    """The accounts worth trying, best first: a live 1:1 conversation (outside Teams, the latest
    conversation) before none, then the most recently used; paused ones are left out."""
    usable = [a for a in accounts if not (a.paused_until and a.paused_until > now)]
    return sorted(usable, key=lambda a: (not _live(a), -a.last_seen.timestamp()))


def _live(account: Account) -> bool:
    return account.personal is not None if account.person.channel_id == TEAMS else True


class Reach:
    """Proactive delivery for every feature: `await reach.send(adapter, Target(...), view)`."""

    def __init__(self, services):
        self.services = services

    @property
    def people(self):
        return self.services.people

    async def send(self, adapter, target: Target, view: CardView) -> Reached:
        """Deliver a card to the first account that takes it; raise Unreachable when none can, or
        the first passing failure (an outage) so that the caller retries later."""
        now = self.services.clock()
        accounts = await self.people.accounts(target.email, target.aad_object_id, target.user_key)
        trouble: BaseException | None = None
        for account in ordered(accounts, now):
            try:
                reached = await self._account(adapter, account, view)
            except Exception as exc:  # noqa: BLE001 - a passing failure: try the others, then report it
                log.info("proactive send to an account failed (%s)", failure(exc))
                trouble = trouble or exc
                continue
            if reached is not None:
                return reached
        tried = {(a.person.aad_object_id, a.tenant_id) for a in accounts if a.person.channel_id == TEAMS}
        if target.aad_object_id and trouble is None:
            reached = await self._stranger(adapter, target.aad_object_id.lower(), tried, view)
            if reached is not None:
                return reached
        if trouble is not None:
            raise trouble
        raise Unreachable()

    async def update(self, adapter, reference: ConversationReference, activity_id: str, view: CardView) -> None:
        """Replace a card sent earlier in place; raise what the channel raised."""
        await self._in(adapter, reference, lambda context: self.services.replies.update(context, activity_id, view))

    # ---- one account -----------------------------------------------------------------
    async def _account(self, adapter, account: Account, view: CardView) -> Reached | None:
        """Reach one account, or None when it refused for good (recorded, so it is skipped a while)."""
        person = account.person
        if person.channel_id != TEAMS:
            try:
                return await self._continue(adapter, account.latest, view)
            except Exception as exc:
                if not refused_for_good(exc):
                    raise
                await self.people.refused(person.user_key, account.tenant_id, person.channel_id, self._pause(),
                                          failure(exc))
                return None
        if account.personal is not None:
            try:
                return await self._continue(adapter, account.personal, view)
            except Exception as exc:
                if not refused_for_good(exc):
                    raise
                # That conversation is gone: open another (Teams gives the same one back if it still exists).
                await self.people.refused(person.user_key, account.tenant_id, TEAMS, None, failure(exc))
        member = ChannelAccount(id=person.aad_object_id or person.user_id, aad_object_id=person.aad_object_id or None)
        return await self._open(adapter, person.user_key, account.tenant_id, member, account.latest.service_url,
                                account.latest.bot, view)

    async def _stranger(self, adapter, aad: str, tried: set, view: CardView) -> Reached | None:
        """Someone known only by AAD object id (a contact who never wrote to the bot): open a 1:1 chat in
        each of the trust's tenants until one takes it. Needs the app installed for them."""
        key = f"aad:{aad}"
        now = self.services.clock()
        for tenant in sorted(self.people.tenants.trusted):
            if (aad, tenant) in tried:
                continue
            route = await self.people.route_for(key, tenant)
            if route is not None and route.paused_until and route.paused_until > now:
                continue
            if route is not None and route.reference is not None:
                try:
                    return await self._continue(adapter, route.reference, view)
                except Exception as exc:
                    if not refused_for_good(exc):
                        raise
                    await self.people.refused(key, tenant, TEAMS, None, failure(exc))
            seen = await self.people.tenant_route(tenant)
            service_url = seen.service_url if seen else self.services.settings.teams_service_url
            app_id = self.services.settings.app_id
            bot = seen.bot if seen else (ChannelAccount(id=f"28:{app_id}") if app_id else None)
            reached = await self._open(adapter, key, tenant, ChannelAccount(id=aad, aad_object_id=aad), service_url,
                                       bot, view)
            if reached is not None:
                return reached
        return None

    async def _open(self, adapter, key: str, tenant: str, member: ChannelAccount, service_url: str,
                    bot: ChannelAccount | None, view: CardView) -> Reached | None:
        """Open a new 1:1 conversation with `member` and send the card there; None when Teams refused."""
        if not tenant or not member.id or not service_url:
            return None
        parameters = ConversationParameters(is_group=False, bot=bot, members=[member], tenant_id=tenant,
                                            channel_data={"tenant": {"id": tenant}})
        outcome: dict = {}

        async def callback(context: TurnContext) -> None:
            outcome["conversation"] = context.activity.conversation.id
            await self._deliver(context, view, outcome)

        try:
            await adapter.create_conversation(self.services.settings.app_id or None, callback, parameters,
                                              TEAMS, service_url)
        except Exception as exc:
            if not refused_for_good(exc):
                raise
            await self.people.refused(key, tenant, TEAMS, self._pause(), failure(exc))
            return None
        reference = ConversationReference(
            channel_id=TEAMS, service_url=service_url, bot=bot, user=member,
            conversation=ConversationAccount(id=outcome["conversation"], conversation_type=PERSONAL,
                                             tenant_id=tenant, is_group=False))
        error = outcome.get("error")
        if error is not None and refused_for_good(error):
            await self.people.refused(key, tenant, TEAMS, self._pause(), failure(error))
            return None
        await self.people.record_personal(key, tenant, reference)
        if error is not None:
            raise error
        return Reached(outcome.get("id"), reference)

    # ---- the Connector calls -----------------------------------------------------------
    async def _continue(self, adapter, reference: ConversationReference, view: CardView) -> Reached:
        outcome: dict = {}
        await adapter.continue_conversation(reference, lambda context: self._deliver(context, view, outcome),
                                            bot_app_id=self.services.settings.app_id or None)
        if "error" in outcome:
            raise outcome["error"]
        return Reached(outcome.get("id"), reference)

    async def _in(self, adapter, reference: ConversationReference, action) -> None:
        outcome: dict = {}

        async def callback(context: TurnContext) -> None:
            try:
                await action(context)
            except Exception as exc:  # noqa: BLE001 - raised to the caller below
                outcome["error"] = exc

        await adapter.continue_conversation(reference, callback, bot_app_id=self.services.settings.app_id or None)
        if "error" in outcome:
            raise outcome["error"]

    async def _deliver(self, context: TurnContext, view: CardView, outcome: dict) -> None:
        # The adapter would hand an exception to on_turn_error and swallow it: keep it for the caller.
        try:
            response = await self.services.replies.send(context, view)
            outcome["id"] = response.id if response else None
        except Exception as exc:  # noqa: BLE001
            outcome["error"] = exc

    def _pause(self):
        return self.services.clock() + timedelta(minutes=self.services.settings.proactive_pause_minutes)


def reach_of(services) -> Reach:
    """The one Reach of an app (features share it)."""
    if services.reach is None:
        services.reach = Reach(services)
    return services.reach
