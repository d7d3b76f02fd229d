"""Read a policy document (.txt, .docx or .pdf, or pasted text) into the text the knowledge base
quotes, its heading lines, and the blocks (paragraph sentences and bullets) clauses are drafted from.

Word files are read with python-docx (headings by paragraph style, bullets by list style), PDFs with
pypdf (text layer only: a scanned page has none). Plain text and PDF text find headings by shape: a
short line that starts a block, has no closing punctuation, and is in capitals or stands alone.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import PurePath

from ..text import collapse, split_sentences

MAX_BYTES = 5 * 1024 * 1024
MAX_HEADING_WORDS = 10
BULLET = "• "
_BULLET_MARK = re.compile(r"^\s*(?:[•●▪◦‣∙·\-–*]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+")
_CLOSING = tuple(".,;:!?")


class DocumentError(ValueError):
    """The upload cannot be read as a policy; the message says why and what to do."""


@dataclass(frozen=True)
class Block:
    section: str
    text: str  # verbatim, whitespace collapsed
    bullet: bool


@dataclass(frozen=True)
class Document:
    text: str
    headings: tuple[str, ...]
    blocks: tuple[Block, ...]


def read_document(name: str, data: bytes) -> Document:
    """A document by its file name's ending; raises DocumentError with a plain reason."""
    if len(data) > MAX_BYTES:
        raise DocumentError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    ending = PurePath(name or "").suffix.lower()
    if ending == ".txt":
        try:
            return from_text(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise DocumentError("the .txt file is not UTF-8 text: save it as UTF-8, or paste the text") from None
    if ending == ".docx":
        return _docx(data)
    if ending == ".pdf":
        return _pdf(data)
    raise DocumentError(f"{name or 'the file'} is not a .txt, .docx or .pdf file")


def from_text(text: str, known_headings: tuple[str, ...] = ()) -> Document:
    """Pasted or extracted text: headings found by shape (and any `known_headings`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = text.split("\n")
    known = {h.strip() for h in known_headings}
    headings = [line.strip() for number, line in enumerate(lines)
                if line.strip() in known or _looks_like_heading(lines, number)]
    return _document(text, tuple(dict.fromkeys(headings)))


def _looks_like_heading(lines: list[str], number: int) -> bool:
    line = lines[number].strip()
    words = line.split()
    if not words or len(words) > MAX_HEADING_WORDS or line.endswith(_CLOSING) or _BULLET_MARK.match(line):
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    before = lines[number - 1].strip() if number else ""
    if before and not before.endswith(_CLOSING):
        return False  # the line carries on a sentence wrapped above it
    after = next((other.strip() for other in lines[number + 1:] if other.strip()), "")
    if after and after[0].islower():
        return False  # a sentence wrapped onto the next line ("Within" / "this policy there is…")
    return line.isupper() or not before


def _document(text: str, headings: tuple[str, ...]) -> Document:
    if not collapse(text):
        raise DocumentError("the document has no text")
    return Document(text, headings, tuple(_blocks(text, headings)))


def _blocks(text: str, headings: tuple[str, ...]) -> list[Block]:
    """Paragraph sentences and bullets, each with the heading above it. Text extracted from PDFs
    breaks lines (and leaves blank ones) mid-sentence, so a paragraph runs on until a heading or
    a bullet, and a bullet until one that ends its sentence meets a blank line."""
    section, blocks, paragraph, bullet = "General", [], [], []
    heading_set = set(headings)

    def flush():
        for sentence in split_sentences(" ".join(paragraph)):
            blocks.append(Block(section, sentence, False))
        paragraph.clear()
        if bullet:
            blocks.append(Block(section, collapse(" ".join(bullet)), True))
            bullet.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if line in heading_set:
            flush()
            section = line
        elif _BULLET_MARK.match(line):
            flush()
            bullet.append(_BULLET_MARK.sub("", line, count=1))
        elif not line:
            if bullet and bullet[-1].endswith(_CLOSING):
                flush()
        elif bullet and bullet[-1].endswith(_CLOSING) and line[0].isupper():
            flush()  # a finished bullet, then a new paragraph (PDF text keeps no blank line between)
            paragraph.append(line)
        elif bullet:
            bullet.append(line)
        else:
            paragraph.append(line)
    flush()
    return [b for b in blocks if b.text]


def _docx(data: bytes) -> Document:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a damaged upload can fail anywhere in the zip or XML parsers
        raise DocumentError(f"the file is not a Word document that can be read ({type(exc).__name__})") from None
    lines, headings = [], []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.startswith(("Heading", "Title")):
            headings.append(text)
            lines += ["", text, ""]
        elif "List" in style:
            lines += [BULLET + text, ""]
        else:
            lines += [text, ""]
    return _document("\n".join(lines).strip() + "\n", tuple(dict.fromkeys(headings)))


def _pdf(data: bytes) -> Document:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:  # noqa: BLE001 - a damaged upload can fail anywhere in the PDF parser
        raise DocumentError(f"the file is not a PDF that can be read ({type(exc).__name__})") from None
    if not collapse(text):
        raise DocumentError("the PDF has no text layer (a scanned page?): paste the text instead")
    return from_text(text)
