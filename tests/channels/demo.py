"""A small test feature installed on a running harness: a two-step card dialog and an acknowledge button.

It exercises what channels must carry (card buttons, inputs, dialog turns, in-place updates)
without depending on other features' flows. Questions go to the real Q&A feature.
"""
from __future__ import annotations

from bot import appkeys
from cards import Button, CardView, Choice, Input, Text
from dialogs.flow import Done, Flow, FlowDialog, Step

DIALOG = "test.demo"


def question_card() -> CardView:
    return CardView(title="Which year group?", blocks=(
        Text("Pick one, then press a button."),
        Input("year", "Year group", kind="choice", choices=(Choice("Year 7", "7"), Choice("Year 9", "9")), value="7"),
    ), buttons=(Button("Go on", {"step": "go"}, style="positive"), Button("Not sure", {"step": "unsure"})),
        summary="Which year group?")


def alert_card(acknowledged: bool) -> CardView:
    if acknowledged:
        return CardView(title="Alert", blocks=(Text("Acknowledged.", style="good"),), summary="Alert acknowledged")
    return CardView(title="Alert", blocks=(Text("Please acknowledge."),),
                    buttons=(Button("Acknowledge", {"action": "test.ack"}),), summary="Alert")


class DemoFlow(Flow):
    """One step: a card with a choice and two buttons; the answer is what the click carried."""

    id = DIALOG

    def __init__(self, say):
        self.say = say

    async def start(self, context, state, options):
        return None

    async def step(self, context, state):
        return Step("demo", question_card(), lambda said: said.value, owns=lambda value: "step" in value)

    async def take(self, context, state, step, answer):
        """Say what the click carried."""
        await self.say(context, f"You pressed {answer.get('step')} with year {answer.get('year')}.")
        return Done()


def install(harness) -> None:
    """Add the demo buttons, actions and dialog to a started harness's app."""
    app = harness.app
    registry, bot, services = app[appkeys.REGISTRY], app[appkeys.BOT], app[appkeys.SERVICES]
    registry.menu_buttons.extend([Button("Try the two-step check", {"action": "test.start"}),
                                            Button("Show an alert", {"action": "test.alert"})])
    bot.dialogs.add(FlowDialog(DemoFlow(services.replies.send), services.replies.send))

    async def start(turn):
        await turn.dc.cancel_all_dialogs()
        await turn.begin(DIALOG)

    sent_alerts: dict[str, str] = {}  # conversation id -> id of the alert card sent there

    async def alert(turn):
        sent = await turn.send(alert_card(False), need_id=True)
        sent_alerts[turn.context.activity.conversation.id] = sent.id

    async def acknowledge(turn):
        # Teams and Slack say which card was clicked (replyToId); Web Chat does not, so a
        # feature that updates a card remembers the id it got back when sending it.
        card_id = turn.context.activity.reply_to_id or sent_alerts[turn.context.activity.conversation.id]
        await services.replies.update(turn.context, card_id, alert_card(True))

    registry.action("test.start", start)
    registry.action("test.alert", alert)
    registry.action("test.ack", acknowledge)
