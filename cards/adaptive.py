"""Render a CardView as an Adaptive Card 1.5 through a jinja2 template."""
from __future__ import annotations

import json
import re
from collections import OrderedDict
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import jinja2

from .model import CardView
from .parts import grouped, quoted

ADAPTIVE_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,  # JSON, not HTML: every value is emitted through |tojson
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["md"] = no_accidental_lists
    env.filters["quoted"] = quoted
    env.filters["list_number"] = lambda n: f"{n}.\u200b"
    return env


# "2. Do this" at the start of a line: markdown hosts (Web Chat, Teams) would start a list there,
# numbered 1. A no-break space after the dot keeps the text as it is on every host.
_LIST_MARKER = re.compile(r"(?m)^(\s{0,3}\d{1,9})[.)] ")


def no_accidental_lists(text: str) -> str:
    """Text as written, with line-initial "3. " kept from becoming a markdown list of its own."""
    return _LIST_MARKER.sub(lambda m: m.group(0)[:-1] + "\u00a0", text)


def _block_context(block) -> dict:
    if isinstance(block, tuple):  # consecutive quotes from one source
        source, texts = block
        return {"kind_": "Quotes", "source": source, "texts": list(texts)}
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
        text = _rendered[key] = template.render(card=card, blocks=[_block_context(b) for b in grouped(card.blocks)],
                                                more=[_block_context(b) for b in grouped(card.more)])
        if len(_rendered) > CACHE_SIZE:
            _rendered.popitem(last=False)
    else:
        _rendered.move_to_end(key)
    return json.loads(text)
