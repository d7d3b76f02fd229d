"""A turn's replies are held until it ends, then sent while its state is saved; never lost."""
from __future__ import annotations

import asyncio

from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import Dialog, WaterfallDialog, WaterfallStepContext
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from bot import appkeys
from bot.adapter import APOLOGY
from bot.replies import HoldsReplies, hold_replies, send_held


class HoldingTestAdapter(HoldsReplies, TestAdapter):
    pass


def context() -> TurnContext:
    incoming = Activity(type=ActivityTypes.message, text="hi", channel_id="test", id="in1",
                        conversation=ConversationAccount(id="c1"), from_property=ChannelAccount(id="u1"),
                        recipient=ChannelAccount(id="bot"), service_url="http://127.0.0.1:1")
    return TurnContext(HoldingTestAdapter(), incoming)


async def test_held_replies_go_out_in_order_when_the_turn_sends_them():
    ctx = context()
    hold_replies(ctx)
    first = await ctx.send_activity("one")
    await ctx.send_activity("two")
    assert first is not None and first.id is None  # not sent yet: no id, as botbuilder's own buffer
    assert not ctx.adapter.activity_buffer
    assert ctx.responded
    await send_held(ctx)
    assert [a.text for a in ctx.adapter.activity_buffer] == ["one", "two"]
    await ctx.send_activity("three")  # after the turn's send, replies go straight out
    assert [a.text for a in ctx.adapter.activity_buffer] == ["one", "two", "three"]
    assert await send_held(ctx) == []


async def test_an_invoke_response_is_never_held():
    ctx = context()
    hold_replies(ctx)
    await ctx.send_activity(Activity(type=ActivityTypes.invoke_response, value={"status": 200}))
    assert [a.type for a in ctx.adapter.activity_buffer] == [ActivityTypes.invoke_response]


async def test_without_hold_replies_the_adapter_sends_at_once():
    ctx = context()
    await ctx.send_activity("now")
    assert [a.text for a in ctx.adapter.activity_buffer] == ["now"]


def add_ask_dialog(bot, failing_after_reply: bool = False) -> None:
    """An `ask` command that starts a two-step dialog (the turn changes state)."""
    async def ask_name(step: WaterfallStepContext):
        await step.context.send_activity("What is your name?")
        if failing_after_reply:
            raise RuntimeError("a bug after the reply")
        return Dialog.end_of_turn

    async def thank(step: WaterfallStepContext):
        await step.context.send_activity(f"Thank you, {step.result}.")
        return await step.end_dialog()

    bot.app[appkeys.BOT].dialogs.add(WaterfallDialog("ask", [ask_name, thank]))

    async def begin_ask(turn):
        await turn.begin("ask")

    bot.app[appkeys.REGISTRY].command("ask", ("ask",), begin_ask)


async def stored_dialogs(bot, conversation: str) -> list[str]:
    """The ids on the saved dialog stack of a conversation (a fresh read of storage)."""
    key = f"emulator/conversations/{conversation}"
    items = await bot.services.conversation_state.storage.read([key])
    state = items.get(key) or {}
    stack = state["dialog_state"].dialog_stack if "dialog_state" in state else []
    return [instance.id for instance in stack]


async def test_the_state_is_saved_while_the_reply_is_still_on_its_way(bot):
    add_ask_dialog(bot)
    await bot.send("c-held", "hello")
    bot.connector.reply_gate = asyncio.Event()
    turn = asyncio.create_task(bot.send("c-held", "ask"))
    try:
        await bot.connector.wait_for(lambda c: c.replies_waiting == 1)
        for _ in range(200):  # the commit runs beside the reply; give it a moment
            if await stored_dialogs(bot, "c-held") == ["ask"]:
                break
            await asyncio.sleep(0.01)
        assert await stored_dialogs(bot, "c-held") == ["ask"]
        assert not turn.done()  # the POST is answered only once the reply has been delivered
    finally:
        bot.connector.reply_gate.set()
    reply = await turn
    assert reply.status < 300 and "What is your name" in reply.text
    assert "Thank you, Sam" in (await bot.send("c-held", "Sam")).text


