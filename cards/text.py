"""Render a CardView as plain text, with buttons as numbered choices.

Real newlines only, and no markdown: this is what a channel without cards shows, what a
notification says (the activity's `summary`), and what `make chat` prints.
"""
from __future__ import annotations

from .model import Block, CardView, Facts, Input, NumberedList, Text
from .parts import grouped, plain, quoted

MORE = "More:"


def render_text(card: CardView, numbered_buttons: bool = True) -> str:
    """A plain-text version of the card carrying the same content (the "Show more" part under More:)."""
    lines = [plain(card.title)]
    lines += block_lines(card.blocks)
    if card.more:
        lines += ["", MORE, *block_lines(card.more)]
    if numbered_buttons and card.buttons:
        lines.append("")
        lines.extend(f"  [{i}] {b.title}" for i, b in enumerate(card.buttons, 1))
    return "\n".join(line for text in lines for line in text.splitlines() or [""])


def block_lines(blocks: tuple[Block, ...]) -> list[str]:
    lines: list[str] = []
    for block in grouped(blocks):
        if isinstance(block, tuple):
            source, texts = block
            lines.extend(quoted(text) for text in texts)
            lines.append(f"  — {source}")
        elif isinstance(block, Text):
            lines.append(plain(block.text))
        elif isinstance(block, Facts):
            lines.extend(f"{k}: {plain(v)}" for k, v in block.pairs)
        elif isinstance(block, NumberedList):
            lines.extend(f"{i}. {plain(item)}" for i, item in enumerate(block.items, 1))
        elif isinstance(block, Input):
            options = ", ".join(c.title for c in block.choices)
            lines.append(f"[{block.label}]" + (f" ({options})" if options else ""))
    return lines
