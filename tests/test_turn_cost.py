"""Storage cost per turn: state read once, written once and only when it changed; people cached."""
from __future__ import annotations

import asyncio
import gc
import re
import weakref
from contextlib import asynccontextmanager

from botbuilder.dialogs import Dialog, WaterfallDialog, WaterfallStepContext
from sqlalchemy import event

from bot import appkeys
from bot.outbound import MsrestResponse
from bot.people import Person


def count_statements(bot) -> list[str]:
    """Record every SQL statement the bot runs from now on (first word, table): through the
    engine, and through the state storage's SQLite read connection."""
    seen: list[str] = []

    def note(statement: str) -> None:
        words = statement.split()
        table = re.search(r"(?:FROM|INTO|UPDATE)\s+(\w+)", statement, re.I)
        if words and words[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            seen.append(f"{words[0].upper()} {table.group(1) if table else ''}".strip())

    def record(conn, cursor, statement, parameters, context, executemany):
        note(statement)

    event.listen(bot.services.db.engine.sync_engine, "before_cursor_execute", record)
    bot.services.conversation_state.storage.trace(note)
    return seen


async def test_a_returning_users_turn_reads_state_once_and_skips_an_unchanged_write(bot):
    await bot.send("c-cost", "hello")  # first turn: person recorded, state created
    statements = count_statements(bot)
    reply = await bot.send("c-cost", "thanks")
    assert "welcome" in reply.text.lower()
    assert statements == ["SELECT bot_state"]


async def test_a_new_conversation_without_a_dialog_reads_once_and_writes_no_state(bot):
    statements = count_statements(bot)
    reply = await bot.send("c-new", "hello")  # new user and conversation: welcome, person saved
    assert reply.activities
    assert [s for s in statements if "bot_state" in s] == ["SELECT bot_state"]
    assert [s for s in statements if "people" in s] == ["SELECT people", "INSERT people"]


async def test_a_turn_that_changes_dialog_state_writes_it_once(bot):
    async def ask_name(step: WaterfallStepContext):
        await step.context.send_activity("What is your name?")
        return Dialog.end_of_turn

    async def thank(step: WaterfallStepContext):
        await step.context.send_activity("Thank you.")
        return await step.end_dialog()

    bot.app[appkeys.BOT].dialogs.add(WaterfallDialog("ask", [ask_name, thank]))

    async def begin_ask(turn):
        await turn.begin("ask")

    bot.app[appkeys.REGISTRY].command("ask", ("ask",), begin_ask)
    await bot.send("c-dialog", "hello")
    statements = count_statements(bot)
    assert "What is your name" in (await bot.send("c-dialog", "ask")).text
    assert statements == ["SELECT bot_state", "INSERT bot_state"]
    statements.clear()
    assert "Thank you" in (await bot.send("c-dialog", "Sam")).text
    assert statements == ["SELECT bot_state", "UPDATE bot_state"]
    statements.clear()
    await bot.send("c-dialog", "thanks")  # nothing changed: no write
    assert statements == ["SELECT bot_state"]


async def test_people_io_happens_again_only_when_the_conversation_reference_changes(bot):
    await bot.send("c-p1", "hello", user="u5")
    statements = count_statements(bot)
    for _ in range(3):
        await bot.send("c-p1", "thanks", user="u5")
    assert not [s for s in statements if "people" in s]
    await bot.send("c-p2", "thanks", user="u5")  # same person, a new conversation: new reference
    assert [s for s in statements if "people" in s] == ["INSERT people"]


async def test_people_arriving_together_are_saved_in_a_few_commits(bot):
    for i in range(20):
        await bot.send(f"c-first{i}", "hello", user=f"crowd{i}")
    commits = []
    event.listen(bot.services.db.engine.sync_engine, "commit", lambda conn: commits.append(1))
    # Everyone opens a new conversation at once: each turn must save a new reference.
    replies = await asyncio.gather(*(bot.send(f"c-crowd{i}", "thanks", user=f"crowd{i}") for i in range(20)))
    during = len(commits)
    assert all(r.status == 201 and r.activities for r in replies)
    for i in range(20):
        reference = await bot.services.people.reference(f"emulator:crowd{i}")
        assert reference.conversation.id == f"c-crowd{i}"
    assert during < 10  # one per batch of queued people, not one per person


async def test_a_failed_group_commit_reaches_every_waiting_turn(bot, monkeypatch):
    people = bot.services.people

    async def broken_transaction():
        raise RuntimeError("disk full")
        yield  # pragma: no cover

    monkeypatch.setattr(people.db, "transaction", asynccontextmanager(broken_transaction))
    results = await asyncio.gather(*(people._save(Person(f"emulator:f{i}", "emulator", f"f{i}"), "{}")
                                     for i in range(5)), return_exceptions=True)
    assert all(isinstance(r, RuntimeError) for r in results)


def test_the_state_snapshot_sees_a_change_deep_in_the_dialog_stack():
    from botbuilder.dialogs import DialogInstance, DialogState

    from bot.state import SnapshotState

    stack = DialogState([DialogInstance(id="scenario", state={"values": {"answers": {"age": "17"}}})])
    cached = SnapshotState({"dialog_state": stack, "e_tag": "3"})
    assert not cached.is_changed
    stack.dialog_stack[0].state["values"]["answers"]["age"] = "18"
    assert cached.is_changed
    cached.hash = cached.compute_hash(cached.state)
    stack.dialog_stack[0].state["values"]["answers"]["age"] = 18  # same text, another type: a change
    assert cached.is_changed


def test_the_state_snapshot_falls_back_to_jsonpickle_for_what_pickle_refuses():
    from bot.state import SnapshotState

    cached = SnapshotState({"callback": lambda: None})
    assert isinstance(cached.hash, str)  # botbuilder's own fingerprint
    assert not cached.is_changed


async def test_sending_a_card_copies_the_activity_but_not_the_card_json():
    import copy

    from bot.features.welcome import welcome_card
    from bot.replies import card_activity
    from tests.support.kb import shipped_kb

    activity = card_activity(welcome_card(shipped_kb()), "msteams")
    sent = copy.deepcopy(activity)  # what TurnContext.send_activities does to each reply
    sent.id, sent.attachments[0].name = "x", "changed"
    assert activity.id is None and activity.attachments[0].name is None
    assert sent.attachments[0].content is activity.attachments[0].content
    assert type(sent.attachments[0]) is type(activity.attachments[0])


def test_the_shared_memory_configuration_is_the_one_botbuilder_builds():
    from botbuilder.core import ConversationState, MemoryStorage, TurnContext
    from botbuilder.core.adapters import TestAdapter
    from botbuilder.dialogs import DialogContext, DialogSet, DialogState
    from botbuilder.schema import Activity, ActivityTypes

    from bot.turn import memory_configuration

    context = TurnContext(TestAdapter(), Activity(type=ActivityTypes.message, text="hi"))
    dialogs = DialogSet(ConversationState(MemoryStorage()).create_property("dialog_state"))
    stock = DialogContext(dialogs, context, DialogState()).state.configuration
    ours = memory_configuration()
    assert [type(s) for s in ours.memory_scopes] == [type(s) for s in stock.memory_scopes]
    assert [(type(r), vars(r)) for r in ours.path_resolvers] == [(type(r), vars(r)) for r in stock.path_resolvers]


async def test_each_turns_dialog_contexts_use_the_shared_memory_configuration(bot):
    seen = []

    async def first(step: WaterfallStepContext):
        seen.append((step.context.activity.conversation.id, step.state.configuration is bot_object.memory))
        await step.context.send_activity("Noted.")
        return Dialog.end_of_turn

    bot_object = bot.app[appkeys.BOT]
    bot_object.dialogs.add(WaterfallDialog("remember", [first]))

    async def begin(turn):
        await turn.begin("remember")

    bot.app[appkeys.REGISTRY].command("remember", ("remember",), begin)
    replies = await asyncio.gather(bot.send("c-memory1", "remember"), bot.send("c-memory2", "remember"))
    assert all("Noted" in r.text for r in replies)
    assert sorted(seen) == [("c-memory1", True), ("c-memory2", True)]


async def test_a_turns_context_and_dialog_context_are_freed_when_the_turn_ends_without_the_cycle_collector(bot):
    contexts = []

    async def remember(turn):
        contexts.append(weakref.ref(turn.dc))
        contexts.append(weakref.ref(turn.context))  # and with it the activity, replies and cards

    bot.app[appkeys.REGISTRY].observers.append(remember)
    await bot.send("c-free", "hello")  # warm: people, state rows
    contexts.clear()
    gc.collect()
    gc.disable()
    try:
        reply = await bot.send("c-free", "can I accept a friend request from a pupil?")
        assert len(contexts) == 2 and contexts[0]() is None and contexts[1]() is None  # by reference counting
    finally:
        gc.enable()
    assert "friend" in reply.text.lower() or reply.attachments


def test_a_connector_response_is_not_a_reference_cycle():
    response = MsrestResponse(None, 200, {"Content-Type": "application/json"}, "OK", b'{"id": "1"}')
    assert response.internal_response is response and response.status_code == 200
    gone = weakref.ref(response)
    gc.disable()
    try:
        del response
        assert gone() is None
    finally:
        gc.enable()


async def test_the_turn_contexts_handler_chain_behaves_as_botbuilders():
    """Order, arguments, `next`, a handler that stops the chain, the result, and an error."""
    from botbuilder.core import TurnContext
    from botbuilder.core.adapters import TestAdapter
    from botbuilder.schema import Activity, ChannelAccount, ConversationAccount

    from bot.adapter import GuidanceTurnContext

    async def run(context_class, stop_at=None, fail_at=None):
        calls = []

        def handler(n):
            async def handle(context, arg, next_handler):
                calls.append((n, type(context).__name__ == context_class.__name__, arg))
                if n == fail_at:
                    raise ValueError(f"handler {n}")
                if n != stop_at:
                    await next_handler()
                calls.append((n, "after"))
            return handle

        async def logic():
            calls.append("logic")
            return ["sent"]

        activity = Activity(type="message", text="hi", channel_id="test", service_url="https://example.org",
                            conversation=ConversationAccount(id="c"), from_property=ChannelAccount(id="u"),
                            recipient=ChannelAccount(id="b"))
        context = context_class(TestAdapter(), activity)
        pending = logic()
        try:
            result = await context._emit([handler(1), handler(2), handler(3)], "arg", pending)
        except ValueError as exc:
            pending.close()  # botbuilder never runs the logic when a handler raises either
            result = f"raised {exc}"
        return calls, result

    for case in ({}, {"stop_at": 2}, {"fail_at": 2}):
        assert await run(GuidanceTurnContext, **case) == await run(TurnContext, **case), case


def test_the_adapter_builds_its_turn_context_as_botbuilder_does():
    from botbuilder.core import CloudAdapterBase
    from botbuilder.schema import Activity

    from bot.adapter import GuidanceCloudAdapter, GuidanceTurnContext

    adapter = GuidanceCloudAdapter.__new__(GuidanceCloudAdapter)  # no authentication needed to build a context
    parts = dict(activity=Activity(type="message", text="hi"), claims_identity=object(), oauth_scope="scope",
                 connector_client=object(), user_token_client=object(), logic=object(), connector_factory=object())
    ours = adapter._create_turn_context(**parts)
    stock = CloudAdapterBase._create_turn_context(adapter, **parts)
    assert type(ours) is GuidanceTurnContext and type(stock) is not GuidanceTurnContext
    assert ours.turn_state == stock.turn_state and ours.activity is stock.activity and ours.adapter is adapter
