"""Block Kit from the same CardView as the Adaptive Card; clicks come back as the card's data."""
import json

from bot.channels.slack import card_submit
from cards import Button, CardView, Choice, Facts, Input, NumberedList, Quote, Text, render_adaptive
from cards.blockkit import mrkdwn, render_blocks
from tests.support.schemas import adaptive_card_errors

VIEW = CardView(
    title="Contacting a pupil",
    blocks=(Text("**Don't** use personal accounts.", style="heading"), Quote("Staff must not <x> & y.", "2.3 Personal use"),
            Facts((("Who to tell", "the DSL"),)), NumberedList(("first", "second")),
            Text("If a child is at risk, act now.", style="attention"), Text("small print", style="subtle"),
            Input("when", "When was it?", kind="date"),
            Input("who", "Who?", kind="choice", choices=(Choice("A pupil", "pupil"), Choice("A parent", "parent")))),
    buttons=(Button("Report it", {"action": "report.start", "clause": "2.3"}, style="destructive"),
             Button("Policy", url="https://example.org/policy")),
    summary="Contacting a pupil")


def test_blocks_carry_the_same_content_and_buttons_as_the_adaptive_card():
    blocks = render_blocks(VIEW)
    assert adaptive_card_errors(render_adaptive(VIEW)) is None
    types = [b["type"] for b in blocks]
    assert types[0] == "header" and types[-1] == "actions"
    assert types.count("input") == 2
    text = json.dumps(blocks, ensure_ascii=False)
    for part in ("Contacting a pupil", "*Don't*", "&lt;x&gt; &amp; y", "2.3 Personal use",
                 "the DSL", "1. first", "2. second", ":warning:", "small print"):
        assert part in text, part
    report, policy = blocks[-1]["elements"]
    assert report["style"] == "danger" and json.loads(report["value"]) == {"action": "report.start", "clause": "2.3"}
    assert policy["url"] == "https://example.org/policy"
    adaptive = [a for a in render_adaptive(VIEW)["actions"] if a["type"] == "Action.Submit"]
    assert json.loads(report["value"]) == adaptive[0]["data"]


def test_mrkdwn_escapes_control_characters_and_converts_bold():
    assert mrkdwn("**a** <b> & c") == "*a* &lt;b&gt; &amp; c"


def test_a_click_gives_the_button_data_with_the_inputs_like_an_action_submit():
    report = render_blocks(VIEW)[-1]["elements"][0]
    payload = {"type": "block_actions", "actions": [{"action_id": report["action_id"], "value": report["value"]}],
               "state": {"values": {"when": {"when": {"type": "datepicker", "selected_date": "2026-11-20"}},
                                    "who": {"who": {"type": "radio_buttons", "selected_option": {"value": "parent"}}}}}}
    assert card_submit(payload) == {"action": "report.start", "clause": "2.3", "when": "2026-11-20", "who": "parent"}


def test_clicks_that_are_not_our_card_buttons_are_not_submits():
    assert card_submit({"type": "block_actions", "actions": [{"action_id": "link.1", "value": None}]}) is None
    assert card_submit({"type": "block_actions", "actions": [{"action_id": "card.0", "value": "not json"}]}) is None
    assert card_submit({"type": "view_submission"}) is None
