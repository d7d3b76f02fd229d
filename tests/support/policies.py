"""Policy texts written for the console's tests: a changed version of the shipped policy, and an IT
acceptable use policy made up for the purpose (not any real trust's), as .txt, .docx and .pdf."""
from __future__ import annotations

import io

from app import default_knowledge_base

REWORDED_FROM = "must be reported to the designated person for Child Protection. "
REWORDED_TO = "must be reported to the designated person for Child Protection on the same day. "
NEW_RULE = "Staff must not use AI tools to alter photographs of pupils."
REMOVED = "We seek to widen their aspirations; to reach destinations that are attainable and \n\nfulfilling. "
REPORT_QUESTION = "a pupil messaged me on my personal instagram, what do I do?"


def changed_policy() -> str:
    """The shipped text with one sentence reworded, one removed and one added."""
    text = default_knowledge_base().source_text
    assert text.count(REWORDED_FROM) == 1 and text.count(REMOVED) == 1
    text = text.replace(REWORDED_FROM, REWORDED_TO).replace(REMOVED, "")
    anchor = "• Members of staff are strongly advised to set all privacy settings"
    return text.replace(anchor, f"• {NEW_RULE} \n\n{anchor}")


AUP_TITLE = "IT Acceptable Use Policy"
AUP_PARAGRAPHS = [
    ("Title", "Example Trust IT Acceptable Use Policy"),
    ("Normal", "This test policy was written for the staff guidance bot's tests. It is not any real trust's policy."),
    ("Heading 1", "Passwords"),
    ("List Bullet", "Staff must never share their network password with anyone, including colleagues."),
    ("List Bullet", "Passwords must be changed at least every 90 days."),
    ("Heading 1", "Removable media"),
    ("List Bullet", "Staff must not store pupil data on personal USB sticks."),
    ("Normal", "Encrypted trust USB sticks are available from IT Services."),
]
PASSWORD_RULE = "Staff must never share their network password with anyone, including colleagues."
PASSWORD_QUESTION = "can I give my network password to a colleague?"


def aup_text() -> str:
    lines = []
    for style, text in AUP_PARAGRAPHS:
        lines += (["", text.upper() if style.startswith("Heading") else text, ""] if style != "List Bullet"
                  else [f"• {text}"])
    return "\n".join(lines).strip() + "\n"


def aup_docx() -> bytes:
    import docx

    document = docx.Document()
    for style, text in AUP_PARAGRAPHS:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_of(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer: each line drawn in Helvetica (written by hand, as pypdf
    reads PDFs but does not lay out text)."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 14 TL 50 780 Td " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('cp1252'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("cp1252")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
