"""Render a CardView as an Adaptive Card 1.5 through a jinja2 template."""
from __future__ import annotations

import json
from collections import OrderedDict
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


# The template's output by the view's repr: the same answer card recurs on many turns, and
# rendering it costs about ten times more than parsing the cached JSON.
_rendered: OrderedDict[str, str] = OrderedDict()
CACHE_SIZE = 512


def render_adaptive(card: CardView) -> dict:
    """The Adaptive Card JSON for a view (a fresh dict each call: callers may add to it)."""
    key = repr(card)
    text = _rendered.get(key)
    if text is None:
        template = _environment().get_template("adaptive.json.j2")
        text = _rendered[key] = template.render(card=card, blocks=[_block_context(b) for b in card.blocks])
        if len(_rendered) > CACHE_SIZE:
            _rendered.popitem(last=False)
    else:
        _rendered.move_to_end(key)
    return json.loads(text)
