"""Render a CardView as plain text, with buttons as numbered choices."""
from __future__ import annotations

from .model import CardView, Facts, Input, NumberedList, Quote, Text


def render_text(card: CardView, numbered_buttons: bool = True) -> str:
    """A plain-text version of the card carrying the same content."""
    lines = [card.title]
    for block in card.blocks:
        if isinstance(block, Text):
            lines.append(block.text)
        elif isinstance(block, Quote):
            lines.append(f"“{block.text}” — {block.source}")
        elif isinstance(block, Facts):
            lines.extend(f"{k}: {v}" for k, v in block.pairs)
        elif isinstance(block, NumberedList):
            lines.extend(f"{i}. {item}" for i, item in enumerate(block.items, 1))
        elif isinstance(block, Input):
            options = ", ".join(c.title for c in block.choices)
            lines.append(f"[{block.label}]" + (f" ({options})" if options else ""))
    if numbered_buttons and card.buttons:
        lines.append("")
        lines.extend(f"  [{i}] {b.title}" for i, b in enumerate(card.buttons, 1))
    return "\n".join(lines)
