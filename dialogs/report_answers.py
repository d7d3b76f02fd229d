"""Reading what a reporter sends at each step of the report: an answer, the summary's choice, a pick."""
from __future__ import annotations

from safeguarding import intake

from .choices import YES, Option, looks_like_a_question, match_option
from .flow import Said
from .report_cards import changeable
from .report_form import FORM_STEP, wants_steps

CONFIRM_WORDS = {"submit", "send", "send it", "confirm", "yes submit", "submit it", "yes send it"}
CHANGE_WORDS = {"change", "edit", "change an answer", "change something", "no", "amend", "fix"}
# Answers that are a few words: a question typed here is the person asking something else.
SHORT = ("subject", "when", "accounts", "children")
# A message typed while the form is showing is added to "what was seen or said" when it is at
# least this many words and not a question; shorter ones are something else (a command, a word).
ADDS_TO_FORM = 4


def read_answer(question: intake.Question, said: Said) -> tuple[str, list] | None:
    """(answer, files) from a click, a form field or typed text; None when it is not an answer."""
    value = said.value or {}
    raw = str(value.get("answer", "")) if said.value is not None else said.text
    raw = " ".join(raw.split()) if question.kind == "choice" else raw.strip()
    if question.kind == "choice":
        found = match_option(raw, [Option(o.value, o.label, o.synonyms) for o in question.options])
        if found is not None:
            return found.value, []
        return (raw[:200], []) if question.free_text and raw and not looks_like_a_question(raw) else None
    if question.kind == "evidence":
        files = [f for f in (attached_file(a) for a in said.attachments) if f]
        parts = [raw] if raw else []
        if files:
            parts.append("Attached: " + ", ".join(f["name"] for f in files))
        return ("\n".join(parts), files) if parts else None
    if not raw or (question.id in SHORT and said.value is None and looks_like_a_question(raw)):
        return None
    return raw, []


def read_form_step(said: Said):
    """("form", values) for the form's button, ("steps",) to go one question at a time, ("add", text)
    for a story typed instead of into the form; None for anything else (a question, a command)."""
    if said.value is not None:
        if said.value.get("mode") == "steps":
            return ("steps",)
        return ("form", dict(said.value)) if said.value.get("step") == FORM_STEP else None
    if wants_steps(said.text):
        return ("steps",)
    if len(said.text.split()) >= ADDS_TO_FORM and not looks_like_a_question(said.text):
        return ("add", said.text.strip())
    return None


def read_summary(said: Said):
    value = said.value or {}
    text = " ".join(said.text.lower().strip(" .!").split())
    if value.get("action") == "report.submit":
        return "submit", str(value.get("submission_id") or "")
    if value.get("answer") == "change":
        return "change", ""
    if text in CONFIRM_WORDS or text in YES:
        return "submit", None
    if text in CHANGE_WORDS or text.startswith("change "):
        return "change", text[len("change "):] if text.startswith("change ") else ""
    return None


def read_pick(state: dict, said: Said) -> str | None:
    choices = changeable(state)
    value = said.value or {}
    picked = value.get("answer") or value.get("pick")
    if picked in {q.id for q in choices} or picked == "summary":
        return picked
    text = said.text.lower().strip(" .!")
    if said.value is None and text in ("summary", "none", "nothing", "done", "back to the summary"):
        return "summary"
    found = match_option(said.text, [Option(q.id, q.label) for q in choices])
    return found.value if found else None


def attached_file(attachment) -> dict | None:
    url = getattr(attachment, "content_url", None) or ""
    name = getattr(attachment, "name", None) or ""
    if not url and not name:
        return None
    return {"name": name or "attachment", "content_type": getattr(attachment, "content_type", "") or "",
            "url": url}
