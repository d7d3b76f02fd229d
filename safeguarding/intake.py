"""The report intake as data: the questions, their options, the hand-over prefill, the summary.

The dialog (dialogs/report.py) shows QUESTIONS as one form where the channel has forms, or walks
them in order; this module decides which are asked, what an answer means and what is stored.
No botbuilder here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from .routing import ABOUT_LABELS


@dataclass(frozen=True)
class Opt:
    value: str
    label: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    label: str  # short name in the summary and export
    prompt: str
    kind: str = "text"  # choice | text | long | evidence
    options: tuple[Opt, ...] = ()
    free_text: bool = False  # a choice question that also takes any other typed answer
    hint: str = ""
    # On the form: a field that must be filled in (the rest may be left blank: "Not given").
    required: bool = False
    placeholder: str = ""


YES_NO = (Opt("yes", "Yes"), Opt("no", "No"))

QUESTIONS: tuple[Question, ...] = (
    Question("danger", "Child at immediate risk", "First: is a child in immediate danger right now?", "choice",
             (Opt("yes", "Yes, right now", ("danger", "at risk", "immediate")), Opt("no", "No", ("not right now",))),
             required=True),
    Question("concern_about", "Concern about", "Who is the concern about?", "choice",
             (Opt("child", "A child or children", ("pupil", "student", "kid", "young person", "children")),
              Opt("staff", "A member of staff or volunteer", ("teacher", "colleague", "adult", "staff member", "volunteer")),
              Opt("headteacher", "The headteacher", ("head", "head teacher", "principal"))), required=True),
    Question("subject", "Member of staff concerned",
             "Which member of staff or volunteer is it about? Give their name (and school email if you know it). "
             "They will not be told and will not be able to see this report.",
             placeholder="Name, and school email if you know it"),
    Question("when", "When", "When did it happen, or when did you see it? (for example: today 15:40, or Monday evening)",
             required=True, placeholder="For example: today 15:40, or Monday evening"),
    Question("platform", "Platform", "Which platform or app was it on?", "choice",
             (Opt("Instagram", "Instagram", ("insta", "ig")), Opt("Snapchat", "Snapchat", ("snap",)),
              Opt("TikTok", "TikTok", ("tik tok",)), Opt("WhatsApp", "WhatsApp", ("whats app", "wa")),
              Opt("Facebook", "Facebook", ("fb", "messenger")), Opt("X (Twitter)", "X (Twitter)", ("twitter", "x")),
              Opt("Discord", "Discord"), Opt("Email", "Email", ("e-mail",)),
              Opt("Text or phone", "Text message or phone call", ("sms", "text", "phone", "call", "imessage")),
              Opt("In person", "In person, not online", ("face to face", "in school", "verbal"))),
             free_text=True, hint="Pick one, or type another (e.g. Roblox, YouTube).", required=True,
             placeholder="Pick one, or type another (e.g. Roblox)"),
    Question("accounts", "Accounts or handles",
             "Which accounts, usernames or handles were involved? (type 'not known' if you can't tell)",
             placeholder="For example: @sam_p2011 (or 'not known')"),
    Question("account_type", "Account type", "Was it on a personal account or a trust/school account?", "choice",
             (Opt("personal", "A personal account", ("my own", "mine", "private")),
              Opt("trust", "A trust or school account", ("school", "work", "official", "school account")),
              Opt("not_sure", "Not sure", ("unsure", "don't know", "dont know")))),
    Question("initiated_by", "Contact started by", "Who started the contact?", "choice",
             (Opt("child", "The child", ("pupil", "student", "kid", "they did")),
              Opt("adult", "An adult (not me)", ("parent", "another adult", "someone else")),
              Opt("staff", "Me or another member of staff", ("me", "i did", "staff", "teacher", "colleague")),
              Opt("unknown", "Not known", ("don't know", "dont know", "unknown", "not sure")))),
    Question("children", "Child or children", "Which child or children? Give name and year group for each "
             "(for example: Sam Patel, Year 9).", required=True,
             placeholder="For example: Sam Patel, Year 9 (or 'not known')"),
    Question("adult_involved", "Adult involved", "Is an adult involved? This includes reporting yourself.", "choice",
             (Opt("another_adult", "Yes, another adult", ("yes", "an adult", "parent", "stranger")),
              Opt("self_report", "Yes, me: I am reporting myself", ("me", "myself", "self report", "self-report")),
              Opt("no", "No", ("no adult", "none")),
              Opt("not_sure", "Not sure", ("unsure", "don't know", "dont know")))),
    Question("what", "What was seen or said", "What was seen or said? Write the child's words exactly as they "
             "were written or said, in quotation marks. Facts, not opinions.", "long", required=True,
             placeholder="In quotation marks, as written or said. Facts, not opinions."),
    Question("actions", "Actions already taken", "What have you done so far? (for example: took screenshots, "
             "did not reply, told my line manager; or 'nothing yet')", "long"),
    Question("dsl_told", "DSL told verbally", "Have you already told the DSL in person or by phone?", "choice",
             YES_NO),
    Question("evidence", "Evidence", "Evidence: describe what you have and where it is kept (for example: "
             "screenshots on my school laptop). Never view, copy or forward sexual images of a child: describe "
             "them instead and tell the DSL now. Type 'none' if there is nothing.", "evidence",
             placeholder="Screenshots on my school laptop... Never copy sexual images of a child: describe them."),
)
# A blank optional field on the form.
NOT_GIVEN = "Not given"
# How each question reads as a field of the one-page form (shorter than its step-by-step prompt).
FORM_LABELS = {
    "concern_about": "Who is the concern about?",
    "subject": "Staff member concerned, if any (won't be told)",
    "children": "Which child or children? Name and year group",
    "when": "When did it happen, or when did you see it?",
    "platform": "Which platform or app?",
    "accounts": "Accounts, usernames or handles involved",
    "account_type": "Personal account, or trust or school account?",
    "initiated_by": "Who started the contact?",
    "adult_involved": "Is an adult involved? (Including you.)",
    "what": "What was seen or said? The child's exact words",
    "actions": "What have you done so far?",
    "dsl_told": "Told the DSL already, in person or by phone?",
    "evidence": "Evidence: what you have and where it is kept",
}

BY_ID = {q.id: q for q in QUESTIONS}
PREFILL_KEYS = ("scenario", "platform", "account_type", "initiated_by", "concern_about", "content_worry", "summary")

GUIDANCE = (
    "Don't reply to the child, and don't delete anything.",
    "Screenshot what you saw, with the name, date and platform showing.",
    "Never view, copy or forward sexual images of a child. Tell the DSL now instead.",
    "Don't investigate, confront anyone, or promise to keep it secret.",
)

POLICY_CLAUSES = ("personal.report_child_contact", "personal.report_inappropriate")


def clean_prefill(raw: object) -> dict:
    """The usable part of a hand-over prefill: known keys with valid values; the rest dropped."""
    if not isinstance(raw, Mapping):
        return {}
    out: dict = {}
    for key in PREFILL_KEYS:
        value = raw.get(key)
        if value is None or isinstance(value, (dict, list)):
            continue
        if isinstance(value, bool):
            if key == "content_worry" and value:
                out[key] = "yes"
            continue
        text = " ".join(str(value).split())[:500]
        if not text:
            continue
        question = BY_ID.get(key)
        if question is not None and question.kind == "choice":
            match = next((o for o in question.options if text.lower() in (o.value.lower(), o.label.lower(),
                                                                              *o.synonyms)), None)
            if match is not None:
                text = match.value
            elif not question.free_text:
                continue
        out[key] = text
    return out


_WHEN = re.compile(r"\b(?:today|yesterday|last night|tonight|this (?:morning|afternoon|evening|week)|"
                   r"(?:on |last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:morning|afternoon|evening|night))?|"
                   r"(?:at |about |around )?\d{1,2}[:.]\d{2}(?: ?[ap]m)?|\d{1,2} ?[ap]m)\b", re.I)
_ABOUT = {"staff": re.compile(r"\b(?:colleague|member of staff|staff member|teacher|volunteer|coach|"
                              r"teaching assistant|supply teacher)s?\b", re.I),
          "child": re.compile(r"\b(?:pupil|student|child|kid|girl|boy|young person|year \d{1,2}|yr ?\d{1,2})s?\b",
                              re.I)}


def suggestions_from_text(text: str) -> dict[str, str]:
    """What a typed message already says, to fill in the form (each stays editable): the platform
    (only one named), who it is about (only if clear), when, and the message itself as the account."""
    said = " ".join(str(text or "").split())
    if not said:
        return {}
    found: dict[str, str] = {}
    words = f" {re.sub(r'[^a-z0-9 ]', ' ', said.lower())} "
    platforms = {o.value for o in BY_ID["platform"].options
                 if any(f" {p} " in words for p in (o.value.lower(), o.label.lower(), *o.synonyms) if len(p) > 2)}
    if len(platforms) == 1:
        found["platform"] = platforms.pop()
    about = [k for k, pattern in _ABOUT.items() if pattern.search(said)]
    if len(about) == 1:
        found["concern_about"] = about[0]
    when = [m.group(0) for m in _WHEN.finditer(said)]
    if when:
        found["when"] = ", ".join(dict.fromkeys(when))
    found["what"] = said[:2000]
    return found


def applies(question: Question, answers: Mapping[str, str]) -> bool:
    """Whether a question is asked given the answers so far."""
    if question.id == "subject":
        return answers.get("concern_about") == "staff"
    return True


def next_question(answers: Mapping[str, str], after: str | None = None) -> Question | None:
    """The first unanswered question that applies (after `after`, when given)."""
    started = after is None
    for q in QUESTIONS:
        if not started:
            started = q.id == after
            continue
        if q.id not in answers and applies(q, answers):
            return q
    return None


def display(question_id: str, value: str) -> str:
    """How an answer reads in the summary: the option's label, or the text as typed."""
    q = BY_ID.get(question_id)
    if q is not None:
        for o in q.options:
            if o.value == value:
                return o.label
    return value


