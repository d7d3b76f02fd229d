"""Render a CardView as Slack Block Kit, with slack_sdk's block models.

The same view that becomes an Adaptive Card becomes these blocks, so Teams and Slack show the
same content and the same buttons. A button's `value` carries the button's data as JSON, so a
click (`block_actions`) gives the bot the very dict an Adaptive Card Action.Submit would.
"""
from __future__ import annotations

import json
import re

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ContextBlock,
    DatePickerElement,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    SectionBlock,
    StaticSelectElement,
)

from .model import Block as ViewBlock
from .model import Button, CardView, Facts, Input, NumberedList, Text
from .parts import grouped

# A button's action_id starts with this; the bot treats such clicks as card submits.
BUTTON_PREFIX = "card."
# Slack's limits (https://api.slack.com/reference/block-kit/blocks).
MAX_BLOCKS, MAX_SECTION_TEXT, MAX_HEADER, MAX_BUTTON_TEXT, MAX_VALUE = 50, 3000, 150, 75, 2000
MAX_FIELDS, MAX_ACTIONS, MAX_OPTION_TEXT = 10, 25, 75

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_STYLES = {"positive": "primary", "destructive": "danger"}


def mrkdwn(text: str) -> str:
    """Slack mrkdwn for card text: escape &, <, > and turn **bold** into *bold*."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BOLD.sub(r"*\1*", escaped)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=_clip(text, MAX_SECTION_TEXT)))


def _text(block: Text) -> Block:
    body = mrkdwn(block.text)
    if block.style == "subtle":
        return ContextBlock(elements=[MarkdownTextObject(text=_clip(body, MAX_SECTION_TEXT))])
    if block.style == "attention":
        return _section(f":warning: *{body}*")
    if block.style in ("heading", "good", "warning"):
        return _section(f"*{body}*")
    return _section(body)


def _quotes(source: str, texts: tuple[str, ...]) -> list[Block]:
    """Quotes from one source, then the source once."""
    quoted = "\n>\n".join("\n".join("> " + line for line in mrkdwn(t).splitlines() or [""]) for t in texts)
    cited = MarkdownTextObject(text=_clip("— " + mrkdwn(source), MAX_SECTION_TEXT))
    return [_section(quoted), ContextBlock(elements=[cited])]


def _facts(block: Facts) -> list[Block]:
    fields = [MarkdownTextObject(text=_clip(f"*{mrkdwn(k)}*\n{mrkdwn(v)}", 2000)) for k, v in block.pairs]
    return [SectionBlock(fields=fields[i:i + MAX_FIELDS]) for i in range(0, len(fields), MAX_FIELDS)]


def _options(block: Input) -> list[Option]:
    return [Option(text=PlainTextObject(text=_clip(c.title, MAX_OPTION_TEXT)), value=c.value) for c in block.choices]


def _input(block: Input) -> Block:
    """An input block; its value reaches the bot in the click's `state` under the input id."""
    options = _options(block)
    if block.kind in ("text", "multiline"):
        element = PlainTextInputElement(action_id=block.id, multiline=block.kind == "multiline",
                                        placeholder=block.placeholder or None, initial_value=block.value or None)
    elif block.kind in ("choice", "dropdown"):
        initial = next((o for o in options if o.value == block.value), None)
        kind = StaticSelectElement if block.kind == "dropdown" else RadioButtonsElement
        element = kind(action_id=block.id, options=options, initial_option=initial)
    elif block.kind == "multichoice":
        chosen = set(block.value.split(",")) if block.value else set()
        element = CheckboxesElement(action_id=block.id, options=options,
                                    initial_options=[o for o in options if o.value in chosen] or None)
    elif block.kind == "date":
        element = DatePickerElement(action_id=block.id, initial_date=block.value or None)
    else:  # toggle
        only = Option(text=PlainTextObject(text=_clip(block.label, MAX_OPTION_TEXT)), value="true")
        element = CheckboxesElement(action_id=block.id, options=[only],
                                    initial_options=None)
    return InputBlock(block_id=block.id, label=PlainTextObject(text=_clip(block.label, 2000)), element=element,
                      optional=not block.required)


def _button(index: int, button: Button) -> ButtonElement:
    text = PlainTextObject(text=_clip(button.title, MAX_BUTTON_TEXT))
    if button.url:
        return ButtonElement(text=text, action_id=f"link.{index}", url=button.url)
    value = json.dumps(dict(button.data), separators=(",", ":"), ensure_ascii=False)
    if len(value) > MAX_VALUE:
        raise ValueError(f"button {button.title!r} carries more than {MAX_VALUE} characters of data")
    return ButtonElement(text=text, action_id=f"{BUTTON_PREFIX}{index}", value=value, style=_STYLES.get(button.style))


def _blocks(view_blocks: tuple[ViewBlock, ...]) -> list[Block]:
    blocks: list[Block] = []
    for block in grouped(view_blocks):
        if isinstance(block, tuple):
            blocks.extend(_quotes(*block))
        elif isinstance(block, Text):
            blocks.append(_text(block))
        elif isinstance(block, Facts):
            blocks.extend(_facts(block))
        elif isinstance(block, NumberedList):
            blocks.append(_section("\n".join(f"{i}. {mrkdwn(item)}" for i, item in enumerate(block.items, 1))))
        elif isinstance(block, Input):
            blocks.append(_input(block))
    return blocks


def render_blocks(card: CardView) -> list[dict]:
    """The Block Kit blocks for a view, as JSON-ready dicts (the "Show more" part under a More heading:
    a Slack message cannot hide part of itself)."""
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=_clip(card.title, MAX_HEADER)))]
    blocks += _blocks(card.blocks)
    if card.more:
        blocks += [DividerBlock(), ContextBlock(elements=[MarkdownTextObject(text="*More*")]), *_blocks(card.more)]
    buttons = [_button(i, b) for i, b in enumerate(card.buttons)]
    for start in range(0, len(buttons), MAX_ACTIONS):
        blocks.append(ActionsBlock(elements=buttons[start:start + MAX_ACTIONS]))
    if len(blocks) > MAX_BLOCKS:
        raise ValueError(f"card {card.title!r} needs {len(blocks)} Slack blocks; Slack allows {MAX_BLOCKS}")
    return [block.to_dict() for block in blocks]
