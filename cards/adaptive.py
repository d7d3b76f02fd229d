"""Render a CardView as an Adaptive Card 1.5 through a jinja2 template."""
from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import jinja2

from .model import CardView

ADAPTIVE_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,  # JSON, not HTML: every value is emitted through |tojson
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["enumerate_list"] = _markdown_list
    return env


def _markdown_list(items) -> str:
    """A markdown numbered list; lines end with \r as the Adaptive Cards docs show for lists."""
    return "\r".join(f"{i}. {item}" for i, item in enumerate(items, 1))


def _block_context(block) -> dict:
    data = asdict(block)
    data["kind_"] = type(block).__name__
    return data


def render_adaptive(card: CardView) -> dict:
    """The Adaptive Card JSON for a view."""
    template = _environment().get_template("adaptive.json.j2")
    text = template.render(card=card, blocks=[_block_context(b) for b in card.blocks])
    return json.loads(text)