async def test_a_reply_that_cannot_be_sent_leaves_the_state_as_the_turn_found_it(bot):
    add_ask_dialog(bot)
    await bot.send("c-down", "hello")
    assert await stored_dialogs(bot, "c-down") == []
    bot.connector.down = True
    refused = await bot.send("c-down", "ask")
    assert refused.status == 502  # the reply and the apology were refused: the channel is told
    assert await stored_dialogs(bot, "c-down") == []  # written, then put back
    bot.connector.down = False
    # Sent again, as the apology asks: the conversation is where it was, so it starts the dialog.
    assert "What is your name" in (await bot.send("c-down", "ask")).text
    assert "Thank you, Sam" in (await bot.send("c-down", "Sam")).text


async def test_a_reply_that_cannot_be_sent_mid_dialog_leaves_that_step_to_answer_again(bot):
    add_ask_dialog(bot)
    await bot.send("c-down2", "ask")
    bot.connector.down = True
    await bot.send("c-down2", "Sam")  # the dialog ends, but "Thank you" cannot be delivered
    assert await stored_dialogs(bot, "c-down2") == ["ask"]
    bot.connector.down = False
    assert "Thank you, Sam" in (await bot.send("c-down2", "Sam")).text


async def test_what_a_failed_turn_said_before_failing_still_arrives_before_the_apology(bot):
    add_ask_dialog(bot, failing_after_reply=True)
    await bot.send("c-bug", "hello")
    reply = await bot.send("c-bug", "ask")
    assert [a.get("text") for a in reply.activities] == ["What is your name?", APOLOGY]
    assert await stored_dialogs(bot, "c-bug") == []  # a failed turn saves nothing


def test_the_snapshot_gives_back_the_state_as_read_however_the_turn_changed_it():
    from botbuilder.dialogs import DialogInstance, DialogState

    from bot.state import SnapshotState

    cached = SnapshotState({"dialog_state": DialogState([DialogInstance(id="ask", state={"step": 1})]), "e_tag": "7"})
    cached.state["dialog_state"].dialog_stack[0].state["step"] = 2
    cached.state["dialog_state"].dialog_stack.append(DialogInstance(id="other"))
    first = cached.as_loaded()
    assert [(i.id, i.state) for i in first["dialog_state"].dialog_stack] == [("ask", {"step": 1})]
    assert first["e_tag"] == "7"
    first["dialog_state"].dialog_stack.clear()
    assert len(cached.as_loaded()["dialog_state"].dialog_stack) == 1  # a fresh copy each time
    assert SnapshotState(None).as_loaded() == {}


def test_a_snapshot_pickle_refuses_is_kept_by_jsonpickle():
    from bot.state import SnapshotState

    class Local:  # a class defined in a function: pickle cannot find it by name
        def __init__(self):
            self.n = 1

    cached = SnapshotState({"thing": Local(), "plain": [1, 2]})
    assert isinstance(cached.loaded, str)
    assert cached.as_loaded()["plain"] == [1, 2]


async def test_a_turn_whose_state_cannot_be_saved_still_sends_its_replies_then_the_apology(bot, monkeypatch):
    from bot.adapter import DATABASE_DOWN
    from store import DatabaseError

    add_ask_dialog(bot)
    await bot.send("c-nosave", "hello")
    storage = bot.services.conversation_state.storage

    async def failing_write(changes):
        raise DatabaseError("database unavailable: OperationalError")

    monkeypatch.setattr(storage, "write", failing_write)
    reply = await bot.send("c-nosave", "ask")
    assert [a.get("text") for a in reply.activities] == ["What is your name?", DATABASE_DOWN]
    monkeypatch.undo()
    assert await stored_dialogs(bot, "c-nosave") == []
