"""The report intake's cards: each question, the guidance, the summary, the pickers."""
from __future__ import annotations

from cards import Button, CardView, Facts, Input, NumberedList, Quote, Text
from safeguarding import intake


def cancel_button() -> Button:
    return Button("Cancel", {"control": "cancel"})


def question_card(q: intake.Question, state: dict) -> CardView:
    number = len(state["history"]) + 1
    blocks: list = [Text(q.prompt)]
    if q.hint:
        blocks.append(Text(q.hint, style="subtle"))
    buttons = [Button(o.label, {"step": q.id, "answer": o.value}) for o in q.options]
    if q.kind != "choice" or q.free_text:
        blocks.append(Input("answer", q.label, "multiline" if q.kind in ("long", "evidence") else "text",
                            value=state["answers"].get(q.id, "") if state.get("editing") else ""))
        buttons.append(Button("Next", {"step": q.id}, style="positive"))
    buttons.append(cancel_button())
    return CardView(f"Question {number}" if q.id != "danger" else "Report a concern", tuple(blocks),
                    tuple(buttons), summary=q.prompt)


def guidance_card(quotes: list[tuple[str, str]]) -> CardView:
    blocks: list = [Text("While you report, and afterwards:", style="heading"), NumberedList(intake.GUIDANCE)]
    blocks.extend(Quote(text, source) for text, source in quotes)
    return CardView("Right now", tuple(blocks), summary="While you report: " + " ".join(intake.GUIDANCE))


def summary_card(state: dict) -> CardView:
    pairs = tuple(intake.summary_pairs(state["answers"]))
    return CardView(
        "Check your report",
        (Text("Please check this is right. Nothing has been sent yet."), Facts(pairs),
         Text("Type **submit** to send it, **change** to change an answer, or **cancel**.", style="subtle")),
        (Button("Submit to the DSL", {"action": "report.submit", "submission_id": state["sid"]}, style="positive"),
         Button("Change an answer", {"step": "summary", "answer": "change"}), cancel_button()),
        summary="Check your report, then submit it.")


def changeable(state: dict) -> list[intake.Question]:
    return [q for q in intake.QUESTIONS if q.id in state["answers"] and intake.applies(q, state["answers"])]


def pick_card(state: dict) -> CardView:
    choices = changeable(state)
    return CardView("Which answer do you want to change?", (Text("Pick one, or type its number."),),
                    tuple(Button(q.label, {"step": "pick_change", "answer": q.id}) for q in choices)
                    + (Button("Back to the summary", {"step": "pick_change", "answer": "summary"}),),
                    summary="Which answer do you want to change?")


def confirm_card(kind: str) -> CardView:
    what = "start again" if kind == "restart" else "stop"
    return CardView(
        "Discard this report?",
        (Text(f"If you {what}, what you have typed so far will be thrown away. Nothing has been sent to anyone "
              "yet."),),
        (Button("Keep going", {"control": "keep"}, style="positive"),
         Button("Discard it", {"control": "discard"}, style="destructive")),
        summary="Discard this report? Answer discard or keep going.")
