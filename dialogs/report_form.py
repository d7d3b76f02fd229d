"""The report as one form, for channels that show Adaptive Card inputs (Teams, Web Chat).

Every field of safeguarding.intake on one card, prefilled from what the person already said or
the situation they walked through, the required ones marked; then `read_form` checks what came
back the way the step-by-step walk checks a typed answer.
"""
from __future__ import annotations

from cards import Button, CardView, Choice, Facts, Input, Text
from safeguarding import intake

from .choices import Option, match_option

FORM_STEP = "form"
OTHER = "other"  # the platform list's "somewhere else": the box below it says where
OTHER_BOX = "platform_other"
MAX_ANSWER = 8000
RADIO = ("concern_about", "dsl_told")  # shown as radio buttons; the other lists are drop-downs (shorter on a phone)
STEP_BY_STEP = {"step by step", "one at a time", "one question at a time", "ask me the questions", "questions",
                "no form", "without the form", "step-by-step"}


# The form's questions: all but the danger question (asked first, on its own), in the order a
# person tells it: who, what happened, when and where, then the details.
ORDER = ("concern_about", "subject", "children", "what", "when", "platform", "accounts", "account_type",
         "initiated_by", "adult_involved", "actions", "dsl_told", "evidence")
FIELDS = tuple(intake.BY_ID[q] for q in ORDER)


def _input(q: intake.Question, value: str, other: str = "") -> list:
    label = intake.FORM_LABELS.get(q.id, q.label)
    if q.kind != "choice":
        kind = "multiline" if q.kind in ("long", "evidence") else "text"
        return [Input(q.id, label, kind, placeholder=q.placeholder, required=q.required, value=value)]
    choices = tuple(Choice(o.label, o.value) for o in q.options)
    known = {o.value for o in q.options}
    if not q.free_text:
        kind = "choice" if q.id in RADIO else "dropdown"
        return [Input(q.id, label, kind, choices, required=q.required, value=value if value in known else "",
                      placeholder="Choose one")]
    # A list that also takes anything else: "Somewhere else", and a box to say where.
    chosen = value if value in known else (OTHER if value else "")
    return [Input(q.id, label, "dropdown", (*choices, Choice("Somewhere else (say where below)", OTHER)),
                  required=q.required, value=chosen, placeholder="Choose one"),
            Input(OTHER_BOX, "If somewhere else, where?", "text", placeholder="For example: Roblox, YouTube",
                  value=other or ("" if value in known or value == OTHER else value))]


def form_card(values: dict, problems: list[str], situation: str = "") -> CardView:
    """Every field on one card, `values` filled in (what is known already, or what was sent with a
    problem), the required ones marked."""
    blocks: list = [Text("Fields marked * are needed. Nothing is sent until you have checked it.", style="subtle")]
    if situation:
        blocks += [Text("From the situation you walked through:", style="subtle"), Facts((("Situation", situation),))]
    if problems:
        blocks.append(Text("Please check: " + " ".join(problems), style="attention"))
    for q in FIELDS:
        value = str(values.get(q.id, ""))
        blocks += _input(q, "" if value == intake.NOT_GIVEN else value, str(values.get(OTHER_BOX, "")))
    return CardView(
        "Report a safeguarding concern", tuple(blocks),
        (Button("Check my report", {"step": FORM_STEP}, style="positive"),
         Button("One question at a time", {"step": FORM_STEP, "mode": "steps"})),
        summary="Report a safeguarding concern: fill in the form, then Check my report (or type step by step).")


def read_form(value: dict) -> tuple[dict, list[str]]:
    """(answers, problems) from a submitted form: each field read as a typed answer would be."""
    raw = {k: " ".join(str(v).split()) if isinstance(v, (str, int, float)) else "" for k, v in value.items()}
    answers: dict[str, str] = {}
    problems: list[str] = []
    for q in FIELDS:
        text = str(value.get(q.id, "") or "").strip() if q.kind in ("long", "evidence") else raw.get(q.id, "")
        if q.free_text and text in ("", OTHER):
            text = raw.get(OTHER_BOX, "")
        if q.kind == "choice" and text:
            found = match_option(text, [Option(o.value, o.label, o.synonyms) for o in q.options])
            if found is not None:
                text = found.value
            elif not q.free_text:
                problems.append(f"“{intake.FORM_LABELS.get(q.id, q.label)}” is not one of the options.")
                continue
        if len(text) > MAX_ANSWER:
            problems.append(f"“{q.label}” is longer than {MAX_ANSWER} characters; shorten it, or add the rest "
                            "after submitting.")
        elif text:
            answers[q.id] = text[:200] if q.free_text else text
        elif q.required:
            problems.append(f"“{q.label}” is needed.")
        else:
            answers[q.id] = intake.NOT_GIVEN
    if answers.get("concern_about") == "staff" and answers.get("subject", intake.NOT_GIVEN) == intake.NOT_GIVEN:
        problems.append("Say which member of staff or volunteer it is about.")
    if answers.get("concern_about") != "staff":
        answers.pop("subject", None)
    return answers, problems


def wants_steps(text: str) -> bool:
    """Whether a typed message asks for the questions one at a time instead of the form."""
    return " ".join(text.lower().strip(" .!").split()) in STEP_BY_STEP