def category(answers: Mapping[str, str]) -> str:
    """The alert's category: what kind of concern, never what happened."""
    base = ABOUT_LABELS.get(answers.get("concern_about", "child"), "Safeguarding concern")
    if answers.get("adult_involved") == "self_report":
        base += " (self-report)"
    label = f"Online safety: {base[0].lower()}{base[1:]}" if answers.get("platform") != "In person" else base
    return f"URGENT: {label}" if answers.get("danger") == "yes" else label


WORRY_LABELS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}


def worrying(answers: Mapping[str, str]) -> bool:
    """Whether the hand-over said the content worries the reporter (yes, or not sure)."""
    return str(answers.get("content_worry", "")).lower() in ("yes", "unsure", "true")


def summary_pairs(answers: Mapping[str, str]) -> list[tuple[str, str]]:
    pairs = []
    if answers.get("summary"):
        pairs.append(("Situation", answers["summary"]))
    if answers.get("content_worry"):
        pairs.append(("Content worries you", WORRY_LABELS.get(answers["content_worry"], answers["content_worry"])))
    for q in QUESTIONS:
        if q.id in answers and applies(q, answers):
            pairs.append((q.label, display(q.id, answers[q.id])))
    return pairs


def stored_content(answers: Mapping[str, str], reporter_name: str, reporter_email: str,
                   school_name: str, evidence_files: list[dict]) -> dict:
    """Everything kept (encrypted) for a report: answers as the reporter reads them, and who sent it."""
    content = {q.id: display(q.id, answers[q.id]) for q in QUESTIONS if q.id in answers and applies(q, answers)}
    for key in ("scenario", "summary", "content_worry"):
        if answers.get(key):
            content[key] = answers[key]
    content.update(reporter_name=reporter_name, reporter_email=reporter_email, school_name=school_name,
                   evidence_files=evidence_files)
    return content


def subject_of(answers: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """(names, emails) the reporter named as the person the concern is about."""
    text = answers.get("subject", "") if answers.get("concern_about") == "staff" else ""
    emails = [w.strip(".,;:()<>").lower() for w in text.split() if "@" in w]
    name = " ".join(w for w in text.replace(",", " ").split() if "@" not in w and w.strip("()") )
    return ([name] if name else []), emails
