"""What every renderer does the same way with a card's blocks."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from .model import Block, Quote

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def grouped(blocks: Iterable[Block]) -> Iterator[Block | tuple[str, tuple[str, ...]]]:
    """The blocks, with each run of quotes from one source as (source, texts): the source is said once."""
    run: list[Quote] = []
    for block in blocks:
        if isinstance(block, Quote) and (not run or run[-1].source == block.source):
            run.append(block)
            continue
        if run:
            yield run[0].source, tuple(q.text for q in run)
        run = [block] if isinstance(block, Quote) else []
        if not isinstance(block, Quote):
            yield block
    if run:
        yield run[0].source, tuple(q.text for q in run)


def quoted(text: str) -> str:
    """A passage in quotation marks that stand a hair's width apart from it, so that the words are
    the policy's own from the first to the last (copied, searched or compared, none is fused with a
    quotation mark)."""
    return f"“\u200a{text}\u200a”"


def plain(text: str) -> str:
    """Text without the markdown a plain-text channel would show as asterisks (**bold** -> bold)."""
    return _BOLD.sub(r"\1", text)
